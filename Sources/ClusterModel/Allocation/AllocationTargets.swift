/// Where a new instance may go: single nodes, or primaries each with their candidate secondaries (htools' `AllocNodes`).
public enum AllocationTargets: Equatable, Sendable {
    /// Candidate nodes for single-node templates (htools' `Left`).
    case singles([NodeIndex])
    /// Candidate primaries, each with the secondaries of its group (htools' `Right`).
    case pairs([NodePairs])

    /// Haskell's `show` of the value (`Left [0,1]`, `Right [(0,[1])]`), for hspace's debug output.
    public var haskellDescription: String {
        switch self {
        case .singles(let ns):
            return "Left [" + ns.map { String($0.value) }.joined(separator: ",") + "]"
        case .pairs(let ps):
            return "Right [" + ps.map { p in
                "(\(p.primary.value),[" + p.secondaries.map { String($0.value) }.joined(separator: ",") + "])"
            }.joined(separator: ",") + "]"
        }
    }
}

/// One primary candidate and the secondaries that may pair with it.
public struct NodePairs: Equatable, Sendable {
    /// The primary node.
    public var primary: NodeIndex
    /// Secondary candidates, in node order.
    public var secondaries: [NodeIndex]
    /// Creates a pair list entry.
    public init(primary: NodeIndex, secondaries: [NodeIndex]) { self.primary = primary; self.secondaries = secondaries }
}

/// An allocation request that cannot be evaluated at all (htools' `Bad` results of the allocation functions).
public struct AllocationError: Error, Equatable, Sendable {
    /// htools' message, e.g. `No online nodes`.
    public var message: String
    /// Whether htools fails here with a runtime exception (e.g. `divide by zero`) rather than an error result.
    public var uncaught: Bool
    /// Creates an error with htools' wording.
    public init(_ message: String, uncaught: Bool = false) { self.message = message; self.uncaught = uncaught }
}

extension AllocationTargets {
    /// The valid targets for an instance needing `requiredNodes` nodes (htools' `genAllocNodes`).
    ///
    /// - Parameters:
    ///   - nodes: the node list to consider (htools' `nl`), in index order; nil for all nodes.
    ///   - groups: the groups, whose allocation policies decide `dropUnallocable`.
    ///   - dropUnallocable: leave out nodes of unallocable groups.
    /// - Complexity: O(n²) for pairs.
    public static func generate(in cluster: Cluster, nodes: [NodeIndex]? = nil, groups: [NodeGroup],
                                requiredNodes: Int, dropUnallocable: Bool,
                                options: AllocationOptions) -> Result<AllocationTargets, AllocationError> {
        let all = nodes ?? cluster.nodes.map(\.index)
        var candidates = all.filter { !cluster[node: $0].offline }
        if dropUnallocable {
            candidates = candidates.filter { groups[cluster[node: $0].group.value].allocPolicy.isAllocable }
        }
        if let allowed = options.restrictToNodes {
            candidates = candidates.filter { allowed.contains(cluster[node: $0].name) }
        }
        switch requiredNodes {
        case 1:
            return .success(.singles(candidates))
        case 2:
            var pairs: [NodePairs] = []
            for p in candidates {
                let g = cluster[node: p].group
                let ss = candidates.filter { $0 != p && cluster[node: $0].group == g }
                if !ss.isEmpty { pairs.append(NodePairs(primary: p, secondaries: ss)) }
            }
            return .success(.pairs(pairs))
        default:
            return .failure(AllocationError("Unsupported number of nodes, only one or two  supported"))
        }
    }
}
