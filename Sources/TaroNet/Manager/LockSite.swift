/// Who takes the manager's lock, as `TARO_LOCK_PROFILE` counts them: the
/// TUI's feed, an import's batch, the engine's events, the persister's
/// steps.
enum LockSite: Int, CaseIterable {
    case feed, add, prepareAttempt, shows, hostWait, willRetry, settled
    case persistPass
}
