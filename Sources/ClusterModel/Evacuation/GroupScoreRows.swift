/// The score inputs of one group's nodes, cached so candidate moves can be scored by htools'
/// full recompute (`compCVNodes`) with a few nodes swapped, without rebuilding the node list.
///
/// The arithmetic is `ClusterStatistics(nodes:)` operation by operation, so scores and therefore
/// tie-breaks between candidates are identical to a from-scratch computation.
struct GroupScoreRows {
    /// Group members in index order.
    let members: [NodeIndex]
    /// Position of each cluster node among `members`, or -1.
    let position: [Int]
    /// Per member, per component values (row-major).
    private(set) var values: [Double]
    /// Per member: whether the node is offline.
    let offline: [Bool]
    /// Per member: (location, exclusion) pair counts.
    private(set) var pairCounts: [[Int: Int]]
    private static let width = ScoreComponent.count

    /// Caches the rows of the nodes of `group`.
    /// - Complexity: O(n) for n cluster nodes.
    init(_ cluster: Cluster, group: GroupIndex) {
        members = cluster.nodes(inGroup: group)
        var pos = [Int](repeating: -1, count: cluster.nodes.count)
        for (k, m) in members.enumerated() { pos[m.value] = k }
        position = pos
        var vals: [Double] = []
        var pairs: [[Int: Int]] = []
        for m in members {
            let v = NodeScoreValues(cluster.nodes[m.value])
            vals.append(contentsOf: v.numbers)
            pairs.append(v.pairCounts)
        }
        values = vals
        pairCounts = pairs
        offline = members.map { cluster.nodes[$0.value].offline }
    }

    /// The group score with the given nodes' current states substituted (nodes outside the group are ignored).
    ///
    /// The rows are patched in place for the computation and restored afterwards.
    /// - Complexity: O(members × components)
    mutating func score(with changed: [Node]) -> Double {
        let w = GroupScoreRows.width
        var saved: [(position: Int, numbers: ArraySlice<Double>, pairs: [Int: Int])] = []
        for n in changed where n.index.value < position.count {
            let k = position[n.index.value]
            guard k >= 0 else { continue }
            let row = NodeScoreValues(n)
            saved.append((k, values[(k * w)..<(k * w + w)], pairCounts[k]))
            values.replaceSubrange((k * w)..<(k * w + w), with: row.numbers)
            pairCounts[k] = row.pairCounts
        }
        let total = fullScore()
        for entry in saved.reversed() {
            values.replaceSubrange((entry.position * w)..<(entry.position * w + w), with: entry.numbers)
            pairCounts[entry.position] = entry.pairs
        }
        return total
    }

    /// `ClusterStatistics(nodes:).score` over the cached rows.
    private func fullScore() -> Double {
        let w = GroupScoreRows.width
        let n = members.count
        guard offline.contains(false) else { return 0 }
        var total = 0.0
        values.withUnsafeBufferPointer { vals in
            for c in ScoreComponent.ordered {
                let j = c.rawValue
                let wantOffline = !c.overOnlineNodes
                let v: Double
                switch c.aggregation {
                case .sum:
                    var s = 0.0
                    for i in 0..<n where offline[i] == wantOffline { s = s + vals[i * w + j] }
                    v = s
                case .standardDeviation:
                    var count = 0.0, s = 0.0
                    for i in 0..<n where offline[i] == wantOffline { count = count + 1; s = s + vals[i * w + j] }
                    let mean = s / count
                    var nvar = 0.0
                    for i in 0..<n where offline[i] == wantOffline { let d = vals[i * w + j] - mean; nvar = nvar + d * d }
                    v = (nvar / count).squareRoot()
                case .spread:
                    var merged: [Int: Int] = [:]
                    for i in 0..<n where offline[i] == wantOffline {
                        for (key, cnt) in pairCounts[i] { merged[key, default: 0] &+= cnt }
                    }
                    var sum = 0
                    for (_, cnt) in merged { sum &+= cnt }
                    v = Double(sum &- merged.count)
                }
                total = total + c.weight * v
            }
        }
        return total
    }
}
