import Foundation
import Glibc

/// The durable queue as one append-only file (see JournalLine): saving a
/// batch of records or deleting a batch is one write and one fdatasync,
/// where a file per record cost a create, a write, a rename and a
/// directory sync each, and as many unlinks again when the list was done.
///
/// The journal knows where each live key's latest line is, so it never
/// decodes JSON to keep itself small: once dead lines (older versions,
/// deleted records) outweigh the live ones it copies the live lines into a
/// new file, syncs it and renames it over the old one. A crash at any point
/// leaves either the old file or the new one, whole.
///
/// Not thread-safe: TransferStore calls it from its one queue.
final class QueueJournal {
    struct Location: Equatable {
        var offset: Int64
        var length: Int
    }

    let path: String
    private var fd: Int32
    private(set) var size: Int64 = 0
    /// Where each live record's latest line is.
    private(set) var live = JournalIndex()
    private var liveBytes: Int64 = 0
    /// Dead lines compact away only past this much, so a short list never
    /// rewrites its journal.
    static let compactionFloor: Int64 = 1 << 20
    /// How much is read, and written, at a time while scanning and
    /// compacting: 1 MiB buffers (each doubled while filling) were the
    /// memory peak's last few MiB at 100,000 waiting records.
    static let ioChunk = 1 << 18

    /// Lines that were not ours or were cut short by a crash, found while
    /// opening: the caller sets them aside.
    private(set) var damaged: [[UInt8]] = []

    /// Opens (or creates, mode 0600) the journal and finds each key's latest
    /// line. A torn last line (a crash mid-write) and damaged lines are
    /// collected in `damaged` and the file is rewritten without them.
    init(path: String) throws {
        self.path = path
        unlink(path + ".tmp") // a compaction that never finished; the journal itself is whole
        let existed = access(path, F_OK) == 0
        fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw TransferStore.StoreError(description: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw TransferStore.StoreError(description: "not a regular file: \(path)")
        }
        if !existed { Self.syncDirectory(of: path) }
        scan(length: Int64(st.st_size))
        if !damaged.isEmpty { compact() }
    }

    deinit { close(fd) }

    // MARK: reading

    /// Reads the lines one chunk at a time, never the whole file at once.
    private func scan(length: Int64) {
        let (end, rest) = Self.forEachLine(of: fd, length: length) { line, offset, length in
            take(line, at: offset, length: length)
            return true
        }
        size = end
        if !rest.isEmpty {
            // A torn last line: the write that made it never finished, so it
            // was never acknowledged. Set aside and cut off.
            damaged.append(rest)
            ftruncate(fd, off_t(end))
        }
    }

