/// The line of feedback under the list: what a key just did, why it did
/// nothing, or a question. Cleared by the next key.
public struct StatusMessage: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case info, error, question
    }

    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}
