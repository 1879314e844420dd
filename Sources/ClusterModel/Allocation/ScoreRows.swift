/// The score inputs of a node list, cached so that one or two nodes can be swapped and the total recomputed
/// from scratch cheaply, with exactly htools' full-recompute arithmetic (`compCV` of a changed list).
struct ScoreRows {
    /// Nodes in list order.
    let members: [NodeIndex]
    /// Position of each cluster node in `members`, or -1.
    let position: [Int]
    /// Per member, per component values (row-major).
    private(set) var values: [Double]
    /// Per member: whether the node is offline.
    let offline: [Bool]
    /// Per member: (location, exclusion) pair counts.
    private(set) var pairCounts: [[Int: Int]]
    /// Whether no member has any pair counts (the spread component is then zero without a merge).
    private var pairsEmpty: Bool
    private let hasOnline: Bool
    /// Per component over its members: sum, sum of squares, sum of magnitudes (4 × width, the last block counts).
    private var aggregates: [Double] = []
    static let width = ScoreComponent.count
    private static let weights = ScoreComponent.allCases.map(\.weight)

    /// A replacement row: component values and, when they differ from the member's, pair counts.
    struct Row {
        var numbers: [Double]
        var pairs: [Int: Int]?
        init(numbers: [Double], pairs: [Int: Int]?) { self.numbers = numbers; self.pairs = pairs }
        init(_ v: NodeScoreValues) { numbers = v.numbers; pairs = v.pairCounts }
    }

    /// Caches the rows of `members` (all nodes when nil), in order.
    init(_ cluster: Cluster, members scope: [NodeIndex]?) {
        self.init(nodeCount: cluster.nodes.count, members: scope ?? cluster.nodes.map(\.index)) { cluster[node: $0] }
    }

    /// Caches the rows of `members`, reading node states through `node`.
    init(nodeCount: Int, members list: [NodeIndex], node: (NodeIndex) -> Node) {
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
        self.init(nodeCount: nodeCount, members: list, values: vals, offline: off, pairCounts: pairs)
    }

    /// Caches the rows of `members` from plain-value node copies (`lean[i]` describes `cluster.nodes[i]`).
    init(_ cluster: Cluster, lean: [LeanNode], members list: [NodeIndex]) {
        let w = ScoreRows.width
        var vals = [Double](repeating: 0, count: list.count * w)
        var pairs: [[Int: Int]] = []
        var off: [Bool] = []
        pairs.reserveCapacity(list.count)
        off.reserveCapacity(list.count)
        vals.withUnsafeMutableBufferPointer { buf in
            for (k, m) in list.enumerated() {
                let node = lean[m.value]
                node.writeScoreRow(buf.baseAddress! + k * w, conflicts: node.baseConflicts)
                pairs.append(node.hasLocationTags ? cluster.nodes[m.value].locationExclusionCounts : [:])
                off.append(node.offline)
            }
        }
        self.init(nodeCount: cluster.nodes.count, members: list, values: vals, offline: off, pairCounts: pairs)
    }

    private init(nodeCount: Int, members list: [NodeIndex], values vals: [Double], offline off: [Bool],
                 pairCounts pairs: [[Int: Int]]) {
        members = list
        var pos = [Int](repeating: -1, count: nodeCount)
        for (k, m) in list.enumerated() { pos[m.value] = k }
        position = pos
        values = vals
        offline = off
        pairCounts = pairs
        pairsEmpty = pairs.allSatisfy(\.isEmpty)
        hasOnline = off.contains(false)
        computeAggregates()
    }

    /// The full score with the member at `k` replaced by the values at `row` (pair counts and offline flag
    /// unchanged).
    func score(replacing k: Int, values row: UnsafePointer<Double>) -> Double {
        score(k, row, nil, -1, row, nil)
    }

    /// Replaces the cached row of `node` (ignored when it is not a member).
    mutating func update(_ node: Node) {
        let k = position[node.index.value]
        guard k >= 0 else { return }
        let v = NodeScoreValues(node)
        let w = ScoreRows.width
        let online = ComponentTables.shared.online
        for c in 0..<w where offline[k] != online[c] {
            let old = values[k * w + c], new = v.numbers[c]
            aggregates[c] += new - old
            aggregates[w + c] += new * new - old * old
            aggregates[2 * w + c] += abs(new)
        }
        values.replaceSubrange(k * w..<(k + 1) * w, with: v.numbers)
        pairCounts[k] = v.pairCounts
        if !v.pairCounts.isEmpty { pairsEmpty = false }
    }

