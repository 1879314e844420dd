/// Allocation policy of a node group.
public enum AllocPolicy: String, CaseIterable, Sendable {
    case preferred
    case lastResort = "last_resort"
    case unallocable

    /// Whether new instances may be placed in the group.
    public var isAllocable: Bool { self != .unallocable }
}
