import Foundation
import TaroNet

/// The methods that change the list: add, pause, resume, remove.
extension Aria2Service {
    /// `[uris], {options}, position`: several URIs are mirrors of one file
    /// in aria2; here a download has one URL, so the first is used. With a
    /// position it is put there among the waiting, as changePosition would.
    func addUri(_ params: Aria2Params) throws -> JSONValue {
        let uris = try params.strings(0)
        guard let uri = uris.first else { throw RPCError("No URI to download.") }
        try Self.checkURI(uri)
        let options = try Aria2AddOptions(try params.options(1), roots: roots, index: 1)
        var position: Int?
        if let value = params[2], value != .null {
            position = try params.integer(2)
            guard position! >= 0 else { throw RPCError.wrongType(at: 2) }
        }
        let id = manager.addDownload(url: uri, directory: options.directory, fileName: options.fileName,
                                     headers: options.headers, checksum: options.checksum)
        if options.maxDownloadLimit > 0 { manager.setRateLimit(id, bytesPerSecond: options.maxDownloadLimit) }
        if let position { _ = manager.move(id, toWaitingPosition: position) }
        return .string(GID.format(id))
    }

    /// Only http and https, and no control characters: what the manager
    /// would refuse is refused here, before a row exists.
    static func checkURI(_ uri: String) throws {
        let lower = uri.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), uri.utf8.count <= 8192,
              !uri.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7f }) else {
            throw RPCError("Unsupported URI: only http:// and https:// URLs can be added")
        }
    }

    func row(_ params: Aria2Params, at index: Int = 0) throws -> TransferSnapshot {
        let id = try params.gid(index)
        guard let row = manager.snapshot(of: id) else { throw RPCError.notFound(GID.format(id)) }
        return row
    }

    /// Stops a waiting, paused or running transfer; it stays listed as
    /// `removed` until its result is removed. Waits (boundedly) for a
    /// running one to stop, as a client that removes the result next expects.
    func remove(_ params: Aria2Params) throws -> JSONValue {
        let row = try row(params)
        let gid = GID.format(row.id)
        guard !row.state.isFinal else { throw RPCError("Active Download not found for GID#\(gid)") }
        manager.abort(row.id)
        let end = ContinuousClock.now + removeWait
        while ContinuousClock.now < end, manager.snapshot(of: row.id)?.state.isFinal == false {
            Thread.sleep(forTimeInterval: 0.02)
        }
        return .string(gid)
    }

    func pause(_ params: Aria2Params) throws -> JSONValue {
        let row = try row(params)
        guard manager.pause(row.id) else { throw RPCError("GID#\(GID.format(row.id)) cannot be paused now") }
        return .string(GID.format(row.id))
    }

    func unpause(_ params: Aria2Params) throws -> JSONValue {
        let row = try row(params)
        guard manager.resume(row.id) else { throw RPCError("GID#\(GID.format(row.id)) cannot be unpaused now") }
        return .string(GID.format(row.id))
    }

    func pauseAll() -> JSONValue {
        for row in manager.snapshot().items where !row.state.isFinal && row.state != .paused {
            manager.pause(row.id)
        }
        return "OK"
    }

    func unpauseAll() -> JSONValue {
        for row in manager.snapshot().items where row.state == .paused { manager.resume(row.id) }
        return "OK"
    }

    /// Takes a finished, failed or removed transfer off the list; its file stays.
    func removeDownloadResult(_ params: Aria2Params) throws -> JSONValue {
        let row = try row(params)
        guard row.state.isFinal else {
            throw RPCError("Could not remove download result of GID#\(GID.format(row.id))")
        }
        manager.remove(row.id)
        return "OK"
    }

    func purgeDownloadResult() -> JSONValue {
        for row in manager.snapshot().items where row.state.isFinal { manager.remove(row.id) }
        return "OK"
    }

    /// `gid, pos, how`: POS_SET from the front, POS_CUR from where it is,
    /// POS_END from the back; answers the position it took among the waiting.
    func changePosition(_ params: Aria2Params) throws -> JSONValue {
        let row = try row(params)
        let offset = try params.integer(1)
        let how = try params.string(2)
        guard ["POS_SET", "POS_CUR", "POS_END"].contains(how) else { throw RPCError.wrongType(at: 2) }
        guard let (current, count) = manager.waitingPosition(of: row.id) else {
            throw RPCError("GID#\(GID.format(row.id)) not found in the waiting queue.")
        }
        let base = switch how {
        case "POS_SET": 0
        case "POS_CUR": current
        default: count - 1
        }
        // A client's offset may be near Int's ends: past either end of the
        // queue is that end (the manager clamps), never a trap.
        let (sum, overflow) = base.addingReportingOverflow(offset)
        let target = overflow ? (offset < 0 ? Int.min : Int.max) : sum
        guard let moved = manager.move(row.id, toWaitingPosition: target) else {
            throw RPCError("GID#\(GID.format(row.id)) not found in the waiting queue.")
        }
        return .number(Double(moved))
    }
}
