import Foundation
import XCTest

/// Runs the taro-tui binary to the end (bounded), with an environment of
/// the test's choosing, and keeps what it printed.
struct TaroCommand {
    var status: Int32
    var stdout: String
    var stderr: String

    /// `environment` adds to (or replaces in) this process's environment.
    static func run(_ arguments: [String], environment: [String: String] = [:], limit: TimeInterval = 120) throws -> TaroCommand {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try XCTUnwrap(TaroBinary.path))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: timer)
        // stderr is drained on its own so a chatty run cannot fill its pipe.
        let errBox = ErrBox()
        let errDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            errDone.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        process.waitUntilExit()
        timer.cancel()
        return TaroCommand(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                           stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    private final class ErrBox: @unchecked Sendable { var data = Data() }
}
