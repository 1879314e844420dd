/// The outcome of a node evacuation or group change (htools' `EvacSolution`), in request order.
public struct EvacuationSolution: Equatable, Sendable {
    /// An instance that was moved: its new primary group and its nodes (primary first).
    public struct Moved: Equatable, Sendable {
        /// The moved instance.
        public var instance: InstanceIndex
        /// The group of its new primary.
        public var group: GroupIndex
        /// Its new nodes, primary first.
        public var nodes: [NodeIndex]
    }

    /// An instance that could not be moved, with the reason.
    public struct Failed: Equatable, Sendable {
        /// The instance.
        public var instance: InstanceIndex
        /// Why it failed, in htools' words.
        public var reason: String
    }

    /// Instances moved successfully.
    public var moved: [Moved] = []
    /// Instances that could not be moved.
    public var failed: [Failed] = []
    /// One job (list of opcodes) per moved instance.
    public var jobs: [[JobOperation]] = []

    /// An empty solution.
    public init() {}
}

/// A cluster state after evacuating instances, with the solution that led to it.
public struct EvacuationResult: Sendable {
    /// The cluster after all successful moves.
    public var cluster: Cluster
    /// What was moved and what failed.
    public var solution: EvacuationSolution
    /// Set when htools would have aborted on a missing node index (see `EvacuationFailure.missingNode`).
    public var missingNodeKey: Int? = nil
}
