/// One header line as received, in order; a plain value so request logs can
/// cross threads.
public struct HeaderField: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    public var description: String { "\(name): \(value)" }
}
