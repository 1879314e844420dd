/// Placing one instance on given nodes, with htools' checks and scores (htools' `AllocatePrimitives`).
///
/// These are the plain reference versions; `AllocationSearch` scans many targets with the same arithmetic faster.
public enum PlacementPrimitives {
    /// Places `instance` alone on `primary` and scores the node list `scope` (htools' `allocateOnSingle`).
    ///
    /// - Parameter scope: the nodes htools' `nl` holds here, in index order (all nodes when nil).
    public static func allocateOnSingle(_ cluster: Cluster, scope: [NodeIndex]?, instance: Instance,
                                        primary: NodeIndex, options: AllocationOptions) -> Result<Placement<Double>, FailMode> {
        let p = cluster[node: primary]
        if let f = p.policy.violation(of: instance, exclusiveStorage: p.exclusiveStorage) { return .failure(f) }
        let newP: Node
        switch p.addingPrimary(instance, force: options.ignoreSoftErrors) {
        case .failure(let f): return .failure(f)
        case .success(let n): newP = n
        }
        var placed = instance
        placed.primary = primary
        placed.secondary = nil
        let score = scoreReplacing(cluster, scope: scope, [newP])
        return .success(Placement(instance: placed, nodes: [newP], metric: score))
    }

    /// Places `instance` on `primary` with secondary `secondary`, scoring incrementally from `statistics`
    /// (htools' `allocateOnPair`).
    public static func allocateOnPair(_ cluster: Cluster, statistics: ClusterStatistics, instance: Instance,
                                      primary: NodeIndex, secondary: NodeIndex,
                                      options: AllocationOptions) -> Result<Placement<Double>, FailMode> {
        let p = cluster[node: primary], s = cluster[node: secondary]
        if let f = p.policy.violation(of: instance, exclusiveStorage: p.exclusiveStorage) { return .failure(f) }
        var placed = instance
        placed.locationScore = MoveApplication.locationScore(primary: p, secondary: s)
        placed.primary = primary
        placed.secondary = secondary
        let newP: Node, newS: Node
        switch p.addingPrimary(placed, force: options.ignoreSoftErrors) {
        case .failure(let f): return .failure(f)
        case .success(let n): newP = n
        }
        switch s.addingSecondary(placed, primary: primary) {
        case .failure(let f): return .failure(f)
        case .success(let n): newS = n
        }
        var stats = statistics
        stats.replace(p, with: newP)
        stats.replace(s, with: newS)
        return .success(Placement(instance: placed, nodes: [newP, newS], metric: stats.score))
    }

    /// The full score of `scope` with `changed` nodes substituted (htools' `compCV` of the new list).
    public static func scoreReplacing(_ cluster: Cluster, scope: [NodeIndex]?, _ changed: [Node]) -> Double {
        var nodes = scope.map { $0.map { cluster[node: $0] } } ?? cluster.nodes
        for n in changed {
            if let k = nodes.firstIndex(where: { $0.index == n.index }) { nodes[k] = n }
        }
        return ClusterStatistics(nodes: nodes).score
    }
}
