/// Attributes of one cell. Small and `Equatable` so frames can be diffed cheaply.
public struct CellStyle: Sendable, Equatable, Hashable {
    public var bold: Bool
    public var reverse: Bool
    public var dim: Bool
    public var underline: Bool
    public var role: ColorRole

    public init(bold: Bool = false, reverse: Bool = false, dim: Bool = false,
                underline: Bool = false, role: ColorRole = .normal) {
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
        self.role = role
    }

    public static let plain = CellStyle()

    func with(role: ColorRole) -> CellStyle {
        var copy = self
        copy.role = role
        return copy
    }

    func bolded() -> CellStyle {
        var copy = self
        copy.bold = true
        return copy
    }
}
