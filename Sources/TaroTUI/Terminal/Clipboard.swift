import Foundation

/// Setting the clipboard of the terminal's owner through the terminal
/// itself (OSC 52), which works over ssh and inside tmux (with
/// set-clipboard on) where no local clipboard tool could. A terminal that
/// does not understand it ignores it, so the text is also shown and
/// printed after quitting.
enum Clipboard {
    /// `ESC ] 52 ; c ; BASE64 BEL`: "c" is the clipboard selection.
    static func osc52(_ text: String) -> String {
        "\u{1b}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    /// Written straight to the terminal between frames: the sequence moves
    /// no cursor and draws nothing, so curses' idea of the screen holds.
    static func copy(_ text: String) {
        let bytes = Array(osc52(text).utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue }; return }
            written += n
        }
    }
}
