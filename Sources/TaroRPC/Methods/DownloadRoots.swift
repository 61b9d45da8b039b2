import Foundation

/// Where a client may put files: the download directory and whatever other
/// roots the user allowed (`--rpc-allow-dir`). A `dir` from a client is
/// resolved (relative to the download directory, symbolic links followed)
/// and must lie inside one of them; anything else is refused, so a page or
/// script that learned the secret still cannot write over ~/.bashrc.
public struct DownloadRoots: Sendable {
    public let downloadDirectory: String
    let roots: [String]

    public init(downloadDirectory: String, allowed: [String] = []) {
        self.downloadDirectory = Self.resolve(downloadDirectory) ?? downloadDirectory
        roots = ([downloadDirectory] + allowed).compactMap(Self.resolve)
    }

    /// The directory `dir` names, when it exists and lies inside a root.
    func confine(_ dir: String) throws -> String {
        let joined = dir.hasPrefix("/") ? dir : (downloadDirectory as NSString).appendingPathComponent(dir)
        guard !dir.isEmpty, !dir.utf8.contains(0), let resolved = Self.resolve(joined) else {
            throw RPCError("dir \(dir) does not exist")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RPCError("dir \(dir) is not a directory")
        }
        guard roots.contains(where: { resolved == $0 || resolved.hasPrefix($0 == "/" ? "/" : $0 + "/") }) else {
            throw RPCError("dir \(dir) is outside the download directory \(downloadDirectory)")
        }
        return resolved
    }

    /// The canonical path (realpath), nil when it does not exist.
    static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
