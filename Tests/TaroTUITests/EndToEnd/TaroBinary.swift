import Foundation

/// Finds the `taro-tui` executable built alongside the test bundle: the same
/// build directory holds both (`swift build --build-tests` and `swift test`
/// build every product). `TARO_TUI_BINARY` overrides the search.
enum TaroBinary {
    static let name = "taro-tui"

    static func locate() -> String? {
        let fileManager = FileManager.default
        if let given = ProcessInfo.processInfo.environment["TARO_TUI_BINARY"], !given.isEmpty {
            return fileManager.isExecutableFile(atPath: given) ? given : nil
        }
        for start in startingPoints() {
            var directory = URL(fileURLWithPath: start).deletingLastPathComponent()
            // The bundle sits in …/debug/ (Linux) or …/debug/X.xctest/Contents/MacOS/.
            for _ in 0..<5 {
                let candidate = directory.appendingPathComponent(name).path
                var isDirectory: ObjCBool = false
                if fileManager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                   fileManager.isExecutableFile(atPath: candidate) {
                    return candidate
                }
                directory.deleteLastPathComponent()
            }
        }
        return nil
    }

    /// The running test executable, then the test bundle.
    private static func startingPoints() -> [String] {
        var points: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            points.append(exe)
        }
        if let path = Bundle.main.executablePath { points.append(path) }
        points.append(Bundle.main.bundlePath + "/x")
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            points.append(bundle.bundlePath)
        }
        return points
    }
}
