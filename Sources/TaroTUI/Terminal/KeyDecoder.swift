import CNcursesw

/// Turns what `wget_wch` returns into a `Key`: characters (OK) and function
/// keys (KEY_CODE_YES) arrive in separate ranges and are decoded separately.
package enum KeyDecoder {
    /// A character code from `wget_wch` returning OK.
    package static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return Unicode.Scalar(code + 96).map(Key.control)
        case 0..<32, 0x80...0x9F: return nil
        default: return Unicode.Scalar(code).map(Key.character)
        }
    }

    /// A function key code from `wget_wch` returning KEY_CODE_YES. Resize and
    /// mouse are handled by the terminal, which knows the size and the event.
    package static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_A3: return .pageUp
        case KEY_C3: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case (KEY_F0 + 1)...(KEY_F0 + 24): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
