import Glibc
import TaroNet

/// `TARO_TUI_TICK_LOG=PATH`: how long each tick of the app loop took, for
/// the W8 benchmark. Samples stay in memory (a few bytes each, no I/O on the
/// loop) and are written once, at exit, one tick a line:
///
///     micros  active  queued  done  listed  importing  feed-micros  cpu-micros
///
/// The counts are the footer's at that tick, so a reader can pick the ticks
/// of one phase (say, 16 active while the rest wait, import finished).
/// feed-micros is the part of the tick spent in the controller
/// (`changes(since:)` and the limit, lock waits included), so the TUI's own
/// share can be told from the controller's; cpu-micros is the CPU time the
/// UI thread used in the tick, so time spent waiting for a core (two cores,
/// a dozen busy threads) can be told from work.
final class TickLog {
    struct Sample {
        var micros: UInt32
        var active: UInt32
        var queued: UInt32
        var done: UInt32
        var listed: UInt32
        var importing: Bool
        var feedMicros: UInt32
        var cpuMicros: UInt32
    }

    let path: String
    private var samples: [Sample] = []

    init(path: String) {
        self.path = path
        samples.reserveCapacity(1 << 16)
    }

    func record(_ duration: Duration, feed: Duration, cpu: Duration, totals: TransferTotals, listed: Int,
                importing: Bool) {
        samples.append(Sample(micros: Self.micros(duration), active: UInt32(clamping: totals.active),
                              queued: UInt32(clamping: totals.queued), done: UInt32(clamping: totals.done),
                              listed: UInt32(clamping: listed), importing: importing, feedMicros: Self.micros(feed),
                              cpuMicros: Self.micros(cpu)))
    }

    /// CPU time this thread has used so far.
    static func threadCPUTime() -> Duration {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
    }

    private static func micros(_ duration: Duration) -> UInt32 {
        let (seconds, attoseconds) = duration.components
        return UInt32(clamping: seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
    }

    var count: Int { samples.count }

    /// Writes every sample to `path` (replacing it), through a temporary
    /// file renamed into place, so a reader that sees the file sees all of
    /// it. Errors are ignored: the log is a measurement aid, and exit must
    /// not fail over it.
    func write() {
        var text = ""
        text.reserveCapacity(samples.count * 24)
        for s in samples {
            text += "\(s.micros)\t\(s.active)\t\(s.queued)\t\(s.done)\t\(s.listed)\t\(s.importing ? 1 : 0)"
                + "\t\(s.feedMicros)\t\(s.cpuMicros)\n"
        }
        let temporary = path + ".part"
        let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            offset += n
        }
        close(fd)
        if offset == bytes.count { rename(temporary, path) } else { unlink(temporary) }
    }
}
