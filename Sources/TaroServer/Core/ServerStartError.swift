/// Why `TaroServer.init` could not start listening.
public struct ServerStartError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
