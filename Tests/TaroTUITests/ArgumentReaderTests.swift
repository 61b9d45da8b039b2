import XCTest
@testable import TaroTUI

/// The one option loop the commands share, and two of the commands on it.
final class ArgumentReaderTests: XCTestCase {
    private func words(_ args: [String], valued: Set<String> = ["-o"]) throws -> [String] {
        var reader = ArgumentReader(args)
        var seen: [String] = []
        while let word = reader.next() {
            switch word {
            case .operand(let text): seen.append("operand " + text)
            case .option(let flag) where valued.contains(flag): seen.append(flag + "=" + (try reader.value(of: flag)))
            case .option(let flag): seen.append("option " + flag)
            }
        }
        return seen
    }

    func testOptionsOperandsStdinAndTheEndOfOptions() throws {
        XCTAssertEqual(try words(["-k", "-", "url", "-o", "-x", "--", "-j", "--"]),
                       ["option -k", "operand -", "operand url", "-o=-x", "operand -j", "operand --"])
    }

    func testAMissingValueNamesTheOption() {
        XCTAssertThrowsError(try words(["a", "-o"])) { XCTAssertEqual("\($0)", "-o needs a value") }
    }

    func testTheRemoteCommandsReadTheirOptionsThroughIt() throws {
        let args = try RemoteArguments(["--rpc-port", "6801", "-d", "out", "u1", "--", "-u2"])
        XCTAssertEqual(args.port, 6801)
        XCTAssertEqual(args.directory, "out")
        XCTAssertEqual(args.operands, ["u1", "-u2"])
        XCTAssertThrowsError(try RemoteArguments(["--rpc-port", "0"])) { XCTAssertEqual("\($0)", "--rpc-port wants a port, not 0") }
        XCTAssertThrowsError(try RemoteArguments(["--bogus"])) { XCTAssertEqual("\($0)", "unknown option --bogus") }
    }

    func testTheHeadlessCommandsReadTheirOptionsThroughIt() throws {
        let a = try HeadlessArguments(["-H", "A: b", "--json", "-", "--", "--json"], withValue: ["-H"], switches: ["--json"])
        XCTAssertEqual(a.all("-H"), ["A: b"])
        XCTAssertTrue(a.has("--json"))
        XCTAssertEqual(a.positional, ["-", "--json"])
        XCTAssertThrowsError(try HeadlessArguments(["-Z"], withValue: [], switches: [])) {
            XCTAssertEqual("\($0)", "unknown option -Z")
        }
    }
}
