extension Cluster {
    /// The nodes of one group and the instances whose primary is among them.
    public struct GroupSlice: Sendable {
        /// The group.
        public var group: GroupIndex
        /// Its nodes, in index order.
        public var nodes: [NodeIndex]
        /// Instances with their primary in the group, in index order.
        public var instances: [InstanceIndex]
    }

    /// Splits the cluster by node group, groups in index order, only groups with nodes (htools' `splitCluster`).
    public func splitByGroup() -> [GroupSlice] {
        var byGroup: [Int: [NodeIndex]] = [:]
        for n in nodes { byGroup[n.group.value, default: []].append(n.index) }
        return byGroup.keys.sorted().map { g in
            let members = byGroup[g] ?? []
            let set = Set(members)
            let insts = instances.filter { set.contains($0.primary) }.map(\.index)
            return GroupSlice(group: GroupIndex(g), nodes: members, instances: insts)
        }
    }

    /// Nodes failing N+1 among the online ones, and their instances sorted by index (htools' `computeBadItems`).
    public func badItems(among nodeIndices: [NodeIndex]) -> (nodes: [NodeIndex], instances: [InstanceIndex]) {
        let bad = nodeIndices.filter { !nodes[$0.value].offline && nodes[$0.value].failsN1 }
        var insts = Set<InstanceIndex>()
        for n in bad {
            insts.formUnion(nodes[n.value].secondaries)
            insts.formUnion(nodes[n.value].primaries)
        }
        return (bad, insts.sorted())
    }

    /// Whether the instance's primary and secondary are in different groups.
    public func isSplit(_ instance: Instance) -> Bool {
        guard let s = instance.secondary else { return false }
        return nodes[instance.primary.value].group != nodes[s.value].group
    }

    /// Instances whose nodes lie in different groups (htools' `findSplitInstances`).
    public func splitInstances() -> [InstanceIndex] {
        instances.filter(isSplit).map(\.index)
    }

    /// The cluster score over `nodeIndices` (all nodes when nil), htools' `compCV`.
    public func score(of nodeIndices: [NodeIndex]? = nil) -> Double {
        statistics(of: nodeIndices).score
    }

    /// Score statistics over `nodeIndices` (all nodes when nil).
    public func statistics(of nodeIndices: [NodeIndex]? = nil) -> ClusterStatistics {
        if let ns = nodeIndices { return ClusterStatistics(nodes: ns.map { nodes[$0.value] }) }
        return ClusterStatistics(nodes: nodes)
    }

    /// Every node's peer memory as one matrix, `[node * n + primary]`, for clusters of up to `limit` nodes
    /// (nil above).
    func densePeerMemory(limit: Int = 512) -> [Int]? {
        let n = nodes.count
        guard n <= limit else { return nil }
        var m = [Int](repeating: 0, count: n * n)
        for node in nodes {
            for e in node.peers.entries where e.node.value >= 0 && e.node.value < n {
                m[node.index.value * n + e.node.value] = e.memory
            }
        }
        return m
    }

    /// The longest common domain suffix of node and instance names.
    public var commonSuffix: String {
        longestCommonDomain(nodes.map(\.name) + instances.map(\.name))
    }
}
