/// Quality of a name match, best first (htools' `MatchPriority`).
public enum MatchPriority: Int, Comparable, Sendable {
    case exact, multiple, partial, fail
    /// Orders by quality.
    public static func < (a: MatchPriority, b: MatchPriority) -> Bool { a.rawValue < b.rawValue }
}

/// Result of looking a possibly shortened name up in a list of names.
public struct NameLookupResult: Equatable, Sendable {
    /// How good the match is.
    public var priority: MatchPriority
    /// The full matched name, or the lookup key when no single match.
    public var content: String
    /// Whether the lookup found exactly one name (exact or unique prefix).
    public var isGood: Bool { priority == .exact || priority == .partial }
}

/// Looks `key` up in `names`: an exact name, or a unique `key.` domain prefix (htools' `lookupName`).
public func lookupName(_ names: [String], _ key: String) -> NameLookupResult {
    var result = NameLookupResult(priority: .fail, content: key)
    let dotted = key + "."
    for candidate in names.reversed() {
        let new: NameLookupResult
        if candidate == key {
            new = NameLookupResult(priority: .exact, content: candidate)
        } else if candidate.hasPrefix(dotted) {
            new = NameLookupResult(priority: .partial, content: candidate)
        } else {
            new = NameLookupResult(priority: .fail, content: key)
        }
        if new.priority == .exact {
            result = new
        } else if new.priority == .partial && result.priority == .partial {
            result = NameLookupResult(priority: .multiple, content: key)
        } else if new.priority < result.priority {
            result = new
        }
    }
    return result
}
