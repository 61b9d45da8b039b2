import Glibc

/// The parsers and makers that read what a server, a file or a terminal
/// hands us. Each checks its own invariant on every input.
enum FuzzTarget: String, CaseIterable {
    case headers, disposition, safename, record, urllist, keys, terminaltext

    /// Read once: the target cannot change while the fuzzer runs.
    static let selected: FuzzTarget = {
        let name = getenv("TARO_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let known = allCases.map(\.rawValue).joined(separator: " ")
            report("TARO_FUZZ_TARGET must be one of: \(known)")
            exit(2)
        }
        return target
    }()

    func run(_ bytes: [UInt8]) {
        switch self {
        case .headers: HeaderParserInvariant.check(bytes)
        case .disposition: DispositionInvariant.check(bytes)
        case .safename: SafeNameInvariant.check(bytes)
        case .record: RecordInvariant.check(bytes)
        case .urllist: URLListInvariant.check(bytes)
        case .keys: KeyDecoderInvariant.check(bytes)
        case .terminaltext: TerminalTextInvariant.check(bytes)
        }
    }
}

/// Stops the run with the broken invariant; libFuzzer saves the input.
func violated(_ what: String) -> Never {
    report("invariant broken: \(what)")
    abort()
}

/// One line on stderr, written at once (the process may be about to abort).
func report(_ line: String) {
    let text = Array((line + "\n").utf8)
    _ = text.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}
