/// One instance move kind (htools' `IMove`).
public enum InstanceMove: Equatable, Sendable {
    /// Swap primary and secondary (f).
    case failover
    /// Fail over to any node (shared storage).
    case failoverToAny(NodeIndex)
    /// New primary via the secondary (f, r:np, f).
    case replacePrimary(NodeIndex)
    /// New secondary (r:ns).
    case replaceSecondary(NodeIndex)
    /// New secondary then failover (r:np, f).
    case replaceAndFailover(NodeIndex)
    /// Failover then new secondary (f, r:ns).
    case failoverAndReplace(NodeIndex)
}

/// The outcome of applying a move: changed nodes, the moved instance and its new node pair.
public struct AppliedMove: Sendable {
    /// Changed nodes with their indices (at most three).
    public var changedNodes: [(NodeIndex, Node)]
    /// The instance with its new nodes.
    public var instance: Instance
    /// New primary.
    public var primary: NodeIndex
    /// New secondary (nil for single-homed instances).
    public var secondary: NodeIndex?
}
