/// A node group: name, UUID, allocation policy, networks, policy and tags.
public struct NodeGroup: Equatable, Sendable {
    /// Display name.
    public var name: String
    /// UUID (the key nodes refer to).
    public var uuid: String
    /// Position in the cluster's group array.
    public var index: GroupIndex
    /// Allocation policy.
    public var allocPolicy: AllocPolicy
    /// Connected network UUIDs.
    public var networks: [String]
    /// Instance policy of the group.
    public var policy: InstancePolicy
    /// Group tags.
    public var tags: [String]

    /// Creates a group with htools' default policy.
    public init(name: String, uuid: String, index: GroupIndex = GroupIndex(-1), allocPolicy: AllocPolicy,
                networks: [String], policy: InstancePolicy = .htoolsDefault, tags: [String]) {
        self.name = name; self.uuid = uuid; self.index = index; self.allocPolicy = allocPolicy
        self.networks = networks; self.policy = policy; self.tags = tags
    }
}
