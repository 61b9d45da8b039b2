/// The one place keys are bound: each action's keys, in order (the first is
/// the one the footer shows). The reducer asks it which action a key means;
/// the `?` screen, the footer hints and `--help` are written from it, so a
/// key rebound in the config file shows up everywhere at once.
public struct KeyTable: Sendable, Equatable {
    public private(set) var keys: [Action: [Key]]

    public static let standard = KeyTable(keys: [
        .add: [.character("a")], .upload: [.character("u")], .abort: [.character("x")],
        .pauseResume: [.character("p")], .retry: [.character("r")], .remove: [.character("d")],
        .mark: [.character(" ")], .markAll: [.character("*")],
        .queueUp: [.character("K")], .queueDown: [.character("J")],
        .queueTop: [.character("T")], .queueBottom: [.character("B")],
        .moreJobs: [.character("+"), .character("=")], .fewerJobs: [.character("-"), .character("_")],
        .limitAll: [.character("l")], .limitOne: [.character("L")], .copyCurl: [.character("C")],
        .moveUp: [.character("k"), .up], .moveDown: [.character("j"), .down],
        .pageUp: [.pageUp], .pageDown: [.pageDown],
        .moveTop: [.home, .character("g")], .moveBottom: [.end, .character("G")],
        .headers: [.enter], .focus: [.tab, .backTab], .back: [.escape],
        .filter: [.character("/")], .nextMatch: [.character("n")], .previousMatch: [.character("N")],
        .sort: [.character("s")], .reverseSort: [.character("S")],
        .help: [.character("?"), .function(1)], .failures: [.character("F")], .quit: [.character("q")],
    ])

    /// The action `key` is bound to, if any.
    public func action(for key: Key) -> Action? {
        for action in Action.allCases where keys[action, default: []].contains(key) { return action }
        return nil
    }

    /// Binds `action` to `newKeys` alone; its old keys are free afterwards.
    public mutating func rebind(_ action: Action, to newKeys: [Key]) {
        keys[action] = newKeys
    }

    /// Keys bound to more than one action, with those actions.
    public var conflicts: [(key: Key, actions: [Action])] {
        var seen: [(key: Key, actions: [Action])] = []
        for action in Action.allCases {
            for key in keys[action, default: []] {
                if let i = seen.firstIndex(where: { $0.key == key }) {
                    // A key named twice for one action is no clash with itself.
                    if seen[i].actions.last != action { seen[i].actions.append(action) }
                } else {
                    seen.append((key, [action]))
                }
            }
        }
        return seen.filter { $0.actions.count > 1 }
    }

    /// `action`'s keys as the help writes them: "j Down".
    public func label(_ action: Action) -> String {
        keys[action, default: []].map(KeyName.display).joined(separator: " ")
    }

    /// The key the footer and messages name for `action` (its first).
    public func primary(_ action: Action, enter: String = "Enter") -> String {
        guard let key = keys[action]?.first else { return "-" }
        return key == .enter ? enter : KeyName.display(key)
    }
}
