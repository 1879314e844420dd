/// A whole cluster snapshot: groups, nodes, instances, cluster tags and policy (htools' `ClusterData`).
public struct Cluster: Equatable, Sendable {
    /// Node groups, by `GroupIndex`.
    public var groups: [NodeGroup]
    /// Nodes, by `NodeIndex`.
    public var nodes: [Node]
    /// Instances, by `InstanceIndex`.
    public var instances: [Instance]
    /// Cluster tags in file order.
    public var tags: [String]
    /// Cluster-level instance policy.
    public var policy: InstancePolicy
    /// Interned tag strings referenced by nodes and instances.
    public var symbols: SymbolTable

    /// Creates a cluster from its parts.
    public init(groups: [NodeGroup], nodes: [Node], instances: [Instance], tags: [String],
                policy: InstancePolicy, symbols: SymbolTable = SymbolTable()) {
        self.groups = groups; self.nodes = nodes; self.instances = instances
        self.tags = tags; self.policy = policy; self.symbols = symbols
    }

    /// The node at `index`.
    public subscript(node index: NodeIndex) -> Node {
        get { nodes[index.value] }
        set { nodes[index.value] = newValue }
    }

    /// The instance at `index`.
    public subscript(instance index: InstanceIndex) -> Instance {
        get { instances[index.value] }
        set { instances[index.value] = newValue }
    }
}
