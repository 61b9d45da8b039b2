@testable import TaroNet
import XCTest

/// The scheduler's rules, driven without a network. Every action says all
/// there is to do; these check both the action and where the machine is.
final class TransferStateMachineTests: XCTestCase {
    func testQueuedTransferStartsWhenGivenASlot() {
        var m = TransferStateMachine()
        XCTAssertEqual(m.slotGranted(), .startEngine)
        XCTAssertEqual(m.state, .connecting)
        XCTAssertTrue(m.holdsSlot)
        XCTAssertEqual(m.slotGranted(), .ignored, "a running transfer is not started twice")
    }

    func testBytesMovingShowsActiveOnce() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        XCTAssertEqual(m.bytesMoving(), .show(.active))
        XCTAssertEqual(m.state, .receiving)
        XCTAssertEqual(m.bytesMoving(), .ignored)
    }

    func testAbortWhileQueuedSettlesAtOnceAndLeavesTheQueue() {
        var m = TransferStateMachine()
        XCTAssertEqual(m.abortRequested(), .settle(.aborted, releaseSlot: false, leaveQueue: true))
        XCTAssertEqual(m.state, .finished)
        XCTAssertEqual(m.slotGranted(), .ignored)
    }

    func testAbortWhileRunningAsksTheEngineThenSettlesOnItsAnswer() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        XCTAssertEqual(m.abortRequested(), .cancelEngine)
        XCTAssertEqual(m.state, .cancelling(holdsSlot: true))
        XCTAssertEqual(m.abortRequested(), .ignored, "a second abort changes nothing")
        XCTAssertEqual(m.engineCancelled(), .settle(.aborted, releaseSlot: true, leaveQueue: false))
        XCTAssertEqual(m.state, .finished)
    }

    func testFinishCrossingACancelKeepsTheOutcome() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        _ = m.abortRequested()
        XCTAssertEqual(m.engineFinished(), .settle(.outcome, releaseSlot: true, leaveQueue: false))
        XCTAssertEqual(m.engineCancelled(), .ignored, "settled once")
    }

    func testAbortAfterSettlingDoesNothing() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        XCTAssertEqual(m.engineFinished(), .settle(.outcome, releaseSlot: true, leaveQueue: false))
        XCTAssertEqual(m.abortRequested(), .ignored)
        XCTAssertEqual(m.engineFinished(), .ignored)
    }

    func testPauseAndResumeWhileReceivingComeBackActive() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        _ = m.bytesMoving()
        XCTAssertEqual(m.pauseRequested(), .pauseEngine)
        XCTAssertEqual(m.state, .paused(receiving: true))
        XCTAssertFalse(m.holdsSlot, "a paused transfer gives its slot to the next waiting one")
        XCTAssertEqual(m.pauseRequested(), .ignored)
        XCTAssertEqual(m.resumeRequested(slotFree: true), .resumeEngine(show: .active, overLimit: false))
        XCTAssertEqual(m.state, .receiving)
        XCTAssertTrue(m.holdsSlot)
    }

    func testResumeWithoutAFreeSlotClosesTheConnectionAndQueues() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        _ = m.bytesMoving()
        _ = m.pauseRequested()
        XCTAssertEqual(m.resumeRequested(slotFree: false, canSuspend: true), .suspendEngine(show: .queued))
        XCTAssertEqual(m.state, .suspending(then: .queue))
        XCTAssertEqual(m.pauseRequested(), .show(.paused), "paused again before the engine answered")
        XCTAssertEqual(m.resumeRequested(slotFree: false, canSuspend: true), .show(.queued))
        XCTAssertEqual(m.engineFinished(), .suspended(enqueue: true))
        XCTAssertEqual(m.state, .queued)
        XCTAssertEqual(m.slotGranted(), .startEngine, "continues with a new (ranged) attempt")
    }

    func testResumeWithoutASlotThatCannotBeSuspendedGoesOnOverTheLimit() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        _ = m.pauseRequested()
        XCTAssertEqual(m.resumeRequested(slotFree: false, canSuspend: false),
                       .resumeEngine(show: .connecting, overLimit: true))
    }

    func testALongPauseClosesTheConnectionAndIsHeldUntilResumed() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        _ = m.bytesMoving()
        _ = m.pauseRequested()
        XCTAssertEqual(m.pauseExpired(canSuspend: false), .ignored, "an upload or unresumable one stays paused")
        XCTAssertEqual(m.state, .paused(receiving: true))
        XCTAssertEqual(m.pauseExpired(canSuspend: true), .suspendEngine(show: .paused))
        XCTAssertFalse(m.holdsSlot)
        XCTAssertEqual(m.engineFinished(retry: true), .suspended(enqueue: false), "the suspend's answer is no failure")
        XCTAssertEqual(m.state, .held)
        XCTAssertEqual(m.resumeRequested(), .enqueue)
    }

    func testAbortWhileSuspendingSettlesOnTheEnginesAnswer() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        _ = m.pauseRequested()
        _ = m.pauseExpired(canSuspend: true)
        XCTAssertEqual(m.abortRequested(), .ignored)
        XCTAssertEqual(m.engineFinished(), .settle(.aborted, releaseSlot: false, leaveQueue: false))
    }

    func testAPausedTransferThatEndsFreesNoSlot() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        _ = m.pauseRequested()
        XCTAssertEqual(m.engineFinished(), .settle(.outcome, releaseSlot: false, leaveQueue: false))
        var r = TransferStateMachine()
        _ = r.slotGranted()
        _ = r.pauseRequested()
        XCTAssertEqual(r.engineFinished(retry: true), .scheduleRetry(releaseSlot: false))
    }

    func testPausedWhileConnectingResumesConnectingAndLearnsOfHeadersMeanwhile() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        XCTAssertEqual(m.pauseRequested(), .pauseEngine)
        XCTAssertEqual(m.bytesMoving(), .ignored, "still shown paused")
        XCTAssertEqual(m.resumeRequested(), .resumeEngine(show: .active, overLimit: false))
    }

    func testPausedWhileQueuedIsHeldOutOfTheQueueAndNotStarted() {
        var m = TransferStateMachine()
        XCTAssertEqual(m.pauseRequested(), .hold(leaveQueue: true))
        XCTAssertEqual(m.state, .held)
        XCTAssertEqual(m.slotGranted(), .ignored, "a held transfer does not take a slot")
        XCTAssertEqual(m.resumeRequested(), .enqueue)
        XCTAssertEqual(m.state, .queued)
        XCTAssertEqual(m.slotGranted(), .startEngine)
    }

    func testAbortWhilePausedCancelsInTheEngine() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        _ = m.pauseRequested()
        XCTAssertEqual(m.abortRequested(), .cancelEngine)
        XCTAssertEqual(m.engineCancelled(), .settle(.aborted, releaseSlot: false, leaveQueue: false),
                       "a paused transfer already gave its slot back")
    }

    func testTransientFailureWaitsOutItsBackoffThenQueuesAgain() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        XCTAssertEqual(m.engineFinished(retry: true), .scheduleRetry(releaseSlot: true))
        XCTAssertEqual(m.state, .waitingRetry)
        XCTAssertFalse(m.holdsSlot)
        XCTAssertEqual(m.retryDue(), .enqueue)
        XCTAssertEqual(m.state, .queued)
    }

    func testPauseDuringBackoffHoldsWithoutTouchingTheQueue() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        _ = m.engineFinished(retry: true)
        XCTAssertEqual(m.pauseRequested(), .hold(leaveQueue: false))
        XCTAssertEqual(m.retryDue(), .ignored, "a held transfer's timer does nothing")
        XCTAssertEqual(m.abortRequested(), .settle(.aborted, releaseSlot: false, leaveQueue: false))
    }

    func testACompleteBodyGivesItsSlotBackBeforeTheDiskAnswers() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        _ = m.bytesMoving()
        XCTAssertEqual(m.connectionDone(), .releaseSlot)
        XCTAssertEqual(m.state, .finalizing(holdsSlot: false))
        XCTAssertFalse(m.holdsSlot, "the next waiting transfer need not wait for the sync")
        XCTAssertEqual(m.pauseRequested(), .ignored, "nothing left to pause")
        XCTAssertEqual(m.abortRequested(), .ignored, "the file is being named: the outcome wins")
        XCTAssertEqual(m.engineFinished(), .settle(.outcome, releaseSlot: false, leaveQueue: false))
        XCTAssertEqual(m.state, .finished)
    }

    func testABackedUpDiskKeepsTheSlotUntilTheFileIsNamed() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        XCTAssertEqual(m.connectionDone(releaseSlot: false), .ignored)
        XCTAssertTrue(m.holdsSlot)
        XCTAssertEqual(m.engineFinished(), .settle(.outcome, releaseSlot: true, leaveQueue: false))
    }

    func testAFailedSyncRetriesWithoutASecondRelease() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        _ = m.connectionDone()
        XCTAssertEqual(m.engineFinished(retry: true), .scheduleRetry(releaseSlot: false))
        XCTAssertEqual(m.state, .waitingRetry)
    }

    func testACompletionCrossingACancelFreesTheSlotOnce() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        _ = m.abortRequested()
        XCTAssertEqual(m.connectionDone(), .releaseSlot)
        XCTAssertEqual(m.state, .cancelling(holdsSlot: false))
        XCTAssertEqual(m.engineFinished(), .settle(.outcome, releaseSlot: false, leaveQueue: false))
    }

    func testACompletionWhilePausedNeedsNoSlotAndIgnoresThePauseClock() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        _ = m.pauseRequested()
        XCTAssertEqual(m.connectionDone(), .ignored, "a paused transfer already gave its slot back")
        XCTAssertEqual(m.pauseExpired(canSuspend: true), .ignored, "no connection left to close")
        XCTAssertEqual(m.engineFinished(), .settle(.outcome, releaseSlot: false, leaveQueue: false))
    }
}
