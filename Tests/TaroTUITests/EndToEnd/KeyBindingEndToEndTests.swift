import XCTest

/// A config file that moves abort to `X`: the footer says so, `x` no longer
/// aborts, `X` does; a config that puts two actions on one key stops the
/// program before it takes the screen, naming the line.
final class KeyBindingEndToEndTests: EndToEndTestCase {
    func testAbortReboundToCapitalXInTheConfigFile() throws {
        let name = "50000000"
        try writeConfig("# abort where a slip of the finger does not reach it\nkey.abort = X\n")
        try launchDownloading([server.url("/bytes/50000000?rate=200000")])
        try waitForScreen("bytes arriving, and the footer naming X for abort") { screen in
            screen.state(of: name) == "active" && screen.contains("X abort")
        }
        try tmux.send("x")
        // x is free now: give the program time to act on it, then check it did not.
        try waitForScreen("the next frame after x") { $0.state(of: name) == "active" }
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(try tmux.capture().state(of: name), "active", "x no longer aborts")

        try tmux.send("X")
        try waitForState("aborted", of: name)
        try waitUntil("the download directory to be empty") { downloadedNames().isEmpty }
    }

    func testAConflictingConfigStopsTheProgramNamingTheLine() throws {
        try writeConfig("http2\nkey.abort = q\n")
        let result = try ProcessRunner.run("/usr/bin/env", ["XDG_CONFIG_HOME=" + scratch + "/config", binary,
                                                            "-d", downloads])
        XCTAssertEqual(result.status, 2, "a usage error: \(result.error)")
        XCTAssertTrue(result.error.contains("line 2"), result.error)
        XCTAssertTrue(result.error.contains("q is bound to both abort and quit"), result.error)
    }
}
