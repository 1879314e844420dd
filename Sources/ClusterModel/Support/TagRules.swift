/// The htools tag conventions (exclusion, location, migration, desired location, standby).
public enum TagRules {
    /// Cluster tag prefix naming exclusion tag prefixes.
    public static let exclusionPrefix = "htools:iextags:"
    /// Node tag prefix marking standby nodes (hsqueeze).
    public static let standbyPrefix = "htools:standby:"
    /// Cluster tag prefix naming migration tag prefixes.
    public static let migrationPrefix = "htools:migration:"
    /// Cluster tag prefix allowing migration between two migration tags.
    public static let allowMigrationPrefix = "htools:allowmigration:"
    /// Cluster tag prefix naming location tag prefixes.
    public static let locationPrefix = "htools:nlocation:"
    /// Cluster tag prefix naming desired-location tag prefixes.
    public static let desiredLocationPrefix = "htools:desiredlocation:"
    /// Tag hsqueeze puts on nodes it shut down.
    public static let standbyAuto = "htools:standby:auto"

    /// htools' `chompPrefix`: strips `prefix`, also accepting `prefix` without its last character.
    public static func chompPrefix(_ prefix: String, _ s: String) -> String? {
        if s.hasPrefix(prefix) { return String(s.dropFirst(prefix.count)) }
        if String(prefix.dropLast()) == s { return "" }
        return nil
    }

    /// Tags of `nodeTags` that start with `p:` for some cluster tag `prefix` + `p`.
    public static func matchingTags(prefix: String, clusterTags: [String], nodeTags: [String]) -> [String] {
        var out: Set<String> = []
        for ct in clusterTags where ct.hasPrefix(prefix) {
            let p = String(ct.dropFirst(prefix.count)) + ":"
            for nt in nodeTags where nt.hasPrefix(p) { out.insert(nt) }
        }
        return out.sorted()
    }

    /// Exclusion tag prefixes declared by cluster tags (`htools:iextags:PREFIX`).
    public static func exclusionPrefixes(clusterTags: [String]) -> [String] {
        clusterTags.compactMap { chompPrefix(exclusionPrefix, $0) }.filter { !$0.isEmpty }
    }

    /// Desired-location tag prefixes declared by cluster tags.
    public static func desiredLocationPrefixes(clusterTags: [String]) -> [String] {
        clusterTags.compactMap { chompPrefix(desiredLocationPrefix, $0) }.filter { !$0.isEmpty }
    }

    /// Location tags of a node.
    public static func locations(clusterTags: [String], nodeTags: [String]) -> [String] {
        matchingTags(prefix: locationPrefix, clusterTags: clusterTags, nodeTags: nodeTags)
    }

    /// Migration restriction tags of a node.
    public static func migrationRestrictions(clusterTags: [String], nodeTags: [String]) -> [String] {
        matchingTags(prefix: migrationPrefix, clusterTags: clusterTags, nodeTags: nodeTags)
    }

    /// Migration tags a node accepts: its own plus those allowed to migrate to them.
    public static func receivableMigrations(clusterTags: [String], nodeTags: [String]) -> [String] {
        let allowed: [(String, String)] = clusterTags.compactMap { tag in
            guard tag.hasPrefix(allowMigrationPrefix) else { return nil }
            return splitAtDoubleColon(String(tag.dropFirst(allowMigrationPrefix.count)))
        }
        var out: Set<String> = []
        for t in migrationRestrictions(clusterTags: clusterTags, nodeTags: nodeTags) {
            out.insert(t)
            for (from, to) in allowed where to == t { out.insert(from) }
        }
        return out.sorted()
    }

    /// Splits at the first `::` when it occurs exactly once.
    static func splitAtDoubleColon(_ s: String) -> (String, String)? {
        let chars = Array(s)
        var i = 0
        while i + 1 < chars.count {
            if chars[i] == ":" && chars[i + 1] == ":" {
                let rest = String(chars[(i + 2)...])
                if rest.contains("::") { return nil }
                return (String(chars[..<i]), rest)
            }
            i += 1
        }
        return nil
    }

    /// Whether any node tag marks the node as standby.
    public static func hasStandbyTag(_ nodeTags: [String]) -> Bool {
        nodeTags.contains { $0.hasPrefix(standbyPrefix) }
    }
}
