/// The allocate-secondary iallocator mode (htools' `tryAllocateSecondary`): turns a
/// single-node instance into DRBD by choosing a secondary in its primary's group.
public enum SecondaryAllocation {
    /// The allocation solution for giving `index` a secondary, with the cluster it was computed on
    /// (the primary already without the old instance).
    public static func run(_ cluster: Cluster, instance index: InstanceIndex, options: AllocationOptions)
        -> Result<(cluster: Cluster, solution: AllocationSolution<Double>), AllocationError> {
        let inst = cluster.instances[index.value]
        if inst.secondary != nil { return .failure(AllocationError("Instance already has a secondary")) }
        var base = cluster
        let primary = inst.primary
        base.nodes[primary.value] = cluster.nodes[primary.value].removingPrimary(inst)
        var drbd = inst
        drbd.diskTemplate = .drbd
        let group = base.nodes[primary.value].group
        let secondaries = base.nodes.filter { $0.group == group && $0.index != primary }.map(\.index)
        let targets = AllocationTargets.pairs([NodePairs(primary: primary, secondaries: secondaries)])
        return AllocationSearch.tryAllocation(base, scope: nil, instance: drbd, targets: targets, options: options)
            .map { (base, $0) }
    }
}
