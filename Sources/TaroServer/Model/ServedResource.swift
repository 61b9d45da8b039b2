import Foundation

/// A named file the server pretends to hold (see `TaroServer.setResource`).
/// Its content is `DeterministicBody(seed)` truncated to `size`; replacing the
/// resource at runtime is how tests say "the file changed on the server".
public struct ServedResource: Sendable, Equatable {
    public var size: Int64
    public var seed: UInt64
    /// The entity tag, with or without surrounding quotes. When nil, one is
    /// derived from seed and size (so a changed resource gets a new tag);
    /// request `?noetag=1` to serve none.
    public var etag: String?
    /// Serve the tag as weak (`W/"…"`), which must never satisfy `If-Range`.
    public var weakETag: Bool
    /// Sent as `Last-Modified` when set.
    public var lastModified: Date?

    public init(size: Int64, seed: UInt64, etag: String? = nil, weakETag: Bool = false, lastModified: Date? = nil) {
        self.size = size
        self.seed = seed
        self.etag = etag
        self.weakETag = weakETag
        self.lastModified = lastModified
    }
}
