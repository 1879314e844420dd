/// Whole-cluster helpers for applying instance moves during evacuation.
extension Cluster {
    /// The cluster with `move` applied to `instance` (htools' `applyMoveEx`), or the failure mode.
    ///
    /// Only nodes change; the caller decides when to store the returned instance.
    public func applying(_ move: InstanceMove, to instance: Instance,
                         ignoreSoftErrors: Bool) -> Result<(cluster: Cluster, instance: Instance), FailMode> {
        switch MoveApplication.apply(move, to: instance, nodes: nodes, force: ignoreSoftErrors) {
        case .failure(let f): return .failure(f)
        case .success(let applied):
            var next = self
            for (i, n) in applied.changedNodes { next.nodes[i.value] = n }
            return .success((next, applied.instance))
        }
    }

    /// The nodes of `group`, in index order (htools' `computeGroups` entry for the group).
    public func nodes(inGroup group: GroupIndex) -> [NodeIndex] {
        nodes.filter { $0.group == group }.map(\.index)
    }

    /// The group of an instance's primary node (htools' `instancePriGroup`).
    public func primaryGroup(of instance: Instance) -> GroupIndex {
        nodes[instance.primary.value].group
    }
}
