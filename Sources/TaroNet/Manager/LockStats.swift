import Foundation

/// `TARO_LOCK_PROFILE=PATH`: how long each taker of the manager's lock
/// waited for it and held it, as histograms, written at shutdown. A
/// measurement aid for the TUI's tick (which waits on this lock): it says
/// who holds the lock long enough to make a tick late, and how often.
struct LockStats {
    /// Upper bounds of the buckets, in microseconds; the last is open.
    static let bounds: [UInt64] = [10, 50, 100, 250, 500, 1000, 2000, 5000]
    /// Empty counts as unset, as for TARO_TUI_TICK_LOG.
    static let path: String? = ProcessInfo.processInfo.environment["TARO_LOCK_PROFILE"].flatMap {
        $0.isEmpty ? nil : $0
    }

    struct Site {
        var count = 0
        var holdTotal: UInt64 = 0
        var holdMax: UInt64 = 0
        var waitTotal: UInt64 = 0
        var waitMax: UInt64 = 0
        var hold = [Int](repeating: 0, count: LockStats.bounds.count + 1)
        var wait = [Int](repeating: 0, count: LockStats.bounds.count + 1)
    }

    var sites = [Site](repeating: Site(), count: LockSite.allCases.count)

    static func bucket(_ micros: UInt64) -> Int {
        bounds.firstIndex { micros < $0 } ?? bounds.count
    }

    mutating func record(_ site: LockSite, waitNanos: UInt64, holdNanos: UInt64) {
        let w = waitNanos / 1000, h = holdNanos / 1000
        sites[site.rawValue].count += 1
        sites[site.rawValue].holdTotal += h
        sites[site.rawValue].holdMax = max(sites[site.rawValue].holdMax, h)
        sites[site.rawValue].waitTotal += w
        sites[site.rawValue].waitMax = max(sites[site.rawValue].waitMax, w)
        sites[site.rawValue].hold[Self.bucket(h)] += 1
        sites[site.rawValue].wait[Self.bucket(w)] += 1
    }

    func text() -> String {
        let names = Self.bounds.map { "<\($0)" } + [">=\(Self.bounds.last!)"]
        var out = (["site", "count", "hold-total-us", "hold-max-us", "wait-total-us", "wait-max-us"]
            + names.map { "hold" + $0 } + names.map { "wait" + $0 }).joined(separator: "\t") + "\n"
        for site in LockSite.allCases where sites[site.rawValue].count > 0 {
            let s = sites[site.rawValue]
            out += "\(site)\t\(s.count)\t\(s.holdTotal)\t\(s.holdMax)\t\(s.waitTotal)\t\(s.waitMax)\t"
                + s.hold.map(String.init).joined(separator: "\t") + "\t"
                + s.wait.map(String.init).joined(separator: "\t") + "\n"
        }
        return out
    }
}
