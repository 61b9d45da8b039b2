import Foundation

/// Hosts that asked to be left alone, and until when: a 429 or 503 with
/// Retry-After, or connections refused again and again, cool the whole host
/// down, so its other waiting transfers wait too instead of each retrying on
/// its own clock. Running transfers to it go on. Kept by the scheduler,
/// whose queue starts nothing for a cooling host.
struct HostCooldowns {
    struct Cooldown: Equatable {
        /// Uptime nanoseconds, for the scheduler's timers.
        var until: UInt64
        /// Wall clock, for people ("until 14:02:10").
        var untilDate: Date
        var reason: String

        var hostWait: HostWait { HostWait(reason: reason, until: untilDate) }
    }

    /// Consecutive connection failures that cool a host down, and the first
    /// cooldown they cause (doubling for each further failure, to `maxSeconds`).
    static let connectFailuresToCool = 3
    static let connectCooldownSeconds = 5.0
    static let maxSeconds = 300.0

    private(set) var cooling: [String: Cooldown] = [:]
    private var connectFailures: [String: Int] = [:]

    func isCooling(_ host: String) -> Bool { cooling[host] != nil }

    func cooldown(_ host: String) -> Cooldown? { cooling[host] }

    var nextDue: UInt64? { cooling.values.map(\.until).min() }

    /// A transfer to `host` failed; returns the host's cooldown when this
    /// failure starts or lengthens one (the caller tells the host's waiting
    /// transfers why and until when).
    mutating func failed(_ host: String, _ failure: TransferFailure,
                         now: UInt64 = DispatchTime.now().uptimeNanoseconds, date: Date = Date()) -> Cooldown? {
        guard case .transient(let text, let retryAfter) = failure else { return nil }
        var seconds: Double?
        var reason = ""
        if let retryAfter, retryAfter > 0, text.hasPrefix("HTTP 429") || text.hasPrefix("HTTP 503") {
            seconds = retryAfter
            reason = "\(text.prefix(8)) Retry-After"
            connectFailures[host] = nil
        } else if Self.isConnectFailure(text) {
            let count = (connectFailures[host] ?? 0) + 1
            connectFailures[host] = count
            if count >= Self.connectFailuresToCool {
                let doublings = Double(min(count - Self.connectFailuresToCool, 10))
                seconds = Self.connectCooldownSeconds * pow(2, doublings)
                reason = "\(count) connection failures"
            }
        }
        guard let seconds else { return nil }
        let capped = min(seconds, Self.maxSeconds)
        let until = now + UInt64(capped * 1e9)
        if let current = cooling[host], current.until >= until { return nil }
        let cooldown = Cooldown(until: until, untilDate: date.addingTimeInterval(capped), reason: reason)
        cooling[host] = cooldown
        return cooldown
    }

    /// A transfer to `host` got an answer: its connections work again.
    mutating func answered(_ host: String) {
        connectFailures[host] = nil
    }

    /// Ends the cooldowns that are over; returns their hosts.
    mutating func expire(now: UInt64) -> [String] {
        let over = cooling.filter { $0.value.until <= now }.map(\.key)
        for host in over { cooling[host] = nil }
        return over
    }

    /// curl's words for a connection that could not be made (CURLE_COULDNT_CONNECT,
    /// CURLE_COULDNT_RESOLVE_HOST), which is all a failure keeps of its code.
    private static func isConnectFailure(_ text: String) -> Bool {
        text.hasPrefix("Failed to connect") || text.hasPrefix("Could not resolve")
            || text.hasPrefix("Couldn't connect") || text.hasPrefix("Couldn't resolve")
    }
}
