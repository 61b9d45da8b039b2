/// Bandwidth caps in bytes per second, for downloads (what is received) and
/// uploads (what is sent); 0 means none. As a global limit they are shared
/// by every running transfer of that direction; on one transfer, they cap it.
public struct RateLimits: Sendable, Equatable {
    public var download: Int64
    public var upload: Int64

    public static let none = RateLimits()

    public init(download: Int64 = 0, upload: Int64 = 0) {
        self.download = max(0, download)
        self.upload = max(0, upload)
    }
}
