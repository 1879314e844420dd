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
    let kinds = MoveKinds(mirror: mirror, secondaryUsable: secondaryUsable, instanceMoves: instanceMoves,
                          diskMoves: diskMoves, restrictedMigration: restrictedMigration, primaryOffline: primaryOffline,
                          target: target)
    return (0..<kinds.count).map { kinds[$0] }
}
