import Foundation
import Glibc

/// One spelling for each place on disk. A destination is compared, reserved
/// and saved as a string, so every way a person can name the same directory
/// (`out`, `./out/`, `a/../out`, `~/out`, a symlink to it) must become the same
/// string before it is used; otherwise a rerun does not recognise its own
/// `.part` and starts a numbered sibling from zero.
public enum LocalPath {
    /// `path` made absolute and canonical: `~` and `~user` expanded, a
    /// relative path taken from `workingDirectory` (the process's own when
    /// nil), empty and `.` components dropped, and every component that
    /// exists resolved through its symlinks, so that `..` means what the
    /// kernel means by it. The part that does not exist yet is kept as
    /// written, with `..` taken lexically; a `..` that leads back into what
    /// exists resolves what follows again.
    public static func canonicalDirectory(_ path: String, workingDirectory: String? = nil) -> String {
        let absolute = absolutePath(path, workingDirectory: workingDirectory)
        var resolved = "/"
        var exists = true
        for component in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".":
                continue
            case "..":
                // `resolved` holds no symlink and no `..`: its parent is lexical.
                resolved = parent(of: resolved)
                // Backed out of the missing part, what follows exists again
                // and must be resolved: `missing/../link` is where link points.
                if !exists { exists = access(resolved, F_OK) == 0 }
            default:
                let next = resolved == "/" ? "/" + component : resolved + "/" + component
                if exists, let real = realPath(next) {
                    resolved = real
                } else {
                    exists = false
                    resolved = next
                }
            }
        }
        return resolved
    }

    /// A file's path made canonical the same way, except its last component,
    /// which is never followed: a download's name is its own, and a symlink
    /// planted under it must stay a symlink for the writer to refuse.
    public static func canonicalFile(_ path: String, workingDirectory: String? = nil) -> String {
        var directories: [String: String] = [:]
        return canonicalFile(path, workingDirectory: workingDirectory, directories: &directories)
    }

    /// The same, resolving each directory once per `directories` (spelled →
    /// canonical): 100,000 saved records in a few directories cost a few
    /// realpath walks, not 100,000.
    public static func canonicalFile(_ path: String, workingDirectory: String? = nil,
                                     directories: inout [String: String]) -> String {
        let absolute = absolutePath(path, workingDirectory: workingDirectory)
        let trimmed = absolute.count > 1 && absolute.hasSuffix("/") ? String(absolute.dropLast()) : absolute
        let name = (trimmed as NSString).lastPathComponent
        let directory = (trimmed as NSString).deletingLastPathComponent
        guard !name.isEmpty, name != ".", name != "..", name != "/" else {
            return canonicalDirectory(trimmed)
        }
        let spelled = directory.isEmpty ? "/" : directory
        let base = directories[spelled] ?? canonicalDirectory(spelled)
        directories[spelled] = base
        return base == "/" ? "/" + name : base + "/" + name
    }

    /// `~`, `~/x` and `~user/x` expanded; a relative path put under the working directory.
    static func absolutePath(_ path: String, workingDirectory: String?) -> String {
        var path = path
        if path == "~" || path.hasPrefix("~/") {
            // $HOME, as the shell would: a quoted or `--dir=~/x` tilde means the same place.
            let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
                ?? NSHomeDirectory()
            path = home + path.dropFirst()
        } else if path.hasPrefix("~") {
            path = (path as NSString).expandingTildeInPath
        }
        if path.hasPrefix("/") { return path }
        let base = workingDirectory ?? FileManager.default.currentDirectoryPath
        return path.isEmpty ? base : base + "/" + path
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), path != "/" else { return "/" }
        let head = String(path[..<slash])
        return head.isEmpty ? "/" : head
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
