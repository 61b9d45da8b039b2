import Glibc
import TaroTUI

/// The URL-list reader, given the input as a file: it ends, counts at most
/// one line per newline (plus a last unterminated one), and every URL it
/// returns is trimmed, one line, and not a comment.
enum URLListInvariant {
    static func check(_ bytes: [UInt8]) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { violated("pipe failed") }
        // A pipe holds 64 KiB; inputs are capped below that by -max_len.
        let written = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        defer { close(fds[0]) }
        guard written == bytes.count else { return }
        let reader = URLListReader(descriptor: fds[0], name: "fuzz")
        let lines = bytes.filter { $0 == 0x0A }.count + 1
        var count = 0
        while let url = reader.next() {
            count += 1
            if count > lines { violated("more URLs than lines") }
            if url.isEmpty || url.hasPrefix("#") { violated("blank or comment returned: \(url.debugDescription)") }
            if url.contains("\n") { violated("newline inside \(url.debugDescription)") }
            if url.first!.isWhitespace || url.last!.isWhitespace { violated("untrimmed \(url.debugDescription)") }
        }
        if reader.lineNumber > lines { violated("line number \(reader.lineNumber) of \(lines)") }
    }
}
