/// Global N+1 redundancy: every node could fail and all its instances would find room elsewhere in its group
/// (htools' `GlobalN1`).
///
/// DRBD instances fail over to their secondaries, shared-storage instances move to the best node of the group,
/// and instances that cannot move are recreated on the best node, largest memory first.
public enum GlobalRedundancy {
    /// Whether the node list `scope` (all nodes when nil) is globally N+1 redundant (htools' `redundant`).
    ///
    /// Nodes of `options.capacityIgnoredGroups` are not checked; with `options.acceptExisting` offline nodes are not either.
    public static func isRedundant(_ cluster: Cluster, scope: [NodeIndex]? = nil, options: AllocationOptions) -> Bool {
        let list = scope ?? cluster.nodes.map(\.index)
        let checked = list.filter { i in
            let n = cluster[node: i]
            return !(options.acceptExisting && n.offline) && !options.capacityIgnoredGroups.contains(n.group)
        }
        let verdicts = ParallelMap.map(checked, runner: options.parallelism, minimumPerJob: 2) {
            canEvacuate($0, in: cluster, scope: list)
        }
        return verdicts.allSatisfy { $0 }
    }

    /// Whether one group is globally N+1 redundant on its own (htools' `redundantGrp`).
    public static func isGroupRedundant(_ cluster: Cluster, group: GroupIndex, options: AllocationOptions) -> Bool {
        isRedundant(cluster, scope: cluster.nodes.filter { $0.group == group }.map(\.index), options: options)
    }

    /// Whether the cluster stays redundant after `placement` (htools' `allocGlobalN1`).
    public static func allocationKeepsRedundancy<M>(_ cluster: Cluster, scope: [NodeIndex]?, placement: Placement<M>,
                                                    options: AllocationOptions) -> Bool {
        isRedundant(cluster.applying(placement), scope: scope, options: options)
    }

    /// Whether all instances of `node` could be moved or recreated elsewhere (htools' `canEvacuateNode`).
    ///
    /// - Parameter scope: the node list being checked (the escape nodes are its members of the node's group).
    public static func canEvacuate(_ node: NodeIndex, in cluster: Cluster, scope: [NodeIndex]) -> Bool {
        var state = NodeOverlay(cluster)
        let primaries = cluster[node: node].primaries.reversed().map { cluster[instance: $0] }
        let drbd = primaries.filter { $0.diskTemplate == .drbd }
        let others = primaries.filter { $0.diskTemplate != .drbd }
        let shared = others.filter { $0.diskTemplate.isRelocatable }
        let fixed = others.filter { !$0.diskTemplate.isRelocatable }
        for inst in drbd {
            guard state.failover(inst) else { return false }
        }
        let group = cluster[node: node].group
        let escape = scope.filter { $0 != node && cluster[node: $0].group == group }
        let groupNodes = scope.filter { cluster[node: $0].group == group }
        for inst in shared {
            guard state.relocate(inst, candidates: escape, scoredOver: groupNodes) else { return false }
        }
        let bySize = fixed.indices.sorted { a, b in
            fixed[a].memory != fixed[b].memory ? fixed[a].memory > fixed[b].memory : a < b
        }.map { fixed[$0] }
        for inst in bySize {
            guard state.recreate(inst, candidates: escape, scoredOver: scope) else { return false }
        }
        return true
    }
}

extension DiskTemplate {
    /// Whether an instance of the template can be moved to another node without a secondary (Ganeti's `diskTemplateMovable`).
    public var isRelocatable: Bool {
        switch self {
        case .diskless, .sharedfile, .rbd, .ext, .gluster: return true
        case .file, .plain, .blockdev, .drbd: return false
        }
    }
}

/// Node states on top of a fixed cluster: changed nodes are kept aside, the rest read through.
struct NodeOverlay {
    let base: Cluster
    var changed: [Int: Node] = [:]

    init(_ base: Cluster) { self.base = base }

    subscript(_ i: NodeIndex) -> Node {
        get { changed[i.value] ?? base.nodes[i.value] }
        set { changed[i.value] = newValue }
    }

    /// Forced failover of a DRBD instance to its secondary (htools' `move … Failover`).
    mutating func failover(_ inst: Instance) -> Bool {
        guard let sdx = inst.secondary else { return false }
        let pdx = inst.primary
        let oldP = self[pdx], oldS = self[sdx]
        let intP = oldP.removingPrimary(inst)
        let intS = oldS.removingSecondary(inst)
        guard oldP.canMigrate(to: oldS) else { return false }
        guard case .success(let newP) = intS.addingPrimary(inst, force: true) else { return false }
        guard case .success(let newS) = intP.addingSecondary(inst, primary: sdx, force: true, ignoreDisks: oldP.offline)
        else { return false }
        self[pdx] = newS
        self[sdx] = newP
        return true
    }

    /// Moves a shared-storage instance to the candidate giving the best group score (htools' `evacOneNodeOnly`
    /// with `FailoverToAny`, soft errors ignored).
    mutating func relocate(_ inst: Instance, candidates: [NodeIndex], scoredOver group: [NodeIndex]) -> Bool {
        let pdx = inst.primary
        let oldP = self[pdx]
        let snapshot = self
        let rows = ScoreRows(nodeCount: base.nodes.count, members: group) { snapshot[$0] }
        var best: (score: Double, target: NodeIndex, newP: Node, oldP: Node)?
        for t in candidates {
            let target = self[t]
            guard oldP.canMigrate(to: target) else { continue }
            guard case .success(let newTarget) = target.addingPrimary(inst, force: true) else { continue }
            let oldAfter = oldP.removingPrimary(inst)
            let score = rows.score(replacing: rows.position[pdx.value], NodeScoreValues(oldAfter),
                                   and: rows.position[t.value], NodeScoreValues(newTarget))
            if let b = best, b.score < score { continue }
            best = (score, t, newTarget, oldAfter)
        }
        guard let b = best else { return false }
        self[pdx] = b.oldP
        self[b.target] = b.newP
        return true
    }

    /// Places a copy of a non-movable instance on the candidate with the best score of `scope`
    /// (htools' `recreate`: `allocateOnSingle` with soft errors ignored).
    mutating func recreate(_ inst: Instance, candidates: [NodeIndex], scoredOver scope: [NodeIndex]) -> Bool {
        let snapshot = self
        let rows = ScoreRows(nodeCount: base.nodes.count, members: scope) { snapshot[$0] }
        var best: (score: Double, target: NodeIndex, node: Node)?
        for t in candidates {
            let target = self[t]
            if target.policy.violation(of: inst, exclusiveStorage: target.exclusiveStorage) != nil { continue }
            guard case .success(let newTarget) = target.addingPrimary(inst, force: true) else { continue }
            let score = rows.score(replacing: rows.position[t.value], with: NodeScoreValues(newTarget))
            if let b = best, b.score < score { continue }
            best = (score, t, newTarget)
        }
        guard let b = best else { return false }
        self[b.target] = b.node
        return true
    }
}
