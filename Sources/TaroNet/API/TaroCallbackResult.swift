/// What `complete` receives, whichever way the task ended.
public struct TaroCallbackResult: Sendable, Equatable {
    public let errMsg: String
}
