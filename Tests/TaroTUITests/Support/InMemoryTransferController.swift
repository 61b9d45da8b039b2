import Foundation
import Synchronization
import TaroNet
import TaroTUI

/// A transfer controller that keeps its transfers in memory and records every
/// call: enough to drive AppSession without any network.
final class InMemoryTransferController: TransferController {
    private struct Inner {
        var version: UInt64 = 1
        var items: [TransferSnapshot] = []
        var nextID: UInt64 = 1
        var limit = 4
        var calls: [String] = []
        var shutDown = false
    }

    private let inner: Mutex<Inner>

    init(items: [TransferSnapshot] = [], limit: Int = 4) {
        var state = Inner()
        state.items = items
        state.nextID = (items.map(\.id).max() ?? 0) + 1
        state.limit = limit
        inner = Mutex(state)
    }

    var calls: [String] { inner.withLock { $0.calls } }
    var items: [TransferSnapshot] { inner.withLock { $0.items } }
    var isShutDown: Bool { inner.withLock { $0.shutDown } }

    /// Replaces the list, as progress from the network would.
    func update(_ change: (inout [TransferSnapshot]) -> Void) {
        inner.withLock {
            change(&$0.items)
            $0.version += 1
        }
    }

    func snapshot() -> (version: UInt64, items: [TransferSnapshot]) {
        inner.withLock { ($0.version, $0.items) }
    }

    func queueDownload(url: String, directory: String) {
        inner.withLock {
            $0.calls.append("queueDownload \(url) -> \(directory)")
            let name = url.split(separator: "/").last.map(String.init) ?? "download"
            $0.items.append(TransferSnapshot(id: $0.nextID, kind: .download, url: url, name: name, state: .queued,
                                             localPath: directory + "/" + name))
            $0.nextID += 1
            $0.version += 1
        }
    }

    func queueUpload(filePath: String, url: String, fieldName: String) {
        inner.withLock {
            $0.calls.append("queueUpload \(filePath) -> \(url) field \(fieldName)")
            let name = filePath.split(separator: "/").last.map(String.init) ?? "upload"
            $0.items.append(TransferSnapshot(id: $0.nextID, kind: .upload, url: url, name: name, state: .queued,
                                             localPath: filePath))
            $0.nextID += 1
            $0.version += 1
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

    func remove(_ id: UInt64) {
        inner.withLock {
            $0.calls.append("remove \(id)")
            $0.items.removeAll { $0.id == id && $0.state.isFinal }
            $0.version += 1
        }
    }

    var concurrencyLimit: Int { inner.withLock { $0.limit } }

    func setConcurrencyLimit(_ n: Int) {
        inner.withLock {
            $0.calls.append("setConcurrencyLimit \(n)")
            $0.limit = n
        }
    }

    func shutdown() {
        inner.withLock {
            $0.calls.append("shutdown")
            $0.shutDown = true
        }
    }

    private func change(_ id: UInt64, _ name: String, _ body: (inout TransferSnapshot) -> Void) {
        inner.withLock {
            $0.calls.append("\(name) \(id)")
            if let index = $0.items.firstIndex(where: { $0.id == id }) { body(&$0.items[index]) }
            $0.version += 1
        }
    }
}
