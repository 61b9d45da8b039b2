import CNcursesw
import Glibc

/// The only place that talks to ncurses. Starts and ends curses, reads keys
/// with a timeout (the process sleeps in `poll` between them, so an idle
/// screen costs nothing), and writes frames by diffing each cell against the
/// previous frame, then one `wnoutrefresh` + `doupdate`.
///
/// Keys come from stdin when it is the terminal, else from /dev/tty (the URL
/// list is being piped in: `-i -`), as `less` does. Bracketed paste is
/// switched on for the life of the screen, so a paste arrives as one
/// `.paste` key and never as keystrokes.
final class Terminal {
    enum OpenError: Error, CustomStringConvertible {
        case notATerminal
        case cannotStart(String)

        var description: String {
            switch self {
            case .notATerminal:
                return "needs a terminal on stdout, and on stdin or /dev/tty (use the headless mode in scripts)"
            case .cannotStart(let term): return "cannot start curses for TERM=\(term)"
            }
        }
    }

    /// What one `readKey` produced.
    enum Input {
        case key(Key)
        /// Nothing arrived within the timeout.
        case timeout
        /// Something arrived that means nothing to us (an unknown escape).
        case ignored
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let stderrRedirect: StderrRedirect
    /// /dev/tty opened for keys when stdin is not the terminal; closed with the screen.
    private let ttyInput: UnsafeMutablePointer<FILE>?
    private let useColor: Bool
    private var previous: ScreenBuffer?
    private var characters: [wchar_t] = Array(repeating: 0, count: 8)
    private var closed = false
    let isUTF8: Bool

    /// Key codes given to the bracketed-paste markers with define_key, past
    /// every code ncurses assigns itself.
    static let pasteBeginCode = KEY_MAX + 1
    static let pasteEndCode = KEY_MAX + 2
    /// A paste longer than this (in characters) is cut; the rest is read and dropped.
    static let maximumPasteLength = 16 << 20

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, stderrRedirect: StderrRedirect,
                 ttyInput: UnsafeMutablePointer<FILE>?, useColor: Bool, isUTF8: Bool) {
        self.screen = screen
        self.window = window
        self.stderrRedirect = stderrRedirect
        self.ttyInput = ttyInput
        self.useColor = useColor
        self.isUTF8 = isUTF8
    }

    static func open(useColor: Bool, stderrLogPath: String?) throws -> Terminal {
        guard isatty(STDOUT_FILENO) == 1 else { throw OpenError.notATerminal }
        var ttyInput: UnsafeMutablePointer<FILE>?
        if isatty(STDIN_FILENO) != 1 {
            guard let tty = fopen("/dev/tty", "re") else { throw OpenError.notATerminal }
            guard isatty(fileno(tty)) == 1 else {
                fclose(tty)
                throw OpenError.notATerminal
            }
            ttyInput = tty
        }
        // Our handlers first, so ncurses leaves SIGINT/SIGTERM to us.
        ShutdownSignal.install()
        let isUTF8 = LocaleCodeset.isUTF8()   // also setlocale(LC_ALL, ""), needed before curses starts
        let redirect = StderrRedirect(to: stderrLogPath)
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = ttyInput ?? fdopen(STDIN_FILENO, "r"),
              let screen = newterm(nil, output, input) else {
            redirect.restore()
            ShutdownSignal.restore()
            if let ttyInput { fclose(ttyInput) }
            throw OpenError.cannotStart(getenv("TERM").map { String(cString: $0) } ?? "")
        }
        _ = set_term(screen)
        let window = taro_stdscr()!
        _ = cbreak()
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        _ = intrflush(window, false)
        _ = curs_set(0)
        _ = set_escdelay(25)   // Esc must cancel a prompt at once, not after a second
        defineCommonKeySequences()
        _ = mousemask(taro_mouse_mask_all(), nil)
        _ = mouseinterval(0)
        var colors = false
        if useColor && has_colors() {
            _ = start_color()
            _ = use_default_colors()
            colors = true
            for role in ColorRole.allCases {
                if let color = foreground(for: role) { _ = init_pair(Int16(role.rawValue), color, -1) }
            }
        }
        // Until a screen has been through endwin and back, ncurses counts it
        // as not yet started and flushes its output at every cursor move:
        // a frame of scattered changes went out as one write(2) per run of
        // cells, and each write to a pty wakes a kernel worker that may take
        // the CPU from us, several times a frame on a busy machine. One
        // round trip now, before anything is drawn, and a frame is one write.
        _ = endwin()
        _ = doupdate()
        // Bracketed paste on: the terminal wraps pasted text in ESC[200~ …
        // ESC[201~, which define_key turns into two key codes. Written
        // straight to the descriptor: curses has not drawn anything yet.
        _ = define_key("\u{1b}[200~", pasteBeginCode)
        _ = define_key("\u{1b}[201~", pasteEndCode)
        writeToScreen("\u{1b}[?2004h")
        return Terminal(screen: screen, window: window, stderrRedirect: redirect, ttyInput: ttyInput,
                        useColor: colors, isUTF8: isUTF8)
    }

