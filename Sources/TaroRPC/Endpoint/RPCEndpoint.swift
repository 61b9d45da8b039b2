import Foundation
import TaroNet

/// Where a running instance listens and with which secret, kept in its
/// state directory as `rpc.json` (mode 0600, in a 0700 directory) while it
/// runs: the command line reads it to hand URLs to that instance, and a
/// user reads the secret there to give it to aria2p or a front end.
public struct RPCEndpoint: Equatable, Sendable {
    public var port: UInt16
    public var secret: String

    public init(port: UInt16, secret: String) {
        self.port = port
        self.secret = secret
    }

    public static func path(stateDirectory: String) -> String { stateDirectory + "/rpc.json" }

    /// Written as temp file + rename, created 0600 and never through a link.
    public func write(stateDirectory: String) throws {
        let path = Self.path(stateDirectory: stateDirectory)
        let temp = path + ".tmp"
        unlink(temp)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw RPCListener.StartError(description: "cannot write \(temp): \(String(cString: strerror(errno)))") }
        let text = JSONValue.object(["port": .number(Double(port)), "secret": .string(secret),
                                     "pid": .number(Double(getpid()))]).serialized + "\n"
        let written = text.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
        close(fd)
        guard written == text.utf8.count, rename(temp, path) == 0 else {
            unlink(temp)
            throw RPCListener.StartError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The endpoint a running instance left, nil when there is none.
    public static func read(stateDirectory: String) -> RPCEndpoint? {
        let fd = open(path(stateDirectory: stateDirectory), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 4096) }
        guard n > 0, let value = JSONValue.parse(Array(buffer[0..<n])),
              let port = value["port"]?.intValue, (1...65535).contains(port),
              let secret = value["secret"]?.stringValue else { return nil }
        return RPCEndpoint(port: UInt16(port), secret: secret)
    }

    public static func remove(stateDirectory: String) {
        unlink(path(stateDirectory: stateDirectory))
    }
}
