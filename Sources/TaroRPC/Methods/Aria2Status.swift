import Foundation
import TaroNet

/// A transfer as aria2 describes a download (`aria2.tellStatus`): numbers
/// as decimal strings, a status word, one file whose URIs are the one URL.
/// An upload is an entry like any other whose file says `"kind":"upload"`;
/// its bytes count as uploaded. Strings are passed on raw: JSON escapes
/// them, and whoever shows them escapes them for their screen.
enum Aria2Status {
    static func status(_ state: TransferSnapshot.State) -> String {
        switch state {
        case .queued: return "waiting"
        case .connecting, .active: return "active"
        // Saved by another run and not continued yet: waiting for the user, as a paused one is.
        case .paused, .saved: return "paused"
        case .done: return "complete"
        case .failed: return "error"
        case .aborted: return "removed"
        }
    }

    /// The whole status, or only `keys` of it when given.
    static func project(_ row: TransferSnapshot, keys: Set<String>? = nil) -> JSONValue {
        let upload = row.kind == .upload
        let speed = String(Int64(max(0, row.bytesPerSecond.rounded())))
        var fields: [String: JSONValue] = [
            "gid": .string(GID.format(row.id)),
            "status": .string(status(row.state)),
            "totalLength": .string(String(row.bytesTotal ?? 0)),
            "completedLength": .string(String(row.bytesDone)),
            "uploadLength": .string(upload ? String(row.bytesDone) : "0"),
            "downloadSpeed": .string(upload || row.state != .active ? "0" : speed),
            "uploadSpeed": .string(upload && row.state == .active ? speed : "0"),
            "connections": .string(row.state == .active || row.state == .connecting ? "1" : "0"),
            "numPieces": .string("1"),
            "pieceLength": .string(String(max(row.bytesTotal ?? 0, 1))),
            "dir": .string(directory(of: row)),
            "files": files(row),
        ]
        if row.state == .failed || row.state == .done {
            fields["errorCode"] = .string(errorCode(row))
            fields["errorMessage"] = .string(row.errorMessage ?? "")
        }
        guard let keys else { return .object(fields) }
        return .object(fields.filter { keys.contains($0.key) })
    }

    static func files(_ row: TransferSnapshot) -> JSONValue {
        let uriStatus = row.state.isFinal || row.state == .queued || row.state == .paused ? "waiting" : "used"
        return .array([.object([
            "index": "1",
            "path": .string(row.localPath ?? ""),
            "length": .string(String(row.bytesTotal ?? 0)),
            "completedLength": .string(String(row.bytesDone)),
            "selected": "true",
            "kind": .string(row.kind.rawValue),
            "uris": uris(row, status: uriStatus),
        ])])
    }

    static func uris(_ row: TransferSnapshot, status: String = "used") -> JSONValue {
        .array([.object(["uri": .string(row.url), "status": .string(status)])])
    }

    static func directory(of row: TransferSnapshot) -> String {
        guard let path = row.localPath else { return "" }
        return (path as NSString).deletingLastPathComponent
    }

    /// aria2's exit codes, as far as they can be told here: 3 for a
    /// resource not found, 2 for a timeout, 1 for the rest.
    static func errorCode(_ row: TransferSnapshot) -> String {
        guard row.state == .failed else { return "0" }
        if row.statusCode == 404 { return "3" }
        if row.errorMessage?.contains("timeout") == true { return "2" }
        return "1"
    }
}
