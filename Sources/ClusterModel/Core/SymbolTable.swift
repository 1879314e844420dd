/// Interns tag strings as small integers so hot code compares integers, not strings.
public struct SymbolTable: Sendable, Equatable {
    /// The interned strings, by identifier.
    public private(set) var names: [String] = []
    private var ids: [String: Int] = [:]

    /// Creates an empty table.
    public init() {}

    /// Returns the identifier of `name`, adding it when new.
    public mutating func intern(_ name: String) -> Int {
        if let id = ids[name] { return id }
        let id = names.count
        names.append(name)
        ids[name] = id
        return id
    }

    /// The identifier of `name`, if interned.
    public func id(of name: String) -> Int? { ids[name] }

    /// The string of identifier `id`.
    public func name(_ id: Int) -> String { names[id] }
}
