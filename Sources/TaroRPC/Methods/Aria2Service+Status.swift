import TaroNet

/// The methods that read the list: one transfer, or the active, waiting and
/// stopped ones, in queue order.
extension Aria2Service {
    func tellStatus(_ params: Aria2Params) throws -> JSONValue {
        Aria2Status.project(try row(params), keys: try params.keys(1))
    }

    func getFiles(_ params: Aria2Params) throws -> JSONValue { Aria2Status.files(try row(params)) }

    func getUris(_ params: Aria2Params) throws -> JSONValue { Aria2Status.uris(try row(params)) }

    func getServers(_ params: Aria2Params) throws -> JSONValue {
        let row = try row(params)
        guard row.state == .active || row.state == .connecting else {
            throw RPCError("No active download for GID#\(GID.format(row.id))")
        }
        let speed = String(Int64(max(0, row.bytesPerSecond.rounded())))
        return .array([.object(["index": "1", "servers": .array([.object([
            "uri": .string(row.url), "currentUri": .string(row.url), "downloadSpeed": .string(speed),
        ])])])])
    }

    func tellActive(_ params: Aria2Params) throws -> JSONValue {
        let keys = try params.keys(0)
        let rows = manager.snapshot().items.filter { Aria2Status.status($0.state) == "active" }
        return .array(rows.map { Aria2Status.project($0, keys: keys) })
    }

    /// Waiting and paused ones, as aria2 lists them together.
    func tellWaiting(_ params: Aria2Params) throws -> JSONValue {
        try window(params) { $0 == .queued || $0 == .paused }
    }

    func tellStopped(_ params: Aria2Params) throws -> JSONValue {
        try window(params) { $0.isFinal }
    }

    /// `offset, num, keys`: aria2's window over a list. A negative offset
    /// counts from the end and answers in reverse order.
    private func window(_ params: Aria2Params, _ include: (TransferSnapshot.State) -> Bool) throws -> JSONValue {
        let offset = try params.integer(0)
        let count = try params.integer(1)
        guard count >= 0 else { throw RPCError.wrongType(at: 1) }
        let keys = try params.keys(2)
        let rows = manager.snapshot().items.filter { include($0.state) }
        return .array(Self.window(rows, offset: offset, count: count).map { Aria2Status.project($0, keys: keys) })
    }

    static func window<T>(_ items: [T], offset: Int, count: Int) -> [T] {
        guard count > 0 else { return [] }
        if offset >= 0 {
            guard offset < items.count else { return [] }
            return Array(items[offset..<min(items.count, offset + min(count, items.count))])
        }
        let last = items.count + offset
        guard last >= 0 else { return [] }
        let first = max(0, last - count + 1)
        return Array(items[first...last].reversed())
    }
}
