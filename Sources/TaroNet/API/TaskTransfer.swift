/// An API task's side of the scheduler: `Taro.request`, `downloadFile` and
/// `uploadFile` submit one of these. Its core is the task's live record (so
/// `task.snapshot` works while it waits); the scheduler's calls land in the
/// core and, once settled, in the task's hub.
final class TaskTransfer: TransferObserver {
    let core: TransferCore
    private let spec: TransferSpec

    init(core: TransferCore, spec: TransferSpec) {
        self.core = core
        self.spec = spec
    }

    func prepareAttempt(_ tag: UInt64, resume: ResumePoint?) -> TransferAttempt? {
        var spec = self.spec
        if let resume { spec.resume = resume }
        return TransferAttempt(core: core, spec: spec)
    }

    func transfer(_ tag: UInt64, shows state: TransferSnapshot.State) {
        core.show(state)
    }

    func transfer(_ tag: UInt64, willRetry failure: TransferFailure, after seconds: Double) {
        core.noteRetry(failure, after: seconds)
    }

    func transfer(_ tag: UInt64, settled outcome: TransferOutcome) {
        core.settle(outcome)
        core.handler?.settled(outcome)
    }
}
