import ClusterModel

/// Picks the node group hbal balances (htools' `selectGroup`); exits with htools' messages on error.
public enum GroupSelection {
    /// The chosen group name and its nodes and instances.
    public static func select(_ cluster: Cluster, requested: String?) -> (name: String, nodes: [NodeIndex], instances: [InstanceIndex]) {
        let slices = cluster.splitByGroup()
        if slices.count > 1 && requested == nil {
            Console.errLine("Found multiple node groups:")
            for s in slices { Console.errLine("  " + cluster.groups[s.group.value].name) }
            Console.fail("Aborting.")
        }
        guard let wanted = requested else {
            guard let first = slices.first else { Console.fail("No groups found by splitCluster?!") }
            return (cluster.groups[first.group.value].name, first.nodes, first.instances)
        }
        let matches = cluster.groups.filter { $0.name == wanted || $0.uuid == wanted }
        guard matches.count == 1, let group = matches.first else {
            Console.errLine("Node group \(wanted) not found. Node group list is:")
            for g in cluster.groups { Console.errLine("  " + g.name) }
            Console.fail("Aborting.")
        }
        guard let slice = slices.first(where: { $0.group == group.index }) else { return (group.name, [], []) }
        return (group.name, slice.nodes, slice.instances)
    }
}
