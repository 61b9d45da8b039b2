import Foundation
import CSystem
import Glibc

/// The state directory: one JSON file per unfinished transfer, each written
/// atomically (temp file, fsync, rename, directory fsync) with mode 0600,
/// and a lock so that only one process uses the directory at a time. A file
/// that cannot be read back is moved to `damaged/`, never deleted.
public final class TransferStore: @unchecked Sendable {
    // @unchecked: `lockFD` is set once in init; every write goes through `queue`.

    public struct StoreError: Error, CustomStringConvertible {
        public let description: String
    }

    public let directory: String
    private let tasksDirectory: String
    private let lockFD: Int32
    private let queue = DispatchQueue(label: "taro.store")
    /// Larger state files are damaged by definition: no huge allocation.
    static let maxFileSize = 256 * 1024

    /// `$XDG_STATE_HOME/taro-tui`, else `~/.local/state/taro-tui`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/taro-tui" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/state/taro-tui"
    }

    public init(directory: String) throws {
        self.directory = directory
        tasksDirectory = directory + "/tasks"
        for dir in [directory, tasksDirectory, directory + "/damaged"] {
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
    public var setAside: [String] { queue.sync { movedAside } }
    private var movedAside: [String] = []

    /// Every readable record; damaged or hostile ones are set aside.
    public func load() -> [StoredTransfer] {
        queue.sync {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: tasksDirectory)) ?? []
            var records: [StoredTransfer] = []
            for name in names.sorted() where name.hasSuffix(".json") {
                let path = tasksDirectory + "/" + name
                if let record = read(path), record.key + ".json" == name {
                    records.append(record)
                } else {
                    setAside(name)
                }
            }
            return records.sorted { $0.addedAt < $1.addedAt }
        }
    }

    private func read(_ path: String) -> StoredTransfer? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size <= Self.maxFileSize else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        guard Glibc.read(fd, &bytes, bytes.count) == bytes.count else { return nil }
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

    /// Writes records atomically: each to a temp file, all made durable
    /// together (one syncfs for a batch), then each renamed over its old
    /// version and the directory synced once. An old record stays until its
    /// new version is complete. Blocking: call it off the UI and engine threads.
    public func save(_ records: [StoredTransfer]) {
        guard !records.isEmpty else { return }
        EngineThread.assertNotCurrent("saving state records")
        queue.sync {
            var written: [(temp: String, final: String, fd: Int32)] = []
            for record in records {
                guard let data = try? JSONEncoder().encode(record) else { continue }
                let final = tasksDirectory + "/" + record.key + ".json"
                let temp = final + ".tmp"
                unlink(temp)
                let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
                guard fd >= 0 else { continue }
                if data.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) == $0.count }) {
                    written.append((temp, final, fd))
                } else {
                    close(fd)
                    unlink(temp)
                }
            }
            guard !written.isEmpty else { return }
            let together = written.count > 1 && taro_syncfs(written[0].fd) == 0
            for file in written {
                let ok = together || fsync(file.fd) == 0
                close(file.fd)
                if !ok || rename(file.temp, file.final) != 0 { unlink(file.temp) }
            }
            Self.syncDirectory(tasksDirectory)
        }
    }

    public func save(_ record: StoredTransfer) { save([record]) }

    /// Deletes records, then syncs the directory once.
    public func delete(keys: [String]) {
        guard !keys.isEmpty else { return }
        queue.sync {
            for key in keys { unlink(tasksDirectory + "/" + key + ".json") }
            Self.syncDirectory(tasksDirectory)
        }
    }

    public func delete(key: String) { delete(keys: [key]) }

    /// Every save and delete is synchronous now; kept for callers that
    /// want to say they wait for the disk.
    public func flush() {
        queue.sync {}
    }

    private static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