    /// Writes an escape sequence that draws nothing (title, bell,
    /// notification) straight to the terminal, after curses' own output.
    func sendControl(_ text: String) {
        guard !text.isEmpty, !closed else { return }
        Self.writeToScreen(text)
    }

    private static func writeToScreen(_ text: String) {
        _ = text.withCString { Glibc.write(STDOUT_FILENO, $0, strlen($0)) }
    }

    /// Home and End are sent differently by xterm, the Linux console, tmux
    /// and screen; with TERM naming the wrong one (xterm-256color inside tmux
    /// is common) terminfo misses them. Teaching ncurses the usual variants
    /// keeps the keys working anyway.
    private static func defineCommonKeySequences() {
        let sequences: [(String, Int32)] = [
            ("\u{1b}[1~", KEY_HOME), ("\u{1b}[7~", KEY_HOME), ("\u{1b}[H", KEY_HOME), ("\u{1b}OH", KEY_HOME),
            ("\u{1b}[4~", KEY_END), ("\u{1b}[8~", KEY_END), ("\u{1b}[F", KEY_END), ("\u{1b}OF", KEY_END),
        ]
        for (sequence, code) in sequences { _ = define_key(sequence, code) }
    }

    var size: TerminalSize {
        TerminalSize(rows: Int(taro_getmaxy(window)), cols: Int(taro_getmaxx(window)))
    }

    /// Waits up to `timeoutMilliseconds` for input (0: only what is pending).
    func readKey(timeoutMilliseconds: Int32) -> Input {
        wtimeout(window, timeoutMilliseconds)
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if result == taro_err() { return .timeout }
        if result == taro_key_code_yes() {
            let function = Int32(bitPattern: code)
            if function == taro_key_resize() { return .key(.resize(size)) }
            if function == taro_key_mouse() { return mouseEvent() }
            if function == Self.pasteBeginCode { return .key(.paste(readPaste())) }
            if function == Self.pasteEndCode { return .ignored }
            return KeyDecoder.functionKey(function).map(Input.key) ?? .ignored
        }
        return KeyDecoder.character(UInt32(code)).map(Input.key) ?? .ignored
    }

    /// The text of a bracketed paste, up to its end marker. Line breaks
    /// become "\n"; control characters and key sequences inside the paste
    /// are dropped, so nothing pasted can act as a key. The terminal sends
    /// the end marker right after the text: a second of silence means it
    /// was lost, and what arrived is the paste.
    private func readPaste() -> String {
        var text = String.UnicodeScalarView()
        var length = 0
        while true {
            wtimeout(window, 1000)
            var code: wint_t = 0
            let result = wget_wch(window, &code)
            if result == taro_err() { break }
            if result == taro_key_code_yes() {
                if Int32(bitPattern: code) == Self.pasteEndCode { break }
                continue
            }
            length += 1
            guard length <= Self.maximumPasteLength else { continue }
            switch code {
            case 10, 13: text.append("\n")
            case 9: text.append("\t")
            default:
                if let scalar = Unicode.Scalar(UInt32(code)), !TerminalText.needsEscape(scalar) { text.append(scalar) }
            }
        }
        return String(text)
    }

