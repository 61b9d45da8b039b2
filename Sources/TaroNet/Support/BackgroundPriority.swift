import CSystem

/// Lowers the calling thread's scheduling priority (nice 10): for threads
/// whose work can wait a few milliseconds (syncing and naming finished
/// files, saving records). On a busy machine the screen's thread, and the
/// engine that feeds it, then get a core first. Any thread may lower its
/// own priority; a failure changes nothing.
enum BackgroundPriority {
    static let nice: Int32 = 10

    static func applyToCurrentThread() {
        _ = taro_set_thread_nice(nice)
    }
}