    /// Calls `body` with each whole line of the first `length` bytes of
    /// `fd` (without its LF), its offset and its length (LF included),
    /// reading `ioChunk` bytes at a time, until `body` says false. Returns
    /// where the last whole line ended and what followed it (a torn line).
    private static func forEachLine(of fd: Int32, length: Int64,
                                    _ body: (ArraySlice<UInt8>, Int64, Int) -> Bool) -> (end: Int64, rest: [UInt8]) {
        var offset: Int64 = 0
        // A short journal gets buffers its size, not a chunk's.
        let chunkSize = Int(max(1, min(Int64(ioChunk), length)))
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var pending: [UInt8] = []
        pending.reserveCapacity(2 * chunkSize)
        while offset + Int64(pending.count) < length {
            let wanted = min(chunk.count, Int(length - offset) - pending.count)
            let got = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, wanted, off_t(offset + Int64(pending.count))) }
            guard got > 0 else { break }
            pending += chunk[0..<got]
            var start = 0
            while let end = pending[start...].firstIndex(of: JournalLine.newline) {
                guard body(pending[start..<end], offset + Int64(start), end - start + 1) else {
                    return (offset + Int64(start), [])
                }
                start = end + 1
            }
            offset += Int64(start)
            pending.removeFirst(start)
        }
        return (offset, pending)
    }

    private func take(_ line: ArraySlice<UInt8>, at offset: Int64, length: Int) {
        switch JournalLine.parse(line) {
        case .save(let key, _):
            if let old = live[key] { liveBytes -= Int64(old.length) }
            live[key] = Location(offset: offset, length: length)
            liveBytes += Int64(length)
        case .delete(let key):
            if let old = live.removeValue(forKey: key) { liveBytes -= Int64(old.length) }
        case nil:
            damaged.append(Array(line))
        }
    }

    /// The live records of a journal as they are on disk, oldest key first,
    /// read without opening it for writing or repairing anything: what
    /// another process (a test, a look from outside) may do while the owner
    /// runs. Whole lines only; a torn last line is not there yet.
    static func liveRecords(atPath path: String) -> [(key: String, json: [UInt8])] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var order: [String] = []
        var seen = Set<String>()
        var latest: [String: [UInt8]] = [:]
        for line in data.split(separator: JournalLine.newline, omittingEmptySubsequences: true) {
            switch JournalLine.parse(line) {
            case .save(let key, let json):
                if seen.insert(key).inserted { order.append(key) }
                latest[key] = json
            case .delete(let key):
                latest[key] = nil
            case nil:
                continue
            }
        }
        return order.compactMap { key in latest[key].map { (key, $0) } }
    }

    /// The JSON of a live record's latest line.
    func json(of key: String) -> [UInt8]? {
        guard let at = live[key] else { return nil }
        var bytes = [UInt8](repeating: 0, count: at.length)
        let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, at.length, off_t(at.offset)) }
        guard got == at.length, case .save(_, let json)? = JournalLine.parse(bytes.dropLast()) else { return nil }
        return json
    }

    /// The damaged lines found while opening, handed over once.
    func takeDamaged() -> [[UInt8]] {
        defer { damaged.removeAll() }
        return damaged
    }

    /// Forgets a record without writing (one set aside as damaged); gone
    /// from the file at the next compaction.
    func forget(_ key: String) {
        if let old = live.removeValue(forKey: key) { liveBytes -= Int64(old.length) }
    }

    // MARK: writing

    /// Appends the lines and makes them durable with one fdatasync. On a
    /// failed write the file is cut back, so no partial line stays.
    @discardableResult
    func append(_ lines: [JournalLine]) -> Bool {
        guard !lines.isEmpty else { return true }
        var buffer: [UInt8] = []
        var placed: [(line: JournalLine, at: Location)] = []
        // A key saved earlier in this same batch is live by the time its delete is read.
        var savedHere = Set<String>()
        for line in lines {
            switch line {
            case .save(let key, _): savedHere.insert(key)
            case .delete(let key): if live[key] == nil && !savedHere.contains(key) { continue }
            }
            let bytes = line.bytes
            placed.append((line, Location(offset: size + Int64(buffer.count), length: bytes.count)))
            buffer += bytes
        }
        guard !buffer.isEmpty else { return true }
        guard Self.writeAll(fd, buffer), fdatasync(fd) == 0 else {
            ftruncate(fd, off_t(size))
            return false
        }
        size += Int64(buffer.count)
        for (line, at) in placed {
            switch line {
            case .save(let key, _):
                if let old = live[key] { liveBytes -= Int64(old.length) }
                live[key] = at
                liveBytes += Int64(at.length)
            case .delete(let key):
                forget(key)
            }
        }
        if size - liveBytes > max(Self.compactionFloor, liveBytes) { compact() }
        return true
    }

    /// Rewrites the file with only the live lines, in the order they were
    /// written: a new file, synced, renamed over the old one, the directory
    /// synced. On any failure the old file stays as it was.
    ///
    /// Both files are read front to back, a chunk at a time: a line is
    /// copied when the index says it is its key's latest, and once the new
    /// file is in place the index learns the new places from it. No list of
    /// the live records is made on the way (sorting one was the largest
    /// thing this process allocated at 100,000 waiting records).
    func compact() {
        let temp = path + ".tmp"
        let out = open(temp, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard out >= 0 else { return }
        var written: Int64 = 0
        var copied = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(2 * Self.ioChunk)
        var ok = true
        _ = Self.forEachLine(of: fd, length: size) { line, offset, length in
            guard let key = JournalLine.savedKey(in: line), live[key] == Location(offset: offset, length: length)
            else { return true }
            buffer += line
            buffer.append(JournalLine.newline)
            copied += 1
            if buffer.count >= Self.ioChunk {
                guard Self.writeAll(out, buffer) else { ok = false; return false }
                written += Int64(buffer.count)
                buffer.removeAll(keepingCapacity: true)
            }
            return true
        }
        if ok, Self.writeAll(out, buffer) {
            written += Int64(buffer.count)
        } else {
            ok = false
        }
        // Every live record must have been found where the index said.
        guard ok, copied == live.count, fsync(out) == 0, rename(temp, path) == 0 else {
            close(out)
            unlink(temp)
            return
        }
        Self.syncDirectory(of: path)
        close(fd)
        fd = out
        size = written
        liveBytes = written
        // Every line of the new file is live: each key's new place, in place
        // (the index keeps its size).
        _ = Self.forEachLine(of: fd, length: written) { line, offset, length in
            if let key = JournalLine.savedKey(in: line) { live[key] = Location(offset: offset, length: length) }
            return true
        }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
    }

    static func syncDirectory(of path: String) {
        let fd = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
