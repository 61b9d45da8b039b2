import Foundation

extension TransferSnapshot {
    /// The final state, from the outcome: done with its status, aborted, or
    /// failed with the reason in words.
    mutating func settle(_ outcome: TransferOutcome) {
        finishedAt = Date()
        bytesPerSecond = 0
        switch outcome {
        case .success(let response):
            state = .done
            statusCode = response.statusCode
            errorMessage = nil
        case .failure(.aborted):
            state = .aborted
            errorMessage = "aborted"
        case .failure(let failure):
            state = .failed
            errorMessage = failure.reason
        }
    }
}

extension TransferSnapshot {
    /// A row put back from its saved record shows what its .part holds from
    /// the first frame. Without it the first progress of the new attempt
    /// would carry the .part's bytes, and the list's rate would count them
    /// as moved in this run.
    mutating func showResumed(_ point: ResumePoint?) {
        resume = point
        bytesDone = point?.bytesOnDisk ?? 0
        bytesTotal = point?.total
    }
}
