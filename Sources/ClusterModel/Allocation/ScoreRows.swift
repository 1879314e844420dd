/// The score inputs of a node list, cached so that one node can be swapped and the total recomputed
/// from scratch cheaply, with exactly htools' full-recompute arithmetic (`compCV` of a changed list).
struct ScoreRows {
    /// Nodes in list order.
    let members: [NodeIndex]
    /// Position of each cluster node in `members`, or -1.
    let position: [Int]
    /// Per member, per component values (row-major).
    var values: [Double]
    /// Per member: whether the node is offline.
    let offline: [Bool]
    /// Per member: (location, exclusion) pair counts.
    let pairCounts: [[Int: Int]]
    private static let width = ScoreComponent.count
    private static let weights = ScoreComponent.allCases.map(\.weight)

    /// Caches the rows of `members` (all nodes when nil), in order.
    init(_ cluster: Cluster, members scope: [NodeIndex]?) {
        self.init(nodeCount: cluster.nodes.count, members: scope ?? cluster.nodes.map(\.index)) { cluster[node: $0] }
    }

    /// Caches the rows of `members`, reading node states through `node`.
    init(nodeCount: Int, members list: [NodeIndex], node: (NodeIndex) -> Node) {
        members = list
        var pos = [Int](repeating: -1, count: nodeCount)
        for (k, m) in list.enumerated() { pos[m.value] = k }
        position = pos
        var vals: [Double] = []
        vals.reserveCapacity(list.count * ScoreRows.width)
        var pairs: [[Int: Int]] = []
        var off: [Bool] = []
        for m in list {
            let n = node(m)
            let v = NodeScoreValues(n)
            vals.append(contentsOf: v.numbers)
            pairs.append(v.pairCounts)
            off.append(n.offline)
        }
        values = vals
        offline = off
        pairCounts = pairs
    }

    /// The full score with the member at `k` replaced by `row` (its offline flag unchanged).
    func score(replacing k: Int, with row: NodeScoreValues) -> Double {
        score(replacing: k, row, and: -1, row)
    }

    /// The full score with the members at `k` and `k2` replaced by `row` and `row2` (offline flags unchanged;
    /// a negative position replaces nothing).
    /// - Complexity: O(members × components)
    func score(replacing k: Int, _ row: NodeScoreValues, and k2: Int, _ row2: NodeScoreValues) -> Double {
        let w = ScoreRows.width
        let n = members.count
        var hasOnline = false
        for i in 0..<n where !offline[i] { hasOnline = true; break }
        guard hasOnline else { return 0 }
        var total = 0.0
        for c in ScoreComponent.allCases {
            let j = c.rawValue
            let wantOffline = !c.overOnlineNodes
            let value: Double
            switch c.aggregation {
            case .sum:
                var s = 0.0
                for i in 0..<n where offline[i] == wantOffline {
                    s = s + (i == k ? row.numbers[j] : i == k2 ? row2.numbers[j] : values[i * w + j])
                }
                value = s
            case .standardDeviation:
                var cnt = 0.0, s = 0.0
                for i in 0..<n where offline[i] == wantOffline {
                    cnt = cnt + 1
                    s = s + (i == k ? row.numbers[j] : i == k2 ? row2.numbers[j] : values[i * w + j])
                }
                let mean = s / cnt
                var nvar = 0.0
                for i in 0..<n where offline[i] == wantOffline {
                    let d = (i == k ? row.numbers[j] : i == k2 ? row2.numbers[j] : values[i * w + j]) - mean
                    nvar = nvar + d * d
                }
                value = (nvar / cnt).squareRoot()
            case .spread:
                value = spread(replacing: k, row.pairCounts, k2, row2.pairCounts)
            }
            total = total + ScoreRows.weights[j] * value
        }
        return total
    }

    private func spread(replacing k: Int, _ counts: [Int: Int], _ k2: Int, _ counts2: [Int: Int]) -> Double {
        var merged: [Int: Int] = [:]
        for i in members.indices where !offline[i] {
            for (key, v) in (i == k ? counts : i == k2 ? counts2 : pairCounts[i]) { merged[key, default: 0] &+= v }
        }
        var total = 0
        for (_, v) in merged { total &+= v }
        return Double(total &- merged.count)
    }
}
