/// Recognising dedicated clusters, where hail allocates with the lost-allocations metric.
public enum DedicatedClusters {
    /// Whether every node of the allocation's candidate groups uses exclusive storage
    /// (htools' `Dedicated.isDedicated`): the named group, or all allocable groups when
    /// `group` is nil.
    public static func isDedicated(_ cluster: Cluster, group: String?) -> Bool {
        let candidates = Set(cluster.groups.filter { g in
            if let name = group { return g.name == name }
            return g.allocPolicy != .unallocable
        }.map(\.index))
        return cluster.nodes.allSatisfy { $0.exclusiveStorage || !candidates.contains($0.group) }
    }
}