    private mutating func computeAggregates() {
        let w = ScoreRows.width
        let online = ComponentTables.shared.online
        var a = [Double](repeating: 0, count: 4 * w)
        for k in members.indices {
            for c in 0..<w where offline[k] != online[c] {
                let v = values[k * w + c]
                a[c] += v; a[w + c] += v * v; a[2 * w + c] += abs(v); a[3 * w + c] += 1
            }
        }
        aggregates = a
    }

    /// Bounds on `score(replacing: k, values: row)` (the member's pair counts unchanged), from running sums.
    func bounds(replacing k: Int, values row: UnsafePointer<Double>) -> (low: Double, high: Double) {
        guard hasOnline else { return (0, 0) }
        let w = ScoreRows.width
        let t = ComponentTables.shared
        var low = 0.0, high = 0.0, magnitude = 0.0
        for c in 0..<w {
            let part: (low: Double, high: Double)
            if t.aggregation[c] == .spread {
                let v = spread(replacing: -1, nil, -1, nil)
                part = (v, v)
            } else {
                var s = aggregates[c], q = aggregates[w + c], m = aggregates[2 * w + c]
                if offline[k] != t.online[c] {
                    let old = values[k * w + c], new = row[c]
                    s += new - old; q += new * new - old * old; m += abs(new)
                }
                part = ScoreBounds.part(t.aggregation[c], sum: s, squares: q, magnitude: m, count: aggregates[3 * w + c])
            }
            let wt = t.weightList[c]
            low += wt * part.low; high += wt * part.high
            magnitude += max(abs(wt * part.low), abs(wt * part.high))
        }
        return ScoreBounds.total(low: low, high: high, magnitude: magnitude)
    }

    /// The full score with the member at `k` replaced by `row` (its offline flag unchanged).
    func score(replacing k: Int, with row: NodeScoreValues) -> Double {
        score(replacing: k, Row(row), and: -1, nil)
    }

    /// The full score with the members at `k` and `k2` replaced (offline flags unchanged; a negative
    /// position replaces nothing).
    /// - Complexity: O(members × components)
    func score(replacing k: Int, _ row: Row, and k2: Int, _ row2: Row?) -> Double {
        let r2 = row2?.numbers ?? row.numbers
        return row.numbers.withUnsafeBufferPointer { r in
            r2.withUnsafeBufferPointer { rr in
                score(k, r.baseAddress!, row.pairs, k2, rr.baseAddress!, row2?.pairs)
            }
        }
    }

    private func score(_ k: Int, _ r: UnsafePointer<Double>, _ pairs: [Int: Int]?,
                       _ k2: Int, _ rr: UnsafePointer<Double>, _ pairs2: [Int: Int]?) -> Double {
        let w = ScoreRows.width
        let n = members.count
        guard hasOnline else { return 0 }
        var total = 0.0
        values.withUnsafeBufferPointer { vals in
            offline.withUnsafeBufferPointer { offline in
                @inline(__always) func value(_ i: Int, _ j: Int) -> Double {
                    i == k ? r[j] : i == k2 ? rr[j] : vals[i * w + j]
                }
                for c in ScoreComponent.ordered {
                    let j = c.rawValue
                    let wantOffline = !c.overOnlineNodes
                    let result: Double
                    switch c.aggregation {
                    case .sum:
                        var s = 0.0
                        for i in 0..<n where offline[i] == wantOffline { s = s + value(i, j) }
                        result = s
                    case .standardDeviation:
                        var cnt = 0.0, s = 0.0
                        for i in 0..<n where offline[i] == wantOffline {
                            cnt = cnt + 1
                            s = s + value(i, j)
                        }
                        let mean = s / cnt
                        var nvar = 0.0
                        for i in 0..<n where offline[i] == wantOffline {
                            let d = value(i, j) - mean
                            nvar = nvar + d * d
                        }
                        result = (nvar / cnt).squareRoot()
                    case .spread:
                        result = spread(replacing: k, pairs, k2, pairs2)
                    }
                    total = total + ScoreRows.weights[j] * result
                }
            }
        }
        return total
    }

    private func spread(replacing k: Int, _ counts: [Int: Int]?, _ k2: Int, _ counts2: [Int: Int]?) -> Double {
        if pairsEmpty && (counts?.isEmpty ?? true) && (counts2?.isEmpty ?? true) { return 0 }
        var merged: [Int: Int] = [:]
        for i in members.indices where !offline[i] {
            let m = i == k ? (counts ?? pairCounts[i]) : i == k2 ? (counts2 ?? pairCounts[i]) : pairCounts[i]
            for (key, v) in m { merged[key, default: 0] &+= v }
        }
        var total = 0
        for (_, v) in merged { total &+= v }
        return Double(total &- merged.count)
    }
}
