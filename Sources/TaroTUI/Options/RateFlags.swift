import TaroNet

/// The bandwidth and per-host options shared by the manager and `get`/`upload`:
///
///     --limit-rate RATE          all downloads together
///     --limit-rate-up RATE       all uploads together
///     --limit-rate-each RATE     each download
///     --limit-rate-up-each RATE  each upload
///     --per-host N               transfers at once to one host
public struct RateFlags: Sendable, Equatable {
    public static let withValue: Set<String> = [
        "--limit-rate", "--limit-rate-up", "--limit-rate-each", "--limit-rate-up-each", "--per-host",
    ]

    public var global = RateLimits.none
    public var each = RateLimits.none
    public var perHost: Int?

    public init() {}

    /// Takes one of its options and its value; false for any other option.
    public mutating func take(_ flag: String, _ value: String) throws -> Bool {
        switch flag {
        case "--limit-rate": global.download = try rate(flag, value)
        case "--limit-rate-up": global.upload = try rate(flag, value)
        case "--limit-rate-each": each.download = try rate(flag, value)
        case "--limit-rate-up-each": each.upload = try rate(flag, value)
        case "--per-host":
            guard let n = Int(value), (1...256).contains(n) else {
                throw RateFlagError(description: "--per-host wants a number from 1 to 256, not \(value)")
            }
            perHost = n
        default:
            return false
        }
        return true
    }

    /// Puts them into a manager's options.
    public func apply(to options: inout ManagerOptions) {
        options.rateLimits = global
        options.transferRateLimits = each
        options.perHostLimit = perHost
    }

    private func rate(_ flag: String, _ value: String) throws -> Int64 {
        do {
            return try RateText.parse(value)
        } catch {
            throw RateFlagError(description: "\(flag): \(error)")
        }
    }
}

public struct RateFlagError: Error, CustomStringConvertible {
    public let description: String
}
