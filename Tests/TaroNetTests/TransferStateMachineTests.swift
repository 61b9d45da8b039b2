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
        XCTAssertEqual(m.state, .cancelling)
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
        XCTAssertTrue(m.holdsSlot)
        XCTAssertEqual(m.pauseRequested(), .ignored)
        XCTAssertEqual(m.resumeRequested(), .resumeEngine(show: .active))
        XCTAssertEqual(m.state, .receiving)
    }

    func testPausedWhileConnectingResumesConnectingAndLearnsOfHeadersMeanwhile() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        XCTAssertEqual(m.pauseRequested(), .pauseEngine)
        XCTAssertEqual(m.bytesMoving(), .ignored, "still shown paused")
        XCTAssertEqual(m.resumeRequested(), .resumeEngine(show: .active))
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
        XCTAssertEqual(m.engineCancelled(), .settle(.aborted, releaseSlot: true, leaveQueue: false))
    }

    func testTransientFailureWaitsOutItsBackoffThenQueuesAgain() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        XCTAssertEqual(m.engineFinished(retry: true), .scheduleRetry)
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
}
