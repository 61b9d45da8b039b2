import CCurl
import Foundation

/// Rate caps and long pauses, as the scheduler decides them: the engine
/// only applies a cap to a transfer's connections and lets paced
/// connections go on when their bucket allows. Which cap each transfer gets
/// (its own, its share of a global limit) is `BandwidthShares`'s to say.
extension EngineLoop {
    /// Caps a running transfer at `bytesPerSecond` (0: uncapped), at once.
    /// A segmented download's connections share the one cap.
    func setSpeedCap(_ id: UInt64, bytesPerSecond: Int64) {
        assert(EngineThread.isCurrent, "speed caps are set on the engine thread")
        guard let transfer = materialize(id) else { return }
        let connections = [transfer] + (transfer.segments?.helpers ?? [])
        if bytesPerSecond <= 0 {
            transfer.pacer = nil
            for connection in connections {
                connection.pacer = nil
                letGo(connection)
            }
            return
        }
        if let pacer = transfer.pacer {
            pacer.setRate(bytesPerSecond)
        } else {
            let pacer = RatePacer(rate: bytesPerSecond)
            for connection in connections {
                connection.pacer = pacer
                // curl reads up to its buffer from the socket at once and
                // counts it received: 512 KiB gulps are seconds of a small
                // cap. Only ever lowered: curl allocates the buffer once, at
                // the size set then, so raising it again could overrun it.
                taro_easy_setopt_long(connection.handle, CURLOPT_BUFFERSIZE, EasyTransfer.pacedBufferSize)
                connection.lockSocketBufferAtConnect()
            }
        }
        // A multipart body is read by curl itself, past our read callback:
        // for that one, curl's own (coarser) send limit is all there is.
        if transfer.mime != nil {
            taro_easy_setopt_off(transfer.handle, CURLOPT_MAX_SEND_SPEED_LARGE, curl_off_t(bytesPerSecond))
        }
    }

    /// Lets paced connections go on whose bucket has refilled; returns the
    /// milliseconds until the next one may, or nil when none waits.
    func releasePaced(now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Int32? {
        var next: UInt64?
        for transfer in transfers.values where transfer.pacer != nil {
            for connection in [transfer] + (transfer.segments?.helpers ?? []) where connection.pacedOut {
                guard let pacer = connection.pacer else { continue }
                let ready = pacer.readyAt(now: now)
                if ready <= now {
                    letGo(connection)
                } else {
                    next = min(next ?? ready, ready)
                }
            }
        }
        return next.map { Int32(min(250, ($0 - now) / 1_000_000 + 1)) }
    }

    /// Whether a paused transfer can close its connection and continue later
    /// with a ranged request: a single-connection download to a kept .part
    /// whose validator is known.
    func canSuspend(_ id: UInt64) -> Bool {
        guard let transfer = materialize(id), !transfer.isUpload, transfer.segments == nil,
              transfer.sink != nil, transfer.spec.keepPartial else { return false }
        return transfer.spec.resume != nil || transfer.core.snapshot().resume != nil
    }

    /// Unpauses a connection curl holds for the pacer, unless the user paused it.
    private func letGo(_ connection: EasyTransfer) {
        guard connection.pacedOut else { return }
        connection.pacedOut = false
        connection.lockSocketBufferIfConnected()
        guard !connection.isPaused else { return }
        curl_easy_pause(connection.handle, Int32(taro_pause_cont()))
    }
}
