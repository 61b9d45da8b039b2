/// A command line that cannot be run as written: an unknown option, a
/// missing or bad value. Every command answers it with its text and exit 2.
public struct UsageError: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}
