import Foundation
import Glibc

/// The state directory: the unfinished transfers in one journal
/// (`queue.journal`, see QueueJournal), mode 0600, and a lock so that only
/// one process uses the directory at a time. A record or a line that cannot
/// be read back is moved to `damaged/`, never deleted. Records an older
/// version kept one file each in `tasks/` are taken into the journal the
/// first time they are loaded.
package final class TransferStore: @unchecked Sendable {
    // @unchecked: `lockFD` is set once in init; the journal is used only on `queue`.

    package struct StoreError: Error, CustomStringConvertible {
        package let description: String
    }

    package let directory: String
    private let tasksDirectory: String
    private let lockFD: Int32
    private let journal: QueueJournal
    private let queue = DispatchQueue(label: "taro.store")
    /// Larger state files are damaged by definition: no huge allocation.
    static let maxFileSize = 256 * 1024

    /// `$XDG_STATE_HOME/taro-tui`, else `~/.local/state/taro-tui`.
    package static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/taro-tui" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/state/taro-tui"
    }

    package init(directory: String) throws {
        self.directory = directory
        tasksDirectory = directory + "/tasks"
        for dir in [directory, directory + "/damaged"] {
            try Self.makeDirectory(dir)
        }
        let fd = open(directory + "/lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw StoreError(description: "cannot open \(directory)/lock: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw StoreError(description: "another taro-tui is using the state directory \(directory)")
        }
        lockFD = fd
        do {
            journal = try QueueJournal(path: directory + "/queue.journal")
        } catch {
            close(fd)
            throw error
        }
        // Already cut out of the journal: keep them now, whether or not load() follows.
        setAside(lines: journal.takeDamaged())
    }

    deinit { close(lockFD) }

    private static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            // Parents first, as mkdir -p.
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            throw StoreError(description: "not a directory: \(path)")
        }
    }

    /// Where `load` moved the files it set aside, so the caller can say so:
    /// a record is never lost in silence.
    package var setAside: [String] { queue.sync { movedAside } }
    private var movedAside: [String] = []

    /// Every readable record, oldest first; damaged or hostile ones are set aside.
    package func load() -> [StoredTransfer] {
        queue.sync {
            var records: [StoredTransfer] = []
            for key in journal.live.keys {
                if let json = journal.json(of: key), let record = Self.decode(json), record.key == key {
                    records.append(record)
                } else {
                    setAside(lines: [journal.json(of: key) ?? Array(key.utf8)])
                    journal.forget(key)
                }
            }
            records += takeLegacyFiles()
            return records.sorted { $0.addedAt < $1.addedAt }
        }
    }

    /// Records kept one file each (an older version): read, set aside when
    /// damaged, written into the journal, and only then removed.
    private func takeLegacyFiles() -> [StoredTransfer] {
        guard let names = Self.names(in: tasksDirectory) else { return [] }
        var records: [StoredTransfer] = []
        var taken: [String] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let path = tasksDirectory + "/" + name
            if let record = read(path), record.key + ".json" == name, journal.live[record.key] == nil {
                records.append(record)
                taken.append(path)
            } else {
                setAside(name)
            }
        }
        guard !records.isEmpty else { return [] }
        if journal.append(lines(for: records)) {
            for path in taken { unlink(path) }
        }
        return records
    }

    /// The entries of a directory, nil when it cannot be opened (usually:
    /// it does not exist). readdir, not FileManager: on a missing directory
    /// FileManager builds a localized NSError, whose code was 13 of the
    /// 64 KiB stretches of text a `get` had resident (W7's peak RSS).
    private static func names(in directory: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    private func read(_ path: String) -> StoredTransfer? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size <= Self.maxFileSize else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        guard Glibc.read(fd, &bytes, bytes.count) == bytes.count else { return nil }
        return Self.decode(bytes)
    }

    /// One record's JSON as a record, nil unless it decodes and is plausible.
    /// Everything read from the state directory passes here.
    package static func decode(_ bytes: [UInt8]) -> StoredTransfer? {
        guard let record = try? JSONDecoder().decode(StoredTransfer.self, from: Data(bytes)), record.isPlausible else {
            return nil
        }
        return record
    }

    private func setAside(_ name: String) {
        let stamp = Int(Date().timeIntervalSince1970)
        let target = directory + "/damaged/\(stamp)-" + name
        if rename(tasksDirectory + "/" + name, target) == 0 { movedAside.append(target) }
    }

    /// Journal lines that could not be read back, kept in one file per load.
    private func setAside(lines: [[UInt8]]) {
        guard !lines.isEmpty else { return }
        let path = directory + "/damaged/\(Int(Date().timeIntervalSince1970))-\(UInt32.random(in: 0...UInt32.max))-journal-lines"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        for line in lines { _ = (line + [JournalLine.newline]).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } }
        fsync(fd)
        close(fd)
        movedAside.append(path)
    }

    private func lines(for records: [StoredTransfer]) -> [JournalLine] {
        records.compactMap { record in record.journalJSON.map { .save(key: record.key, json: $0) } }
    }

    /// Saves records and deletes others in one append and one fdatasync; a
    /// record's old version stays valid until its new one is durable.
    /// Blocking: call it off the UI and engine threads.
    package func commit(save records: [StoredTransfer], delete keys: [String]) {
        guard !records.isEmpty || !keys.isEmpty else { return }
        EngineThread.assertNotCurrent("saving state records")
        queue.sync {
            _ = journal.append(lines(for: records) + keys.map { .delete(key: $0) })
        }
    }

    package func save(_ records: [StoredTransfer]) { commit(save: records, delete: []) }

    package func save(_ record: StoredTransfer) { save([record]) }

    package func delete(keys: [String]) { commit(save: [], delete: keys) }

    package func delete(key: String) { delete(keys: [key]) }

    /// Every save and delete is synchronous now; kept for callers that
    /// want to say they wait for the disk.
    package func flush() {
        queue.sync {}
    }

    /// A new record key: 12 random base-36 characters, short enough to be
    /// stored inside a String without a heap buffer of its own.
    package static func makeKey() -> String {
        var key = String(UInt64.random(in: 0...UInt64.max) >> 2, radix: 36)
        while key.count < 12 { key = "0" + key }
        return String(key.suffix(12))
    }
}
