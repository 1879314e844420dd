/// An undirected graph over a contiguous range of node indices, as hroller builds it to find
/// nodes that must not reboot together (htools' `Data.Graph` value from `mkNodeGraph`).
///
/// Every index between the smallest and largest candidate node is a vertex, even when that node
/// is no candidate itself; only candidates have edges. Adjacency lists keep `Data.Graph.buildG`'s
/// order (edges of a vertex newest first) and multiplicity, so degrees and the printed graph match.
public struct NodeGraph: Equatable, Sendable {
    /// The smallest vertex.
    public let lowerBound: Int
    /// The largest vertex.
    public let upperBound: Int
    /// Neighbours of each vertex, indexed by `vertex - lowerBound`.
    public let adjacency: [[Int]]

    /// Builds the graph of `edges` over `lowerBound...upperBound` (`buildG`); edges must lie in range.
    public init(lowerBound: Int, upperBound: Int, edges: [(Int, Int)]) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        var lists = [[Int]](repeating: [], count: max(0, upperBound - lowerBound + 1))
        for (from, to) in edges { lists[from - lowerBound].append(to) }
        adjacency = lists.map { Array($0.reversed()) }
    }

    /// All vertices in ascending order.
    public var vertices: [Int] { Array(lowerBound...upperBound) }

    /// The neighbours of `vertex`, with repetitions.
    public func neighbours(_ vertex: Int) -> [Int] { adjacency[vertex - lowerBound] }

    /// The number of edge ends at `vertex` (htools' out-degree, loops and duplicates included).
    public func degree(_ vertex: Int) -> Int { adjacency[vertex - lowerBound].count }
}

extension NodeGraph {
    /// The graph for offline maintenance: an edge between the two nodes of each DRBD instance,
    /// restricted to `candidates` (htools' `mkNodeGraph`); nil when there are no candidates.
    public static func offlineMaintenance(_ cluster: Cluster, candidates: [NodeIndex]) -> NodeGraph? {
        make(candidates: candidates, edges: instanceEdges(cluster))
    }

    /// The graph for live reboots: also joins the primaries of instances sharing a secondary node,
    /// looking at all nodes (htools' `mkRebootNodeGraph`); nil when there are no candidates.
    public static func rollingReboot(_ cluster: Cluster, candidates: [NodeIndex]) -> NodeGraph? {
        let direct = instanceEdges(cluster)
        var seen = Set<Edge>()
        for (a, b) in direct { seen.insert(Edge(a, b)) }
        var shared: [(Int, Int)] = []
        for node in cluster.nodes {
            let primaries = node.secondaries.reversed().compactMap { i -> Int? in
                guard cluster.instances.indices.contains(i.value) else { return nil }
                return cluster.instances[i.value].primary.value
            }
            for a in primaries {
                for b in primaries where seen.insert(Edge(a, b)).inserted {
                    shared.append((a, b))
                }
            }
        }
        return make(candidates: candidates, edges: direct + shared)
    }

    /// Both directions of the primary–secondary edge of every DRBD instance, in instance order.
    static func instanceEdges(_ cluster: Cluster) -> [(Int, Int)] {
        var edges: [(Int, Int)] = []
        for inst in cluster.instances where inst.hasSecondary {
            let p = inst.primary.value, s = inst.secondary?.value ?? -1
            edges.append((p, s))
            edges.append((s, p))
        }
        return edges
    }

    private static func make(candidates: [NodeIndex], edges: [(Int, Int)]) -> NodeGraph? {
        guard let low = candidates.min()?.value, let high = candidates.max()?.value else { return nil }
        let members = Set(candidates.map(\.value))
        let valid = edges.filter { members.contains($0.0) && members.contains($0.1) }
        return NodeGraph(lowerBound: low, upperBound: high, edges: valid)
    }

    private struct Edge: Hashable {
        let from: Int, to: Int
        init(_ from: Int, _ to: Int) { self.from = from; self.to = to }
    }
}
