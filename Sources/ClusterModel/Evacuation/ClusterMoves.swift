/// Whole-cluster queries used by evacuation.
extension Cluster {
    /// The nodes of `group`, in index order (htools' `computeGroups` entry for the group).
    public func nodes(inGroup group: GroupIndex) -> [NodeIndex] {
        nodes.filter { $0.group == group }.map(\.index)
    }

    /// The group of an instance's primary node (htools' `instancePriGroup`).
    public func primaryGroup(of instance: Instance) -> GroupIndex {
        nodes[instance.primary.value].group
    }
}
