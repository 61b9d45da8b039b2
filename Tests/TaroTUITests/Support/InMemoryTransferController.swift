import Foundation
import TaroSync
import TaroNet
import TaroTUI

/// A transfer controller that keeps its transfers in memory and records every
/// call: enough to drive AppSession without any network.
///
/// Its change feed is an honest one, built the way the real one is meant to
/// be: each change is logged with the version it made, so `changes(since:)`
/// answers only the rows changed after the reader's version (new ones in
/// queue order), the ids removed since, and totals kept up to date as rows
/// change. A reorder cannot be told as changes: readers from before it get
/// the whole list. `rowsSent` counts the rows the feed handed out, so tests
/// can see that an idle tick costs nothing.
final class InMemoryTransferController: TransferController {
    fileprivate struct Inner {
        var version: UInt64 = 1
        var items: [TransferSnapshot] = []
        var position: [UInt64: Int] = [:]
        /// (version, id) for every change and addition, in version order.
        var changeLog: [(version: UInt64, id: UInt64)] = []
        /// (version, id) for every removal, in version order.
        var removalLog: [(version: UInt64, id: UInt64)] = []
        /// Readers at an older version than this get the whole list.
        var fullBefore: UInt64 = 1
        var totals = TransferTotals()
        var nextID: UInt64 = 1
        var limit = 4
        var rates = RateLimits.none
        var calls: [String] = []
        var rowsSent = 0
        var fullAnswers = 0
        var shutDown = false

        mutating func reindex() {
            position = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.id, $0) })
            totals = TransferTotals.summing(items)
        }

        /// Records that `id` changed (or appeared) in a new version.
        mutating func touch(_ id: UInt64) {
            version += 1
            changeLog.append((version, id))
        }

        mutating func append(_ row: TransferSnapshot) {
            position[row.id] = items.count
            items.append(row)
            totals.add(row, sign: 1)
            touch(row.id)
        }
    }

    private let inner: Locked<Inner>
    /// Answer every change with the whole list, as TransferManager did
    /// before its feed was incremental: readers must handle both.
    let alwaysFull: Bool

    init(items: [TransferSnapshot] = [], limit: Int = 4, alwaysFull: Bool = false) {
        self.alwaysFull = alwaysFull
        var state = Inner()
        state.items = items
        state.reindex()
        state.nextID = (items.map(\.id).max() ?? 0) + 1
        state.limit = limit
        inner = Locked(state)
    }

    var calls: [String] { inner.withLock { $0.calls } }
    var items: [TransferSnapshot] { inner.withLock { $0.items } }
    var isShutDown: Bool { inner.withLock { $0.shutDown } }
    /// Rows handed out by `changes(since:)` so far, and how many answers were full.
    var rowsSent: Int { inner.withLock { $0.rowsSent } }
    var fullAnswers: Int { inner.withLock { $0.fullAnswers } }

    /// Changes the list as progress from the network would. Rows that keep
    /// their place are sent as changes; any other change to the order
    /// (insertions, removals, reordering) makes the next answer a full list.
    func update(_ change: (inout [TransferSnapshot]) -> Void) {
        inner.withLock { s in
            let before = s.items
            change(&s.items)
            if before.map(\.id) == s.items.map(\.id) {
                for (old, new) in zip(before, s.items) where old != new { s.touch(new.id) }
                s.totals = TransferTotals.summing(s.items)
            } else {
                s.version += 1
                s.fullBefore = s.version
                s.reindex()
            }
        }
    }

    /// Changes one row in place: O(1), as a progress update from the engine.
    func update(id: UInt64, _ change: (inout TransferSnapshot) -> Void) {
        inner.withLock { s in
            guard let index = s.position[id] else { return }
            s.totals.add(s.items[index], sign: -1)
            change(&s.items[index])
            s.totals.add(s.items[index], sign: 1)
            s.touch(id)
        }
    }

    /// Appends rows as if queued elsewhere (not recorded as calls).
    func append(_ rows: [TransferSnapshot]) {
        inner.withLock { s in
            for row in rows {
                s.append(row)
                s.nextID = max(s.nextID, row.id + 1)
            }
        }
    }

    /// Takes rows off the list whatever their state (not recorded as calls).
    func drop(_ ids: [UInt64]) {
        inner.withLock { s in
            for id in ids { s.removeRow(id) }
        }
    }

    func changes(since version: UInt64) -> TransferChanges {
        inner.withLock { s in
            if version == s.version {
                return TransferChanges(version: s.version, isFull: false, changed: [], removed: [], totals: s.totals)
            }
            if alwaysFull || version < s.fullBefore || version > s.version {
                s.rowsSent += s.items.count
                s.fullAnswers += 1
                return TransferChanges(version: s.version, isFull: true, changed: s.items, removed: [],
                                       totals: s.totals)
            }
            var seen = Set<UInt64>()
            var changed: [TransferSnapshot] = []
            let firstChange = Self.firstIndex(after: version, in: s.changeLog)
            for entry in s.changeLog[firstChange...] where seen.insert(entry.id).inserted {
                if let index = s.position[entry.id] { changed.append(s.items[index]) }
            }
            let firstRemoval = Self.firstIndex(after: version, in: s.removalLog)
            let removed = s.removalLog[firstRemoval...].map(\.id)
            s.rowsSent += changed.count
            return TransferChanges(version: s.version, isFull: false, changed: changed, removed: removed,
                                   totals: s.totals)
        }
    }

    /// The first log entry made after `version` (binary search: the log is in version order).
    private static func firstIndex(after version: UInt64, in log: [(version: UInt64, id: UInt64)]) -> Int {
        var low = 0
        var high = log.count
        while low < high {
            let mid = (low + high) / 2
            if log[mid].version <= version { low = mid + 1 } else { high = mid }
        }
        return low
    }

    func queueDownload(url: String, directory: String, checksum: Checksum?) {
        inner.withLock {
            $0.calls.append("queueDownload \(url) -> \(directory)" + (checksum.map { " \($0)" } ?? ""))
            $0.addDownload(url: url, directory: directory)
        }
    }

    func queueDownload(url: String, directory: String, headers: [String: String]) {
        inner.withLock {
            let sent = headers.keys.sorted().map { "\($0): \(headers[$0]!)" }.joined(separator: ", ")
            $0.calls.append("queueDownload \(url) -> \(directory) headers [\(sent)]")
            $0.addDownload(url: url, directory: directory)
        }
    }

    func queueDownloads(urls: [String], directory: String) {
        inner.withLock {
            $0.calls.append("queueDownloads \(urls.count) -> \(directory)")
            for url in urls { $0.addDownload(url: url, directory: directory) }
        }
    }

    func queueUpload(filePath: String, url: String, fieldName: String) {
        inner.withLock {
            $0.calls.append("queueUpload \(filePath) -> \(url) field \(fieldName)")
            let name = filePath.split(separator: "/").last.map(String.init) ?? "upload"
            $0.append(TransferSnapshot(id: $0.nextID, kind: .upload, url: url, name: name, state: .queued,
                                       localPath: filePath))
            $0.nextID += 1
        }
    }

    func abort(_ id: UInt64) { change(id, "abort") { $0.state = .aborted } }
    func togglePause(_ id: UInt64) { change(id, "togglePause") { $0.state = $0.state == .paused ? .active : .paused } }
    func retry(_ id: UInt64) {
        change(id, "retry") {
            $0.state = .queued
            $0.attempt += 1
        }
    }

    /// Removes a finished transfer, as the real controller does.
    func remove(_ id: UInt64) {
        inner.withLock { s in
            s.calls.append("remove \(id)")
            guard let index = s.position[id], s.items[index].state.isFinal else { return }
            s.removeRow(id)
        }
    }

    var concurrencyLimit: Int { inner.withLock { $0.limit } }

    /// Moves a queued row past the next queued one (or to either end of them).
    func move(_ id: UInt64, _ move: QueueMove) {
        inner.withLock { $0.calls.append("move \(id) \(move.rawValue)") }
        update { items in
            guard let from = items.firstIndex(where: { $0.id == id }), items[from].state == .queued else { return }
            let waiting = items.indices.filter { items[$0].state == .queued }
            let slot = waiting.firstIndex(of: from)!
            let to: Int?
            switch move {
            case .up: to = slot > 0 ? waiting[slot - 1] : nil
            case .down: to = slot + 1 < waiting.count ? waiting[slot + 1] : nil
            case .top: to = slot > 0 ? waiting.first : nil
            case .bottom: to = slot + 1 < waiting.count ? waiting.last : nil
            }
            guard let to else { return }
            let row = items.remove(at: from)
            items.insert(row, at: to)
        }
    }

    func setConcurrencyLimit(_ n: Int) {
        inner.withLock {
            $0.calls.append("setConcurrencyLimit \(n)")
            $0.limit = n
        }
    }

    var rateLimits: RateLimits { inner.withLock { $0.rates } }

    func setRateLimits(_ limits: RateLimits) {
        inner.withLock {
            $0.calls.append("setRateLimits \(limits.download)/\(limits.upload)")
            $0.rates = limits
        }
    }

    func setRateLimit(_ id: UInt64, bytesPerSecond: Int64) {
        change(id, "setRateLimit \(bytesPerSecond)") { $0.rateLimit = bytesPerSecond }
    }

    func shutdown() {
        inner.withLock {
            $0.calls.append("shutdown")
            $0.shutDown = true
        }
    }

    private func change(_ id: UInt64, _ name: String, _ body: (inout TransferSnapshot) -> Void) {
        inner.withLock { s in
            s.calls.append("\(name) \(id)")
            guard let index = s.position[id] else { return }
            s.totals.add(s.items[index], sign: -1)
            body(&s.items[index])
            s.totals.add(s.items[index], sign: 1)
            s.touch(id)
        }
    }
}

private extension InMemoryTransferController.Inner {
    mutating func addDownload(url: String, directory: String) {
        let name = url.split(separator: "/").last.map(String.init) ?? "download"
        append(TransferSnapshot(id: nextID, kind: .download, url: url, name: name, state: .queued,
                                localPath: directory + "/" + name))
        nextID += 1
    }

    /// O(n) here (the array shifts); the reader's side is what must not be.
    mutating func removeRow(_ id: UInt64) {
        guard let index = position[id] else { return }
        totals.add(items[index], sign: -1)
        items.remove(at: index)
        position[id] = nil
        for i in index..<items.count { position[items[i].id] = i }
        version += 1
        removalLog.append((version, id))
    }
}
