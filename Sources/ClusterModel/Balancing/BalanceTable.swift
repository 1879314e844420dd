/// The balancer's state: the cluster, the nodes and instances under consideration, score and plan so far
/// (htools' `Table`, restricted to one node group).
public struct BalanceTable: Sendable {
    /// The whole cluster; only `memberNodes` and `memberInstances` take part.
    public var cluster: Cluster
    /// Nodes of the balanced group, in index order.
    public let memberNodes: [NodeIndex]
    /// Instances whose primary is in the group, in index order.
    public let memberInstances: [InstanceIndex]
    /// The current exact score.
    public var score: Double
    /// Steps taken so far, oldest first.
    public var placements: [BalancingStep]

    /// Creates the initial table for the given members.
    public init(cluster: Cluster, memberNodes: [NodeIndex], memberInstances: [InstanceIndex]) {
        self.cluster = cluster
        self.memberNodes = memberNodes
        self.memberInstances = memberInstances
        self.score = ClusterStatistics(nodes: memberNodes.map { cluster.nodes[$0.value] }).score
        self.placements = []
    }
}

/// Candidate move kinds for an instance and target (htools' `possibleMoves`).
public func possibleMoves(mirror: MirrorType, secondaryUsable: Bool, instanceMoves: Bool, diskMoves: Bool,
                          restrictedMigration: Bool, primaryOffline: Bool, target: NodeIndex) -> [InstanceMove] {
    switch mirror {
    case .none:
        return []
    case .external:
        return instanceMoves ? [.failoverToAny(target)] : []
    case .internal:
        if !diskMoves { return [] }
        if !instanceMoves { return [.replaceSecondary(target)] }
        if restrictedMigration && !primaryOffline { return [.replaceSecondary(target)] }
        if secondaryUsable {
            if !restrictedMigration {
                return [.replaceSecondary(target), .replaceAndFailover(target), .replacePrimary(target), .failoverAndReplace(target)]
            }
            return [.replaceSecondary(target), .replaceAndFailover(target), .failoverAndReplace(target)]
        }
        return [.replaceSecondary(target), .replaceAndFailover(target)]
    }
}
