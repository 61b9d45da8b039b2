import Foundation
import TaroNet

/// What a headless command tells the person or script running it, from
/// successive snapshots: a compact live display when stderr is a terminal,
/// otherwise one progress line per transfer about once a second; or, with
/// --json, one JSON object per event per line on stdout. Every string a
/// server controls is escaped before it is written.
final class HeadlessReporter {
    enum Mode { case json, live, plain }

    private struct Seen {
        var headers = false
        /// Lines of the attempt log already reported: each new one is a
        /// failed attempt that was tried again.
        var retries = 0
        var lastLine: Date = .distantPast
        var final = false
    }

    let mode: Mode
    private var seen: [UInt64: Seen] = [:]
    private var liveLines = 0
    private var lastLive: Date = .distantPast
    private(set) var done = 0
    private(set) var failed = 0
    private(set) var bytes: Int64 = 0
    /// The first failures' URL and reason, escaped, listed again under the
    /// summary so they need not be hunted for in a long log. Only the first
    /// `listedFailures`: each was printed when it happened, and a list of
    /// 100,000 failing URLs must not be held, nor printed twice.
    private(set) var failures: [(url: String, reason: String)] = []
    static let listedFailures = 20
    private let started = Date()

    /// How often the live display is redrawn: `observe` must be given
    /// every row at least this often (a plain progress line, once a second
    /// per transfer, is due no more often).
    static let liveInterval: TimeInterval = 0.2

    init(json: Bool) {
        mode = json ? .json : (isatty(STDERR_FILENO) == 1 ? .live : .plain)
    }

    /// Text for stderr gathered during one `observe`, written at its end:
    /// a batch of settled files costs one write, not one each.
    private var pendingErr = ""

    /// Reports what changed; returns the ids that are final and reported.
    @discardableResult
    func observe(_ items: [TransferSnapshot], now: Date = Date()) -> [UInt64] {
        defer { flushErr() }
        var finished: [UInt64] = []
        for item in items {
            var s = seen[item.id] ?? Seen()
            if s.final { finished.append(item.id); continue }
            if !s.headers, let status = item.statusCode, item.state != .queued,
               let response = item.exchange.responses.last {
                s.headers = true
                if mode == .json {
                    emitJSON(["event": "headers", "id": .number(Double(item.id)), "url": .string(item.url),
                              "status": .number(Double(status)),
                              "headers": .array(response.fields.map { .array([.string($0.name), .string($0.value)]) })])
                }
            }
            let log = item.attemptLog
            while s.retries < log.count {
                report(retry: item, log[s.retries], attempt: s.retries + 1)
                s.retries += 1
            }
            if item.state.isFinal {
                s.final = true
                finished.append(item.id)
                report(final: item)
            } else if item.state == .active, s.lastLine == .distantPast {
                // The first line is due a second after the transfer was first
                // seen moving: one that ends sooner says only "done", not a
                // progress line per file of a list of small ones.
                s.lastLine = now
            } else if item.state == .active, now.timeIntervalSince(s.lastLine) >= 1 {
                s.lastLine = now
                switch mode {
                case .json:
                    emitJSON(["event": "progress", "id": .number(Double(item.id)), "bytes": .number(Double(item.bytesDone)),
                              "total": item.bytesTotal.map { .number(Double($0)) } ?? .null,
                              "percent": item.percent.map { .number(Double($0)) } ?? .null,
                              "speed": .number(item.bytesPerSecond.rounded())])
                case .plain:
                    writeErr(progressLine(item) + "\n")
                case .live:
                    break
                }
            }
            seen[item.id] = s
        }
        if mode == .live, now.timeIntervalSince(lastLive) >= Self.liveInterval {
            lastLive = now
            redrawLive(items.filter { !$0.state.isFinal })
        }
        return finished
    }

    /// Forgets a transfer that has been reported and taken off the list.
    func forget(_ id: UInt64) { seen[id] = nil }

