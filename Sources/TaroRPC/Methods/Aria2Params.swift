import TaroNet

/// A method's parameters after the `token:` one, read with aria2's checks:
/// a wrong type is "The parameter at N has wrong type." with N counted
/// without the token, as aria2 counts.
struct Aria2Params {
    let values: [JSONValue]

    init(_ values: [JSONValue]) { self.values = values }

    subscript(index: Int) -> JSONValue? { values.indices.contains(index) ? values[index] : nil }

    func string(_ index: Int) throws -> String {
        guard case .string(let s)? = self[index] else { throw RPCError.wrongType(at: index) }
        return s
    }

    func optionalString(_ index: Int) throws -> String? {
        guard let value = self[index], value != .null else { return nil }
        guard case .string(let s) = value else { throw RPCError.wrongType(at: index) }
        return s
    }

    /// An integer, as a JSON number or as a string of digits (aria2 takes both).
    func integer(_ index: Int) throws -> Int {
        switch self[index] {
        case .number(let n)?:
            guard let i = Int(exactly: n) else { throw RPCError.wrongType(at: index) }
            return i
        case .string(let s)?:
            guard let i = Int(s) else { throw RPCError.wrongType(at: index) }
            return i
        default:
            throw RPCError.wrongType(at: index)
        }
    }

    func strings(_ index: Int) throws -> [String] {
        guard case .array(let items)? = self[index] else { throw RPCError.wrongType(at: index) }
        return try items.map { item in
            guard case .string(let s) = item else { throw RPCError.wrongType(at: index) }
            return s
        }
    }

    /// `keys`, when given: the members of a status to answer with.
    func keys(_ index: Int) throws -> Set<String>? {
        guard let value = self[index], value != .null else { return nil }
        return Set(try strings(index))
    }

    /// An options struct: member name to value, each a string (or, for
    /// `header`, a list of strings).
    func options(_ index: Int) throws -> [String: JSONValue] {
        guard let value = self[index], value != .null else { return [:] }
        guard case .object(let object) = value else { throw RPCError.wrongType(at: index) }
        return object
    }

    /// The gid at `index`: 16 hex digits, a transfer's id.
    func gid(_ index: Int) throws -> UInt64 {
        let text = try string(index)
        guard let id = GID.parse(text) else { throw RPCError.invalidGID(text) }
        return id
    }
}
