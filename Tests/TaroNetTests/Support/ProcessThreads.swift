import Foundation

/// This process's threads as the kernel lists them in /proc/self/task:
/// id, name (comm) and nice value.
enum ProcessThreads {
    struct Entry {
        let id: Int
        let name: String
        let nice: Int
    }

    static func list() -> [Entry] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.compactMap { tid in
            guard let id = Int(tid),
                  let stat = try? String(contentsOfFile: "/proc/self/task/\(tid)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { return nil }
            // "pid (comm) state …": after the name, state is field 3 and nice field 19.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 16, let nice = Int(fields[16]) else { return nil }
            return Entry(id: id, name: String(stat[stat.index(after: open)..<close]), nice: nice)
        }
    }
}
