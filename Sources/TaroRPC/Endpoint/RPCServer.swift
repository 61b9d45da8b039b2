import Foundation
import TaroNet

/// The endpoint as a program runs it: the service over a manager, its
/// listener, and the endpoint file in the state directory, started and
/// stopped together. Stop it before the manager shuts down: no call may
/// reach a manager that is closing.
public final class RPCServer: Sendable {
    public struct Configuration: Sendable {
        public var port: UInt16 = 6800
        /// nil: one is generated and written to the state directory.
        public var secret: String?
        public var downloadDirectory: String
        /// Other directories a client's `dir` may name.
        public var allowedDirectories: [String] = []
        public var stateDirectory: String?
        public var limits = RPCListener.Limits()

        public init(downloadDirectory: String, stateDirectory: String?) {
            self.downloadDirectory = downloadDirectory
            self.stateDirectory = stateDirectory
        }
    }

    public let port: UInt16
    public let secret: String
    private let listener: RPCListener
    private let stateDirectory: String?

    public init(manager: TransferManager, configuration: Configuration) throws {
        let secret = configuration.secret.map(RPCSecret.init) ?? RPCSecret.generate()
        let service = Aria2Service(manager: manager, secret: secret,
                                   roots: DownloadRoots(downloadDirectory: configuration.downloadDirectory,
                                                        allowed: configuration.allowedDirectories))
        listener = try RPCListener(service: service, port: configuration.port, limits: configuration.limits)
        port = listener.port
        self.secret = secret.text
        stateDirectory = configuration.stateDirectory
        if let stateDirectory {
            do {
                try RPCEndpoint(port: port, secret: secret.text).write(stateDirectory: stateDirectory)
            } catch {
                listener.stop()
                throw error
            }
        }
    }

    public func stop() {
        listener.stop()
        if let stateDirectory { RPCEndpoint.remove(stateDirectory: stateDirectory) }
    }
}
