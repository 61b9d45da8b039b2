import Foundation
import XCTest

/// One `taro-tui get` through the real binary, started in a chosen working
/// directory with a chosen HOME, its stderr kept in a file (no pipe to fill).
/// The interrupt tests stop it mid-download and read what it said.
final class GetRun {
    let process = Process()
    let stderrPath: String

    /// `command`: get, or another that runs until stopped (daemon).
    init(_ arguments: [String], command: String = "get", in workingDirectory: String, home: String,
         stderrPath: String) throws {
        self.stderrPath = stderrPath
        process.executableURL = URL(fileURLWithPath: try XCTUnwrap(TaroBinary.path))
        process.arguments = [command] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        process.environment = environment
        FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Waits (bounded) for the process to end and returns its status; a
    /// run that does not end is killed and fails the test.
    func finish(timeout: TimeInterval = 120, file: StaticString = #filePath, line: UInt = #line) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            XCTFail("taro-tui get still running after \(Int(timeout)) s", file: file, line: line)
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Polls `condition` every 50 ms for at most `timeout` seconds.
    static func waitUntil(_ what: String, timeout: TimeInterval = 60, file: StaticString = #filePath,
                          line: UInt = #line, _ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() > deadline {
                XCTFail("timed out waiting for \(what)", file: file, line: line)
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}
