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
