import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// Closing a session frees its scheduler and engine: nothing keeps them
/// alive once the engine thread has stopped (a closed session used to leak both).
final class SessionLifetimeTests: XCTestCase {
    func testCloseFreesTheSchedulerAndTheEngine() async throws {
        let server = try TaroServer()
        defer { server.stop() }
        weak var scheduler: TransferScheduler?
        weak var engine: CurlEngine?
        do {
            let session = TaroSession()
            scheduler = session.scheduler
            engine = session.scheduler.engine
            // A transfer that runs, one that waits, and one whose retry timer is pending.
            let running = session.downloadFile(DownloadFileOption(url: server.url("/bytes/5000000?rate=1000000"),
                                                                 filePath: NSTemporaryDirectory() + "/lifetime-\(UUID())"))
            _ = running
            let counts = await session.counts()
            XCTAssertLessThanOrEqual(counts.running, 1)
            session.close()
            await XCTAssertThrowsTaroError(try await running.value, "downloadFile:fail engine stopped")
        }
        // The engine thread lets go as it ends; give it a moment.
        let deadline = Date().addingTimeInterval(5)
        while (scheduler != nil || engine != nil) && Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        XCTAssertNil(scheduler, "the scheduler outlived its closed session")
        XCTAssertNil(engine, "the engine outlived its closed session")
    }

    func testASessionNobodyHoldsStopsItsEngine() async throws {
        weak var scheduler: TransferScheduler?
        do {
            let session = TaroSession()
            scheduler = session.scheduler
        }
        let deadline = Date().addingTimeInterval(5)
        while scheduler != nil && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        XCTAssertNil(scheduler)
    }

    func testSchedulerStateIsOnlyTouchedOnTheEngineThread() async {
        let session = TaroSession()
        defer { session.close() }
        // An awaited call runs as a job on the engine thread's executor.
        let limits = await session.limits
        XCTAssertEqual(limits, .default)
        XCTAssertFalse(EngineThread.isCurrent, "the test itself is not on an engine thread")
    }
}
