/// A failed task, as WeChat reports it: `errMsg` is "<api>:fail <reason>",
/// e.g. "downloadFile:fail abort", "request:fail timeout".
public struct TaroError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case abort
        case timeout
        /// The request could not be made as given (bad URL, scheme, file).
        case invalidRequest
        /// Anything the network or the disk did.
        case failure
    }

    public let errMsg: String
    public let kind: Kind

    public init(errMsg: String, kind: Kind) {
        self.errMsg = errMsg
        self.kind = kind
    }

    public var description: String { errMsg }

    init(api: String, failure: TransferFailure) {
        switch failure {
        case .aborted: self.init(errMsg: "\(api):fail abort", kind: .abort)
        case .timeout: self.init(errMsg: "\(api):fail timeout", kind: .timeout)
        case .message(let text), .transient(let text, _), .resumable(let text): self.init(errMsg: "\(api):fail \(text)", kind: .failure)
        }
    }
}
