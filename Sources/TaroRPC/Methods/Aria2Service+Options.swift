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

    /// A transfer's own speed cap changes live; where it goes, what it asks
    /// and what it must hash to are fixed once added and refused, the rest
    /// ignored as aria2 ignores options that do not apply.
    func changeOption(_ params: Aria2Params) throws -> JSONValue {
        let row = try row(params)
        let options = try params.options(1)
        for name in options.keys.sorted() where ["dir", "out", "header", "checksum"].contains(name) {
            throw RPCError("\(name) of GID#\(GID.format(row.id)) cannot be changed once added")
        }
        if let value = options["max-download-limit"] {
            guard case .string(let text) = value else { throw RPCError.wrongType(at: 1) }
            manager.setRateLimit(row.id, bytesPerSecond: try Aria2Speed.parse(text, option: "max-download-limit"))
        }
        return "OK"
    }

    func getGlobalOption() -> JSONValue {
        .object([
            "dir": .string(roots.downloadDirectory),
            "max-concurrent-downloads": .string(String(manager.concurrencyLimit)),
            "max-overall-download-limit": .string(Aria2Speed.format(manager.rateLimits.download)),
            "max-overall-upload-limit": .string(Aria2Speed.format(manager.rateLimits.upload)),
        ])
    }

    func changeGlobalOption(_ params: Aria2Params) throws -> JSONValue {
        let options = try params.options(0)
        // Both checked before either takes effect: a bad call changes nothing.
        var limits = manager.rateLimits
        for (name, path) in [("max-overall-download-limit", \RateLimits.download),
                             ("max-overall-upload-limit", \RateLimits.upload)] {
            guard let value = options[name] else { continue }
            guard case .string(let text) = value else { throw RPCError.wrongType(at: 0) }
            limits[keyPath: path] = try Aria2Speed.parse(text, option: name)
        }
        let concurrency: Int?
        if let value = options["max-concurrent-downloads"] {
            guard case .string(let text) = value, let n = Int(text), (1...256).contains(n) else {
                throw RPCError("max-concurrent-downloads must be a number from 1 to 256")
            }
            concurrency = n
        } else {
            concurrency = nil
        }
        if limits != manager.rateLimits { manager.setRateLimits(limits) }
        if let concurrency { manager.setConcurrencyLimit(concurrency) }
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
