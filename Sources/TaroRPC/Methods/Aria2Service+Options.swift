import Foundation
import TaroNet

/// Options, totals and version: what a front end shows besides the list.
extension Aria2Service {
    func getOption(_ params: Aria2Params) throws -> JSONValue {
        let row = try row(params)
        return .object([
            "dir": .string(Aria2Status.directory(of: row)),
            "out": .string(row.localPath.map { ($0 as NSString).lastPathComponent } ?? row.name),
        ])
    }

    /// Options of a queued transfer cannot change here; the ones a client
    /// would expect to take effect are refused, the rest ignored.
    func changeOption(_ params: Aria2Params) throws -> JSONValue {
        let row = try row(params)
        let options = try params.options(1)
        for name in options.keys.sorted() {
            if let reason = Aria2AddOptions.refused[name] { throw RPCError(reason) }
            if ["dir", "out", "header"].contains(name) {
                throw RPCError("\(name) of GID#\(GID.format(row.id)) cannot be changed once added")
            }
        }
        return "OK"
    }

    func getGlobalOption() -> JSONValue {
        .object([
            "dir": .string(roots.downloadDirectory),
            "max-concurrent-downloads": .string(String(manager.concurrencyLimit)),
            "max-overall-download-limit": "0",
        ])
    }

    func changeGlobalOption(_ params: Aria2Params) throws -> JSONValue {
        let options = try params.options(0)
        if let value = options["max-overall-download-limit"], value != "0" {
            throw RPCError("max-overall-download-limit is not supported by this taro-tui")
        }
        if let value = options["max-concurrent-downloads"] {
            guard case .string(let text) = value, let n = Int(text), (1...256).contains(n) else {
                throw RPCError("max-concurrent-downloads must be a number from 1 to 256")
            }
            manager.setConcurrencyLimit(n)
        }
        return "OK"
    }

    func getGlobalStat() -> JSONValue {
        var download = 0.0
        var upload = 0.0
        var active = 0
        var waiting = 0
        var stopped = 0
        for row in manager.snapshot().items {
            switch Aria2Status.status(row.state) {
            case "active":
                active += 1
                if row.kind == .upload { upload += row.bytesPerSecond } else { download += row.bytesPerSecond }
            case "waiting", "paused": waiting += 1
            default: stopped += 1
            }
        }
        return .object([
            "downloadSpeed": .string(String(Int64(download.rounded()))),
            "uploadSpeed": .string(String(Int64(upload.rounded()))),
            "numActive": .string(String(active)),
            "numWaiting": .string(String(waiting)),
            "numStopped": .string(String(stopped)),
            "numStoppedTotal": .string(String(stopped)),
        ])
    }

    func getVersion() -> JSONValue {
        .object(["version": .string(TaroVersion.string), "enabledFeatures": ["HTTPS"]])
    }
}