    private func report(final item: TransferSnapshot) {
        clearLive()
        let name = TerminalText.sanitize(item.name)
        let url = TerminalText.sanitize(item.url)
        if item.state == .done {
            done += 1
            bytes += item.bytesDone
            switch mode {
            case .json:
                emitJSON(["event": "done", "id": .number(Double(item.id)), "url": .string(item.url),
                          "status": item.statusCode.map { .number(Double($0)) } ?? .null,
                          "path": item.localPath.map { .string($0) } ?? .null, "bytes": .number(Double(item.bytesDone))])
            case .plain, .live:
                writeErr("done    \(name)  \(ByteFormat.size(item.bytesDone))  \(item.localPath.map { TerminalText.sanitize($0) } ?? url)\n")
            }
        } else {
            failed += 1
            let reason = item.errorMessage ?? item.state.rawValue
            if mode != .json && failures.count < Self.listedFailures { failures.append((url, TerminalText.sanitize(reason))) }
            switch mode {
            case .json:
                emitJSON(["event": "failed", "id": .number(Double(item.id)), "url": .string(item.url),
                          "error": .string(reason)])
            case .plain, .live:
                writeErr("failed  \(url): \(TerminalText.sanitize(reason))\n")
            }
        }
    }

    /// A failed attempt that will be tried again, said at once: otherwise a
    /// refused port or a 503 looks like a command that hangs.
    private func report(retry item: TransferSnapshot, _ line: String, attempt: Int) {
        clearLive()
        switch mode {
        case .json:
            emitJSON(["event": "retry", "id": .number(Double(item.id)), "url": .string(item.url),
                      "attempt": .number(Double(attempt)), "message": .string(line)])
        case .plain, .live:
            writeErr("retry   \(TerminalText.sanitize(item.name))  \(TerminalText.sanitize(line))\n")
        }
    }

    func summary() {
        defer { flushErr() }
        clearLive()
        let elapsed = max(0.001, Date().timeIntervalSince(started))
        let line = "\(done) done, \(failed) failed, \(ByteFormat.size(bytes)) in \(String(format: "%.1f", elapsed))s"
            + " (\(ByteFormat.rate(Double(bytes) / elapsed)))"
        if mode == .json {
            emitJSON(["event": "summary", "done": .number(Double(done)), "failed": .number(Double(failed)),
                      "bytes": .number(Double(bytes)), "seconds": .number((elapsed * 1000).rounded() / 1000)])
        } else {
            let more = failed - failures.count
            writeErr(line + "\n" + failures.map { "  failed: \($0.url): \($0.reason)\n" }.joined()
                + (more > 0 ? "  … and \(more) more failed (each is named above)\n" : ""))
        }
    }

    private func progressLine(_ item: TransferSnapshot) -> String {
        let percent = item.percent.map { String(repeating: " ", count: max(0, 3 - String($0).count)) + "\($0)%" } ?? "  ?%"
        let total = item.bytesTotal.map(ByteFormat.size) ?? "?"
        return "\(percent)  \(ByteFormat.size(item.bytesDone))/\(total)  \(ByteFormat.rate(item.bytesPerSecond))  "
            + TerminalText.sanitize(item.name)
    }

    private func redrawLive(_ active: [TransferSnapshot]) {
        clearLive()
        let shown = active.prefix(8)
        var text = ""
        for item in shown { text += progressLine(item) + "\u{1b}[K\n" }
        if active.count > shown.count { text += "… and \(active.count - shown.count) more\u{1b}[K\n" }
        liveLines = shown.count + (active.count > shown.count ? 1 : 0)
        writeErr(text)
    }

    /// Moves back over the live lines so the next output replaces them.
    private func clearLive() {
        guard mode == .live, liveLines > 0 else { return }
        writeErr("\u{1b}[\(liveLines)A\u{1b}[J")
        liveLines = 0
    }

    private func emitJSON(_ object: [String: JSONValue]) {
        let line = JSONValue.object(object).serialized + "\n"
        Self.writeAll(STDOUT_FILENO, line)
    }

    private func writeErr(_ text: String) {
        pendingErr += text
    }

    private func flushErr() {
        guard !pendingErr.isEmpty else { return }
        Self.writeAll(STDERR_FILENO, pendingErr)
        pendingErr = ""
    }

    /// write(2) on the string's bytes. FileHandle's Data path was Foundation
    /// code that a `get` needed for nothing else, resident for the run.
    private static func writeAll(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                done += n
            }
        }
    }
}
