import Foundation
import TaroNet

/// What `taro-tui ls` prints: a table with every string from the instance
/// escaped for the terminal (URLs and names come from clients and servers),
/// or with --json the statuses as aria2 gives them, one JSON object a line.
enum RemoteListing {
    static func render(_ rows: [JSONValue], json: Bool, asciiOnly: Bool) -> String {
        if json { return rows.map { $0.serialized + "\n" }.joined() }
        var text = pad("ID", 17) + pad("STATUS", 9) + pad("PROGRESS", 9) + pad("SPEED", 11) + "NAME\n"
        for row in rows {
            let total = Int64(row["totalLength"]?.stringValue ?? "") ?? 0
            let done = Int64(row["completedLength"]?.stringValue ?? "") ?? 0
            // In Double: the numbers come from whatever answers on the port, and may be near Int64's end.
            let progress = total > 0 ? "\(Int(min(100, max(0, Double(done) * 100 / Double(total)))))%" : ByteFormat.size(done)
            let upload = row["files"]?[0]?["kind"]?.stringValue == "upload"
            let speed = Double(row[upload ? "uploadSpeed" : "downloadSpeed"]?.stringValue ?? "") ?? 0
            let path = row["files"]?[0]?["path"]?.stringValue ?? ""
            let name = (path as NSString).lastPathComponent
            let url = row["files"]?[0]?["uris"]?[0]?["uri"]?.stringValue ?? ""
            let shown = TerminalText.sanitize(name.isEmpty ? url : name, asciiOnly: asciiOnly, limit: 512)
            text += pad(TerminalText.sanitize(row["gid"]?.stringValue ?? "?"), 17)
                + pad(TerminalText.sanitize(row["status"]?.stringValue ?? "?"), 9)
                + pad(progress, 9) + pad(ByteFormat.rate(speed), 11) + (upload ? (asciiOnly ? "^ " : "↑ ") : "") + shown + "\n"
        }
        return text
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
