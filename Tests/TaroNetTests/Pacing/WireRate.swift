import Foundation
import TaroServer

/// Bytes per second through a TaroServer's sockets over a window, measured
/// at the server (what the client actually let through, not what it
/// reports). The window is `TARO_RATE_SECONDS` long when set (10 for the
/// README's figures), else `seconds`.
enum WireRate {
    static func window(_ seconds: Double) -> Double {
        ProcessInfo.processInfo.environment["TARO_RATE_SECONDS"].flatMap(Double.init) ?? seconds
    }

    static func sent(_ server: TaroServer, over seconds: Double) -> Double {
        measure(over: seconds) { server.bytesSent }
    }

    static func received(_ server: TaroServer, over seconds: Double) -> Double {
        measure(over: seconds) { server.bytesReceived }
    }

    /// The slope of a least-squares line through the byte count sampled
    /// every 20 ms: on loopback the kernel hands a paced window over in
    /// 64 KiB segments, so the count rises in steps, and two end points
    /// alone would land on a step's edge.
    private static func measure(over seconds: Double, _ count: () -> Int64) -> Double {
        let start = Date()
        var samples: [(t: Double, bytes: Double)] = []
        repeat {
            samples.append((Date().timeIntervalSince(start), Double(count())))
            Thread.sleep(forTimeInterval: 0.02)
        } while Date().timeIntervalSince(start) < seconds
        let n = Double(samples.count)
        let meanT = samples.map(\.t).reduce(0, +) / n
        let meanB = samples.map(\.bytes).reduce(0, +) / n
        let covariance = samples.map { ($0.t - meanT) * ($0.bytes - meanB) }.reduce(0, +)
        let variance = samples.map { ($0.t - meanT) * ($0.t - meanT) }.reduce(0, +)
        return covariance / variance
    }

    /// Polls until `condition` holds or `timeout` passes.
    @discardableResult
    static func wait(_ timeout: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return true
    }
}
