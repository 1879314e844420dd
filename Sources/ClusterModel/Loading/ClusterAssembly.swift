/// Options that shape how a freshly parsed cluster is finalised (htools' `mergeData` arguments).
public struct AssemblyOptions: Sendable {
    /// Per-instance dynamic utilisation, by instance name.
    public var utilisation: [(String, DynamicUtilisation)]
    /// Extra exclusion tag prefixes (from `--exclusion-tags`, each ending in `:`).
    public var exclusionTagPrefixes: [String]
    /// Instances to consider for moves (empty: all).
    public var selectedInstances: [String]
    /// Instances never to move.
    public var excludedInstances: [String]

    /// Creates assembly options; all empty by default.
    public init(utilisation: [(String, DynamicUtilisation)] = [], exclusionTagPrefixes: [String] = [],
                selectedInstances: [String] = [], excludedInstances: [String] = []) {
        self.utilisation = utilisation; self.exclusionTagPrefixes = exclusionTagPrefixes
        self.selectedInstances = selectedInstances; self.excludedInstances = excludedInstances
    }
}

/// A failure while finalising a cluster.
public enum AssemblyError: Error, Equatable, Sendable {
    /// `--select-instances`/`--exclude-instances` named unknown instances.
    case unknownInstances([String])
}

/// Finalises parsed cluster data: tags, aliases, node usage, peers and policies (htools' `mergeData`).
public func assembleCluster(_ input: Cluster, options: AssemblyOptions = AssemblyOptions()) throws(AssemblyError) -> Cluster {
    var cluster = input
    var symbols = cluster.symbols

    // Dynamic utilisation, by unique name.
    for (name, util) in options.utilisation {
        let matches = cluster.instances.indices.filter { cluster.instances[$0].name == name || cluster.instances[$0].alias == name }
        if matches.count == 1 { cluster.instances[matches[0]].utilisation = util }
    }

    let exclusionPrefixes = options.exclusionTagPrefixes + TagRules.exclusionPrefixes(clusterTags: cluster.tags)
    let desiredPrefixes = TagRules.desiredLocationPrefixes(clusterTags: cluster.tags)
    let instanceNames = cluster.instances.map(\.name)
    let selected = options.selectedInstances.map { lookupName(instanceNames, $0) }
    let excluded = options.excludedInstances.map { lookupName(instanceNames, $0) }
    let unknown = (selected + excluded).filter { !$0.isGood }
    let selectedNames = selected.map(\.content)
    let excludedNames = excluded.map(\.content)
    let suffix = longestCommonDomain(cluster.nodes.map(\.name) + instanceNames)

    for i in cluster.instances.indices {
        var inst = cluster.instances[i]
        if excludedNames.contains(inst.name) || !(selectedNames.isEmpty || selectedNames.contains(inst.name)) {
            inst.movable = false
        }
        inst.desiredLocationTags = Set(inst.tags.filter { t in desiredPrefixes.contains { t.hasPrefix($0) } }
            .map { symbols.intern($0) }).sorted()
        inst.exclusionTags = inst.tags.filter { t in exclusionPrefixes.contains { t.hasPrefix($0) } }.map { symbols.intern($0) }
        inst.alias = stripSuffix(inst.name, suffix)
        cluster.instances[i] = inst
    }

    for n in cluster.nodes.indices {
        let locs = TagRules.locations(clusterTags: cluster.tags, nodeTags: cluster.nodes[n].tags)
        cluster.nodes[n].locationTags = locs.map { symbols.intern($0) }.sorted()
    }
    for i in cluster.instances.indices {
        let inst = cluster.instances[i]
        if let s = inst.secondary {
            let p = cluster.nodes[inst.primary.value].locationTags
            let q = cluster.nodes[s.value].locationTags
            cluster.instances[i].locationScore = p.filter { q.contains($0) }.count
        } else {
            cluster.instances[i].locationScore = 0
        }
    }
    for inst in cluster.instances {
        let beforePrimary = cluster.nodes[inst.primary.value]
        cluster.nodes[inst.primary.value].attachPrimary(inst)
        if let s = inst.secondary {
            // htools registers the secondary on the node as it was before the primary update, so an
            // instance whose secondary is its primary (possible for non-DRBD templates) ends up
            // recorded only as a secondary there.
            var node = s == inst.primary ? beforePrimary : cluster.nodes[s.value]
            node.attachSecondary(inst)
            cluster.nodes[s.value] = node
        }
    }
    let groupOfNode = cluster.nodes.map(\.group)
    for n in cluster.nodes.indices {
        cluster.nodes[n].buildPeers(instances: cluster.instances)
        cluster.nodes[n].alias = stripSuffix(cluster.nodes[n].name, suffix)
        cluster.nodes[n].applyPolicy(cluster.groups[cluster.nodes[n].group.value].policy)
        let mig = TagRules.migrationRestrictions(clusterTags: cluster.tags, nodeTags: cluster.nodes[n].tags)
        let rmig = TagRules.receivableMigrations(clusterTags: cluster.tags, nodeTags: cluster.nodes[n].tags)
        cluster.nodes[n].migrationTags = mig.map { symbols.intern($0) }.sorted()
        cluster.nodes[n].receivableMigrationTags = rmig.map { symbols.intern($0) }.sorted()
    }
    for i in cluster.instances.indices {
        let inst = cluster.instances[i]
        if let s = inst.secondary, groupOfNode[inst.primary.value] != groupOfNode[s.value] {
            cluster.instances[i].movable = false
        }
    }
    cluster.symbols = symbols
    if !unknown.isEmpty { throw .unknownInstances(unknown.map(\.content)) }
    return cluster
}

/// The longest `.`-starting suffix shared by all names (htools' `longestDomain`).
public func longestCommonDomain(_ names: [String]) -> String {
    guard let first = names.first else { return "" }
    // On UTF-8 bytes: "." is one byte that never occurs inside another scalar's encoding, so byte suffixes
    // starting at a "." are exactly the scalar suffixes starting there.
    let head = Array(first.utf8)
    let rest = names.dropFirst().map { Array($0.utf8) }
    for start in head.indices where head[start] == UInt8(ascii: ".") {
        let suffix = head[start...]
        if rest.allSatisfy({ $0.count >= suffix.count && $0[($0.count - suffix.count)...].elementsEqual(suffix) }) {
            return String(decoding: suffix, as: UTF8.self)
        }
    }
    return ""
}

/// Drops as many trailing characters as `suffix` has (htools' `computeAlias`).
func stripSuffix(_ name: String, _ suffix: String) -> String {
    let n = suffix.unicodeScalars.count
    if n == 0 { return name }
    let scalars = Array(name.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[..<max(0, scalars.count - n)])
    return String(view)
}
