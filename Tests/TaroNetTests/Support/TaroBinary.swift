import Foundation

/// The taro-tui executable built alongside the tests (`swift build --build-tests`
/// builds every product of the package into the same directory).
enum TaroBinary {
    static var path: String? {
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("taro-tui").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        for build in [".build/debug", ".build/x86_64-unknown-linux-gnu/debug"] {
            let candidate = root.appendingPathComponent(build).appendingPathComponent("taro-tui").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Starts `taro-tui` with arguments; output goes to /dev/null.
    static func launch(_ arguments: [String]) throws -> Process {
        guard let path else { throw POSIXError(.ENOENT) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
