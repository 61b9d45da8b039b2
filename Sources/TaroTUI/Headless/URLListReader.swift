import Foundation

/// Reads URLs one per line from a file or stdin, a block at a time, so a
/// list of a million URLs is never held in memory at once. Blank lines and
/// lines starting with # are skipped.
final class URLListReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false

    init(path: String) throws {
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let h = FileHandle(forReadingAtPath: path) else {
                throw HeadlessArguments.UsageError(description: "cannot read URL list \(path)")
            }
            handle = h
        }
    }

    func next() -> String? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[start..<newline], as: UTF8.self)
                start = newline + 1
                let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                return trimmed
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = String(decoding: buffer[start...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                start = buffer.count
                if line.isEmpty || line.hasPrefix("#") { return nil }
                return line
            }
            buffer.removeFirst(start)
            start = 0
            let chunk = handle.readData(ofLength: 64 * 1024)
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
