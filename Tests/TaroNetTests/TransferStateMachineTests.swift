@testable import TaroNet
import XCTest

/// The scheduler's rules, driven without a network.
final class TransferStateMachineTests: XCTestCase {
    func testQueuedTransferStartsWhenGivenASlot() {
        var m = TransferStateMachine()
        XCTAssertEqual(m.slotGranted(), .startEngine)
        XCTAssertEqual(m.state, .running)
        XCTAssertTrue(m.holdsSlot)
        XCTAssertEqual(m.slotGranted(), .ignored, "a running transfer is not started twice")
    }

    func testAbortWhileQueuedSettlesAtOnceWithoutASlot() {
        var m = TransferStateMachine()
        XCTAssertEqual(m.abortRequested(), .settle(.aborted, releaseSlot: false))
        XCTAssertEqual(m.state, .finished)
        XCTAssertEqual(m.slotGranted(), .ignored)
    }

    func testAbortWhileRunningAsksTheEngineThenSettlesOnItsAnswer() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        XCTAssertEqual(m.abortRequested(), .cancelEngine)
        XCTAssertEqual(m.state, .cancelling)
        XCTAssertEqual(m.abortRequested(), .ignored, "a second abort changes nothing")
        XCTAssertEqual(m.engineCancelled(), .settle(.aborted, releaseSlot: true))
        XCTAssertEqual(m.state, .finished)
    }

    func testFinishCrossingACancelKeepsTheOutcome() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        _ = m.abortRequested()
        XCTAssertEqual(m.engineFinished(), .settle(.outcome, releaseSlot: true))
        XCTAssertEqual(m.engineCancelled(), .ignored, "settled once")
    }

    func testAbortAfterSettlingDoesNothing() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        XCTAssertEqual(m.engineFinished(), .settle(.outcome, releaseSlot: true))
        XCTAssertEqual(m.abortRequested(), .ignored)
        XCTAssertEqual(m.engineFinished(), .ignored)
    }

    func testPauseAndResumeWhileRunning() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        XCTAssertEqual(m.pauseRequested(), .pauseEngine)
        XCTAssertEqual(m.state, .paused)
        XCTAssertTrue(m.holdsSlot)
        XCTAssertEqual(m.pauseRequested(), .ignored)
        XCTAssertEqual(m.resumeRequested(), .resumeEngine)
        XCTAssertEqual(m.state, .running)
    }

    func testPausedWhileQueuedIsHeldAndNotStarted() {
        var m = TransferStateMachine()
        XCTAssertEqual(m.pauseRequested(), .none)
        XCTAssertEqual(m.state, .held)
        XCTAssertEqual(m.slotGranted(), .ignored, "a held transfer does not take a slot")
        XCTAssertEqual(m.resumeRequested(), .none)
        XCTAssertEqual(m.state, .queued)
        XCTAssertEqual(m.slotGranted(), .startEngine)
    }

    func testAbortWhilePausedCancelsInTheEngine() {
        var m = TransferStateMachine()
        _ = m.slotGranted()
        _ = m.pauseRequested()
        XCTAssertEqual(m.abortRequested(), .cancelEngine)
        XCTAssertEqual(m.engineCancelled(), .settle(.aborted, releaseSlot: true))
    }
}
