/// Balancing the whole cluster as hsqueeze does after taking nodes offline or online: every node and
/// instance takes part, and steps continue while the score improves at all (htools' `Hsqueeze.balance`).
public enum SqueezeBalancing {
    /// One balancing step with the instance as it was before the step.
    public struct Step: Sendable {
        /// The instance before it moved.
        public var before: Instance
        /// The step taken.
        public var step: BalancingStep
    }

    /// Balances `cluster` to a fixpoint; returns the final cluster and the steps, oldest first.
    public static func balance(_ cluster: Cluster, threads: Int = 1) -> (cluster: Cluster, steps: [Step]) {
        var options = BalanceOptions()
        options.minGain = 0
        options.minGainLimit = 0
        options.threads = threads
        var table = BalanceTable(cluster: cluster, memberNodes: cluster.nodes.map(\.index),
                                 memberInstances: cluster.instances.map(\.index))
        guard !table.memberInstances.isEmpty else { return (cluster, []) }
        var balancer = Balancer(table: table, options: options)
        var steps: [Step] = []
        while let before = balancer.advance(&table) {
            guard let last = table.placements.last else { break }
            steps.append(Step(before: before, step: last))
        }
        return (table.cluster, steps)
    }

    /// `cluster` with the given nodes marked offline (or online), then balanced (htools' `onlineOfflineNodes`).
    public static func settingOffline(_ offline: Bool, _ nodes: [NodeIndex], in cluster: Cluster,
                                      threads: Int = 1) -> (cluster: Cluster, steps: [Step]) {
        var changed = cluster
        for n in nodes where changed.nodes.indices.contains(n.value) { changed.nodes[n.value].offline = offline }
        return balance(changed, threads: threads)
    }
}