    private func mouseEvent() -> Input {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return .ignored }
        let row = Int(event.y)
        let col = Int(event.x)
        if event.bstate & taro_button4() != 0 { return .key(.wheelUp(row: row, col: col)) }
        if event.bstate & taro_button5() != 0 { return .key(.wheelDown(row: row, col: col)) }
        if event.bstate & taro_button1() != 0 { return .key(.click(row: row, col: col)) }
        return .ignored
    }

    /// Writes the cells that differ from the last frame. `fullRepaint` (after
    /// a resize or Ctrl-L) erases and redraws everything instead.
    func draw(_ frame: ScreenBuffer, fullRepaint: Bool) {
        let full = fullRepaint || previous?.size != frame.size
        if full {
            _ = werase(window)
            if fullRepaint { _ = clearok(window, true) }
        }
        let rows = min(frame.size.rows, Int(taro_getmaxy(window)))
        let cols = min(frame.size.cols, Int(taro_getmaxx(window)))
        for row in 0..<rows {
            // A row the frame took over from the last one as it was (a list
            // row whose transfer did not change): nothing in it to compare.
            if !full, let previous, frame.sharesRow(row, with: previous) { continue }
            let new = frame.row(row)
            let old = full ? nil : previous?.row(row)
            for col in 0..<cols {
                let cell = new[col]
                if cell.isContinuation { continue }
                if let old {
                    if old[col] == cell { continue }
                } else if cell == .blank {
                    continue
                }
                // A wide cell whose right half is off the window is not drawn.
                if cell.width == 2 && col + 1 >= cols { continue }
                write(cell, row: row, col: col)
            }
        }
        _ = wnoutrefresh(window)
        _ = doupdate()
        previous = frame
    }

    private func write(_ cell: Cell, row: Int, col: Int) {
        // ncurses keeps one spacing character per cell plus a few combining
        // ones; anything beyond that in a grapheme cluster is left out.
        var count = 0
        for scalar in cell.grapheme.unicodeScalars {
            if count == 0 {
                characters[0] = wchar_t(bitPattern: scalar.value)
                count = 1
            } else if DisplayWidth.of(scalar) == 0 && count < characters.count - 1 {
                characters[count] = wchar_t(bitPattern: scalar.value)
                count += 1
            } else {
                break
            }
        }
        if count == 0 {
            characters[0] = 0x20
            count = 1
        }
        characters[count] = 0
        let attributes = attributes(for: cell.style)
        let pair = useColor ? Int16(cell.style.role.rawValue) : 0
        _ = characters.withUnsafeBufferPointer { buffer in
            taro_put_cell(window, Int32(row), Int32(col), buffer.baseAddress, attributes, pair)
        }
    }

    private func attributes(for style: CellStyle) -> attr_t {
        var value = taro_a_normal()
        if style.bold { value |= taro_a_bold() }
        if style.reverse { value |= taro_a_reverse() }
        if style.dim || style.role == .muted { value |= taro_a_dim() }
        if style.underline { value |= taro_a_underline() }
        return value
    }

    private static func foreground(for role: ColorRole) -> Int16? {
        switch role {
        case .normal, .muted: return nil
        case .accent, .progress: return Int16(COLOR_CYAN)
        case .good: return Int16(COLOR_GREEN)
        case .warning: return Int16(COLOR_YELLOW)
        case .bad: return Int16(COLOR_RED)
        }
    }

    /// Ends curses and gives the terminal back as it was. Safe to call twice.
    func close() {
        guard !closed else { return }
        closed = true
        _ = curs_set(1)
        _ = endwin()
        Self.writeToScreen("\u{1b}[?2004l")
        delscreen(screen)
        if let ttyInput { fclose(ttyInput) }
        stderrRedirect.restore()
        ShutdownSignal.restore()
    }

    deinit { close() }
}
