import CCurl

/// Decides when a transfer's handle joins the multi handle, so that the
/// transfers of one HTTPS origin share one HTTP/2 connection.
///
/// PIPEWAIT alone is not enough: curl lets a transfer wait only for an
/// origin's first connection. Once that one is full (the server's stream
/// limit, 100 or 128 for most), every further transfer that arrives while a
/// second connection is still in its handshake opens one more of its own:
/// 200 transfers at once to nginx opened 73 connections. So the engine asks
/// first: the first transfer to an HTTPS origin goes alone (a probe); the
/// others wait here until its response says which HTTP it speaks. HTTP/2
/// origins then get at most `streamBudget` transfers on the wire at once,
/// all streams of one connection; HTTP/1 origins get them all at once, one
/// connection each, as the scheduler's per-host slots allow.
///
/// Plain http and `--http1.1` transfers are never held: they cannot
/// multiplex. Helpers of a segmented download are added after their primary
/// has its answer, so they become streams of its connection directly.
/// Engine thread only, as is EngineLoop.
final class OriginGate {
    /// Below the stream limit servers usually announce (nginx 128, most
    /// others 100), so curl never needs a second connection for them.
    static let streamBudget = 100

    private enum Kind {
        case multiplexed
        case single
    }

    /// What each origin's probe found; kept, so later batches need no probe.
    private var kinds: [String: Kind] = [:]
    /// Origins whose first transfer is out to learn their kind.
    private(set) var probing: [String: UInt64] = [:]
    private var inFlight: [String: Int] = [:]
    private var waiting: [String: [UInt64]] = [:]
    /// The origin of each transfer the gate counts or holds.
    private var originOf: [UInt64: String] = [:]

    static func origin(of spec: TransferSpec) -> String? {
        guard spec.wire.httpVersion != .http1_1, spec.url.prefix(8).lowercased() == "https://" else { return nil }
        return spec.hostKey
    }

    /// True when the transfer may be added now; otherwise it is held until
    /// `admissions` hands it back.
    func admit(_ id: UInt64, spec: TransferSpec) -> Bool {
        guard let origin = Self.origin(of: spec) else { return true }
        originOf[id] = origin
        if waiting[origin]?.isEmpty ?? true, mayStart(origin) {
            started(origin, id)
            return true
        }
        waiting[origin, default: []].append(id)
        return false
    }

    /// The origin this transfer is probing, if it is a probe.
    func probedOrigin(of id: UInt64) -> String? {
        guard let origin = originOf[id], probing[origin] == id else { return nil }
        return origin
    }

    /// What the probe's response said (curl's CURLINFO_HTTP_VERSION; 0 for
    /// not yet known, which changes nothing).
    func learned(_ origin: String, httpVersion: Int) {
        guard httpVersion != 0 else { return }
        probing[origin] = nil
        kinds[origin] = httpVersion >= Int(CURL_HTTP_VERSION_2_0) ? .multiplexed : .single
    }

    /// A transfer left the engine (finished, cancelled, stopped). A probe
    /// that ended without learning anything (it could not connect, say)
    /// leaves the next transfer to probe again.
    func released(_ id: UInt64) {
        guard let origin = originOf.removeValue(forKey: id) else { return }
        if let index = waiting[origin]?.firstIndex(of: id) {
            waiting[origin]?.remove(at: index)
            return
        }
        if probing[origin] == id { probing[origin] = nil }
        inFlight[origin, default: 1] -= 1
        if inFlight[origin] == 0 && waiting[origin]?.isEmpty ?? true {
            inFlight[origin] = nil
            waiting[origin] = nil
        }
    }

    /// The held transfers that may start now, in the order they came.
    /// Asked after every perform: an origin that may start none (its probe
    /// is out, its streams are all in use) costs a look, not a copy of its queue.
    func admissions() -> [UInt64] {
        var ready: [UInt64] = []
        for (origin, queue) in waiting where !queue.isEmpty && mayStart(origin) {
            var taken = 0
            while taken < queue.count, mayStart(origin) {
                started(origin, queue[taken])
                ready.append(queue[taken])
                taken += 1
            }
            waiting[origin]?.removeFirst(taken)
        }
        return ready
    }

    private func mayStart(_ origin: String) -> Bool {
        if probing[origin] != nil { return false }
        switch kinds[origin] {
        case nil, .single: return true
        case .multiplexed: return inFlight[origin, default: 0] < Self.streamBudget
        }
    }

    private func started(_ origin: String, _ id: UInt64) {
        if kinds[origin] == nil { probing[origin] = id }
        inFlight[origin, default: 0] += 1
    }
}
