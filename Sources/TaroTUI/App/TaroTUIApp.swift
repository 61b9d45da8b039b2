import Glibc

/// The full-screen program: one thread, one loop, in the manner of htop.
/// Wait for a key (at most one tick) → reduce → tell the controller → read
/// what changed → draw only if something did, only the cells that did.
public enum TaroTUIApp {
    /// Keys read in one go before a frame is drawn: a paste arrives as a
    /// burst and should cost one frame, not one per character, and stay one
    /// burst so that KeyBurst sees all of it. Typing never comes near this.
    static let maximumKeysPerFrame = 65536

    /// Runs until the user quits or a signal asks to; returns the exit status
    /// (0, 1 when no terminal could be opened, 128 + signal number).
    /// `importing`, when given, is started once the screen is up.
    /// `beforeShutdown` runs once the loop ended and before the controller
    /// shuts down: whatever else feeds the controller (remote control) stops there.
    public static func run(controller: any TransferController, config: AppConfig,
                           importing: URLImport? = nil, beforeShutdown: () -> Void = {}) -> Int32 {
        let terminal: Terminal
        do {
            terminal = try Terminal.open(useColor: config.useColor, stderrLogPath: config.stderrLogPath)
        } catch {
            let message = "taro-tui: \(error)\n"
            _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
            beforeShutdown()
            controller.shutdown()
            return 1
        }
        var effective = config
        if !terminal.isUTF8 { effective.asciiOnly = true }
        let session = AppSession(controller: controller, config: effective, size: terminal.size)
        if let importing {
            session.follow(importing)
            importing.start(into: controller, directory: effective.downloadDirectory)
        }
        let log = config.tickLogPath.map(TickLog.init(path:))
        let showTitle = config.title && TitleText.supported(term: getenv("TERM").map { String(cString: $0) })
        // Keeps the title the terminal had, where it can (xterm's title stack).
        if showTitle { terminal.sendControl(TitleText.push) }
        let status = loop(session: session, terminal: terminal, tick: effective.tickMilliseconds, log: log,
                          showTitle: showTitle)
        if showTitle { terminal.sendControl(NotifySequence.title("") + TitleText.pop) }
        terminal.close()
        if let copied = session.lastCopied { print("Copied (C):\n" + copied) }
        // Before the controller's shutdown, which may take long with a long
        // list: the log is about the loop, and a reader waits for it.
        log?.write()
        // Nothing may be queued into a controller that is shutting down.
        importing?.cancel()
        beforeShutdown()
        controller.shutdown()
        return status
    }

    private static func loop(session: AppSession, terminal: Terminal, tick: Int32, log: TickLog?,
                             showTitle: Bool) -> Int32 {
        var repaint = true
        while true {
            // SIGTERM, SIGHUP: quit now (the caller saves). SIGINT (Ctrl-C):
            // ask like q; a second one, or one while asking, quits.
            if let signal = ShutdownSignal.terminationPending { return 128 + signal }
            for _ in 0..<min(2, ShutdownSignal.takeInterrupts()) {
                if session.handle(.interrupt).quit { return 128 + SIGINT }
            }
            // KEY_RESIZE can be lost when a resize lands between reads.
            let size = terminal.size
            if size != session.state.size {
                session.handle(.resize(size))
                repaint = true
            }
            // One tick: read the feed, render, draw. Timed only when asked.
            let start = log == nil ? nil : ContinuousClock.now
            let cpuStart = log == nil ? .zero : TickLog.threadCPUTime()
            let applied = session.refresh()
            let second = Int64(time(nil))
            session.sampleRates(atSecond: second)
            var drew = true
            if repaint {
                terminal.draw(session.frame(), fullRepaint: true)
                repaint = false
            } else if let frame = session.frameIfNeeded() {
                terminal.draw(frame, fullRepaint: false)
            } else {
                drew = false
            }
            terminal.sendControl(session.takeNotification())
            if showTitle, let title = session.titleIfDue(atSecond: second) {
                terminal.sendControl(NotifySequence.title(title))
            }
            // Only ticks that did work are kept: the feed had changes (or
            // the totals, limit or import moved) and/or a frame was drawn.
            // An idle tick is a feed read that found nothing; counting those
            // would bury the cost of real ticks under zeros.
            if let log, let start, applied || drew {
                log.record(ContinuousClock.now - start, feed: session.lastFeedDuration,
                           cpu: TickLog.threadCPUTime() - cpuStart, totals: session.totals,
                           listed: session.items.count, importing: session.state.importing != nil)
            }
            // Not part of the tick: it wakes a thread that would take the
            // core from the frame (RetiredRows).
            session.frameDone()
            let reaction = session.handle(burst: readBurst(terminal, tick: tick))
            if let text = reaction.clipboard { Clipboard.copy(text) }
            if reaction.quit { return 0 }
            if reaction.repaint { repaint = true }
        }
    }

    /// Waits up to one tick for a key, then takes whatever else is already
    /// pending without waiting: keys that arrived together stay together.
    private static func readBurst(_ terminal: Terminal, tick: Int32) -> [Key] {
        var keys: [Key] = []
        var timeout = tick
        for _ in 0..<maximumKeysPerFrame {
            let input = terminal.readKey(timeoutMilliseconds: timeout)
            if case .timeout = input { break }
            if case .key(let key) = input { keys.append(key) }
            timeout = 0
        }
        return keys
    }
}
