import Foundation
import TaroNet

/// `taro-tui get [-d DIR] [-o FILE] [-j N] [-s N] [-i LIST|-] [-H 'K: V']... [--json]
///               [--state-dir DIR | --no-state] [--retries N] [--max-size BYTES]
///               [--checksum ALG=HEX] URL...`
/// A list line may carry its own checksum: `URL<TAB>sha256=HEX`.
/// A download that was interrupted (killed, quit, network gone) continues
/// from its .part when the same command runs again with the same state
/// directory, however the directory or file is spelled the second time.
/// SIGINT, SIGTERM and SIGHUP save every unfinished transfer and exit with
/// 128 + the signal; saved transfers this command does not take up are kept
/// and named on stderr.
enum GetCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try HeadlessArguments(try ConfigFile.rateArguments() + args,
                                      withValue: Set<String>(["-d", "-o", "-j", "-s", "-i", "-H", "--state-dir", "--retries",
                                                        "--max-size", "--checksum"]).union(RateFlags.withValue).union(WireFlags.withValue),
                                      switches: Set(["--json", "--no-state", "--print-curl", "--show-secrets"]).union(WireFlags.switches))
        let rates = try a.rateFlags()
        let wire = try a.wireFlags()
        let jobs = try a.int("-j", default: 4, range: 1...256)
        let segments = try a.int("-s", default: 1, range: 1...64)
        let headers = try a.headers()
        // One spelling for one place: the rerun must find its own .part and record.
        let directory = LocalPath.canonicalDirectory(a.last("-d") ?? FileManager.default.currentDirectoryPath)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw UsageError(description: "not a directory: \(a.last("-d") ?? directory)")
        }
        let output = a.last("-o")
        if output != nil && (a.positional.count != 1 || a.last("-i") != nil) {
            throw UsageError(description: "-o names the file of a single URL")
        }
        let checksum: Checksum?
        do throws(Checksum.ParseError) {
            checksum = try a.last("--checksum").map { text throws(Checksum.ParseError) in try Checksum(parsing: text) }
        } catch {
            throw UsageError(description: "--checksum: \(error.description)")
        }
        if checksum != nil && (a.positional.count != 1 || a.last("-i") != nil) {
            throw UsageError(
                description: "--checksum checks a single URL; in a -i list put it after the URL: URL<TAB>sha256=HEX")
        }
        let reader = try a.last("-i").map(URLListReader.init(path:))
        guard !a.positional.isEmpty || reader != nil else {
            throw UsageError(description: "get needs a URL (or -i LIST)")
        }

        if a.has("--print-curl") {
            return printCurl(a, list: reader, headers: headers, directory: directory,
                             output: output.map { LocalPath.canonicalFile($0, workingDirectory: directory) })
        }
        if a.has("--show-secrets") {
            throw UsageError(description: "--show-secrets goes with --print-curl")
        }

        let retries = try a.int("--retries", default: 7, range: 0...1000)
        let maxSize = try a.int("--max-size", default: 0, range: 0...Int.max)
        let stateFlag = a.last("--state-dir").map { LocalPath.canonicalDirectory($0) }
        let stateDirectory = a.has("--no-state") ? nil : (stateFlag ?? TransferStore.defaultDirectory())
        var options = ManagerOptions(limit: jobs, segments: segments, retry: RetryPolicy(maxAttempts: retries + 1),
                                     maxBodyBytes: Int64(maxSize), stateDirectory: stateDirectory)
        // Nothing here shows the request headers sent.
        options.recordRequestHeaders = false
        rates.apply(to: &options)
        options.owner = .get
        options.wire = wire.wire
        options.maxHostConnections = wire.maxHostConnections
        if let warning = wire.insecureWarning { FileHandle.standardError.write(Data(warning.utf8)) }
        let manager = try TransferManager(options: options)
        defer { manager.shutdown() }
        for path in manager.damagedRecords {
            FileHandle.standardError.write(Data(("taro-tui get: a saved record could not be read and was moved to "
                + TerminalText.sanitize(path) + " (kept for inspection)\n").utf8))
        }
        let reporter = HeadlessReporter(json: a.has("--json"))
        var pending = a.positional[...]
        var inFlight = 0
        var badLines = 0
        /// The next list line to queue; a line whose checksum does not parse
        /// is reported and skipped (the rest of the list still runs).
        func nextFromList() -> DownloadLine? {
            while let reader, let line = reader.next() {
                do throws(Checksum.ParseError) {
                    return try DownloadLine.parse(line)
                } catch {
                    badLines += 1
                    FileHandle.standardError.write(Data("\(reader.name):\(reader.lineNumber): \(error)\n".utf8))
                }
            }
            return nil
        }
        // Keep a bounded window queued: enough to fill every slot, never the
        // whole list. Beyond the slots, up to three slots' worth more: as
        // many again may be finishing on disk (no slot, still listed) and
        // some settled and not yet taken off, while the rest keep the queue
        // from running dry. Capped at 64 more: each listed row is memory
        // (at -j 200 four slots' worth, 800 rows, held 1.2 MiB of W7's peak),
        // and 64 outlast the time between two wakes (`wakeBatch`).
        let window = jobs + min(jobs * 3, 64)
        let wakeBatch = max(1, min(jobs / 2, 32))
        // The rows of one top-up are queued together: one lock and one
        // message to the scheduler, not one of each per file.
        var batch: [DownloadLine] = []
        func topUp() {
            while inFlight + batch.count < window {
                guard let entry = pending.popFirst().map({ DownloadLine(url: $0, checksum: checksum) })
                        ?? nextFromList() else { break }
                if let output {
                    manager.addDownload(url: entry.url, path: LocalPath.canonicalFile(output, workingDirectory: directory),
                                        headers: headers, checksum: entry.checksum)
                    inFlight += 1
                } else {
                    batch.append(entry)
                }
            }
            guard !batch.isEmpty else { return }
            manager.addDownloads(urls: batch.map(\.url), directory: directory, headers: headers,
                                 checksums: batch.map(\.checksum))
            inFlight += batch.count
            batch.removeAll(keepingCapacity: true)
        }
        // From here an interrupt saves instead of killing: the loop below
        // looks at least every 0.2 s.
        ShutdownSignal.install()
        defer { ShutdownSignal.restore() }
        topUp()
        // The rows in flight, kept from the manager's change feed: each wake
        // costs what changed, however long the list.
        var version: UInt64 = 0
        var rows: [UInt64: TransferSnapshot] = [:]
        var lastFullLook = Date.distantPast
        var interrupted: Int32?
        while inFlight > 0 {
            if let signal = ShutdownSignal.pending {
                interrupted = signal
                break
            }
            // Woken once half the slots' worth settled, at most 32 (a window
            // of tiny files costs a wake per batch, not per file, and the
            // rows beyond the slots last the batch); the timeout paces the
            // progress lines.
            manager.waitForSettlements(min(wakeBatch, inFlight), timeout: 0.2)
            let changes = manager.changes(since: version)
            version = changes.version
            if changes.isFull { rows.removeAll() }
            let changed = changes.changed
            for item in changed { rows[item.id] = item }
            // What changed is reported at once; every row is looked at only
            // as often as a progress line or the live display can be due.
            let now = Date()
            let everyRow = now.timeIntervalSince(lastFullLook) >= HeadlessReporter.liveInterval
            if everyRow { lastFullLook = now }
            let finished = reporter.observe((everyRow ? Array(rows.values) : changed).sorted { $0.id < $1.id }, now: now)
            for id in finished {
                manager.remove(id)
                reporter.forget(id)
                rows[id] = nil
                inFlight -= 1
            }
            topUp()
        }
        reporter.summary()
        // Unfinished rows are paused to disk: .part synced, record saved.
        manager.shutdown()
        if let interrupted {
            let saved = stateDirectory.map { "unfinished transfers are saved in \(TerminalText.sanitize($0)) with their .part files; "
                + "run the same command again to continue them" } ?? "--no-state: nothing was saved"
            FileHandle.standardError.write(Data("taro-tui get: interrupted by \(ShutdownSignal.name(interrupted)); \(saved).\n".utf8))
        }
        if let stateDirectory,
           let notice = UnclaimedNotice.text(manager.unclaimed, stateDirectory: stateDirectory, stateFlag: stateFlag) {
            FileHandle.standardError.write(Data(notice.utf8))
        }
        if let interrupted { return 128 + interrupted }
        if let reader, let error = reader.readError {
            FileHandle.standardError.write(Data("taro-tui get: \(reader.name): \(error); the rest of the list was not read\n".utf8))
            return 1
        }
        return reporter.failed > 0 || badLines > 0 ? 1 : 0
    }
}
