/// Key names as the config file writes them (`x`, `X`, `ctrl-x`, `f5`,
/// `space`, `enter`, `esc`, `up`, `pgdn`) and as the help shows them.
public enum KeyName {
    private static let named: [(String, Key)] = [
        ("space", .character(" ")), ("enter", .enter), ("esc", .escape), ("escape", .escape),
        ("tab", .tab), ("shift-tab", .backTab), ("backspace", .backspace), ("delete", .delete),
        ("up", .up), ("down", .down), ("left", .left), ("right", .right),
        ("pgup", .pageUp), ("pageup", .pageUp), ("pgdn", .pageDown), ("pagedown", .pageDown),
        ("home", .home), ("end", .end),
    ]

    /// Control keys a binding could never receive: the terminal takes C, Z
    /// (signals), S and Q (flow control); H, I, J and M arrive as Backspace,
    /// Tab and Enter; L is the redraw, which works even in prompts.
    public static let unavailableControls: Set<Unicode.Scalar> = ["c", "z", "s", "q", "h", "i", "j", "m", "l"]

    /// The key `name` means, or nil. One character is itself (case kept);
    /// longer names ignore case.
    public static func parse(_ name: String) -> Key? {
        let scalars = Array(name.unicodeScalars)
        if scalars.count == 1 {
            let c = scalars[0]
            // Control characters and blanks have names; a bare one is a typo.
            guard c.value > 0x20, c.value != 0x7F else { return nil }
            return .character(c)
        }
        let lower = name.lowercased()
        if let hit = named.first(where: { $0.0 == lower }) { return hit.1 }
        if lower.hasPrefix("ctrl-") {
            let rest = Array(lower.dropFirst(5).unicodeScalars)
            guard rest.count == 1, ("a"..."z").contains(rest[0]), !unavailableControls.contains(rest[0]) else {
                return nil
            }
            return .control(rest[0])
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .function(n) }
        return nil
    }

    /// How the help and the footer write `key`.
    public static func display(_ key: Key) -> String {
        switch key {
        case .character(" "): return "Space"
        case .character(let c): return String(Character(c))
        case .control(let c): return "Ctrl-" + String(Character(c)).uppercased()
        case .function(let n): return "F\(n)"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        default: return "?"
        }
    }
}
