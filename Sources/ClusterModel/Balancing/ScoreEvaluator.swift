/// Scores candidate moves against a fixed base node set.
///
/// htools 3.0 recomputes the whole score for every candidate, so its floats depend on summation
/// order. This evaluator keeps htools' exact arithmetic for the result but avoids most of the work:
/// a cheap lower bound from running sums rejects candidates that cannot beat the best so far, and
/// only the survivors get the exact, in-order recomputation.
public struct ScoreEvaluator: Sendable {
    /// Nodes in scoring order (the table's nodes by index).
    public let members: [NodeIndex]
    /// Position of each node index in `members`, or -1.
    let position: [Int]
    /// Per member, per component values (row-major, `ScoreComponent.count` per row).
    var values: [Double]
    /// Per member: offline flag.
    let offline: [Bool]
    /// Per member: (location, exclusion) pair counts.
    var pairCounts: [[Int: Int]]
    /// Merged pair counts over online members.
    var mergedPairs: [Int: Int]
    /// Running sums per component over its node set.
    var sums: [Double]
    /// Running sums of squares per component.
    var squares: [Double]
    /// Node count per component's node set.
    let counts: [Double]
    /// The exact base score.
    public private(set) var baseScore: Double
    private static let width = ScoreComponent.count

    /// Builds the evaluator for `members` (in index order) of `nodes`.
    public init(nodes: [Node], members: [NodeIndex]) {
        self.members = members
        var pos = [Int](repeating: -1, count: nodes.count)
        for (k, m) in members.enumerated() { pos[m.value] = k }
        position = pos
        let w = ScoreEvaluator.width
        var vals = [Double](repeating: 0, count: members.count * w)
        var off = [Bool](repeating: false, count: members.count)
        var pairs: [[Int: Int]] = []
        pairs.reserveCapacity(members.count)
        for (k, m) in members.enumerated() {
            let v = NodeScoreValues(nodes[m.value])
            for c in 0..<w { vals[k * w + c] = v.numbers[c] }
            off[k] = nodes[m.value].offline
            pairs.append(v.pairCounts)
        }
        values = vals
        offline = off
        pairCounts = pairs
        var cnt = [Double](repeating: 0, count: w)
        let onlineCount = Double(off.filter { !$0 }.count)
        let offlineCount = Double(off.count) - onlineCount
        for c in ScoreComponent.allCases { cnt[c.rawValue] = c.overOnlineNodes ? onlineCount : offlineCount }
        counts = cnt
        sums = []; squares = []; mergedPairs = [:]; baseScore = 0
        recomputeAggregates()
    }

    private mutating func recomputeAggregates() {
        let w = ScoreEvaluator.width
        var s = [Double](repeating: 0, count: w), q = s
        var merged: [Int: Int] = [:]
        for k in 0..<members.count {
            for c in ScoreComponent.allCases where c.overOnlineNodes != offline[k] {
                let x = values[k * w + c.rawValue]
                s[c.rawValue] += x; q[c.rawValue] += x * x
            }
            if !offline[k] { for (key, v) in pairCounts[k] { merged[key, default: 0] &+= v } }
        }
        sums = s; squares = q; mergedPairs = merged
        baseScore = exactScore(changes: [])
    }

    /// Replaces the stored values of changed nodes (after a step is taken).
    public mutating func commit(_ nodes: [(NodeIndex, Node)]) {
        let w = ScoreEvaluator.width
        for (i, n) in nodes {
            let k = position[i.value]
            guard k >= 0 else { continue }
            let v = NodeScoreValues(n)
            for c in 0..<w { values[k * w + c] = v.numbers[c] }
            pairCounts[k] = v.pairCounts
        }
        recomputeAggregates()
    }

    /// A changed node's new values, by member position.
    public struct Change {
        let position: Int
        let values: NodeScoreValues
    }

    /// Prepares the changes of a candidate (nodes outside the member set are ignored).
    public func changes(_ nodes: [(NodeIndex, Node)]) -> [Change] {
        var out: [Change] = []
        out.reserveCapacity(nodes.count)
        for (i, n) in nodes {
            let k = position[i.value]
            if k < 0 { continue }
            if let e = out.firstIndex(where: { $0.position == k }) { out.remove(at: e) }
            out.append(Change(position: k, values: NodeScoreValues(n)))
        }
        return out
    }

    /// A value no larger than the exact score of the candidate.
    public func lowerBound(_ changes: [Change]) -> Double {
        let w = ScoreEvaluator.width
        var total = 0.0
        for c in ScoreComponent.allCases {
            let k = c.rawValue
            var s = sums[k], q = squares[k], mag = abs(sums[k]) + q
            for ch in changes where c.overOnlineNodes != offline[ch.position] {
                let old = values[ch.position * w + k], new = ch.values.numbers[k]
                s += new - old
                q += new * new - old * old
                mag += abs(new) + new * new
            }
            let part: Double
            switch c.aggregation {
            case .sum:
                part = s - 1e-9 * (1 + mag)
            case .standardDeviation:
                let n = counts[k]
                if n == 0 { part = 0; break }
                if !s.isFinite || !q.isFinite { return -Double.infinity }
                let mean = s / n
                let variance = q / n - mean * mean
                let err = 1e-10 * (abs(q) / n + mean * mean + mag / n) + 1e-300
                part = max(0, variance - err).squareRoot()
            case .spread:
                part = Double(spreadValue(changes)) - 0.5
            }
            total += c.weight * part
        }
        return total.isNaN ? -Double.infinity : total
    }

    private func spreadValue(_ changes: [Change]) -> Int {
        var touched: [Int: Int] = [:]
        var any = false
        for ch in changes where !offline[ch.position] {
            for (key, v) in pairCounts[ch.position] { touched[key, default: 0] &-= v; any = true }
            for (key, v) in ch.values.pairCounts { touched[key, default: 0] &+= v; any = true }
        }
        var total = 0, size = 0
        for (_, v) in mergedPairs { total &+= v; size += 1 }
        if !any { return total &- size }
        for (key, delta) in touched {
            let before = mergedPairs[key] ?? 0
            let after = before &+ delta
            total &+= delta
            if before > 0 { size -= 1 }
            if after > 0 { size += 1 }
        }
        return total &- size
    }

    /// The exact score with `changes` applied, summed in htools' order.
    public func exactScore(changes: [Change]) -> Double {
        let w = ScoreEvaluator.width
        let n = members.count
        @inline(__always) func value(_ k: Int, _ c: Int) -> Double {
            for ch in changes where ch.position == k { return ch.values.numbers[c] }
            return values[k * w + c]
        }
        var anyOnline = false
        for k in 0..<n where !offline[k] { anyOnline = true; break }
        if !anyOnline { return 0 }
        var total = 0.0
        for c in ScoreComponent.allCases {
            let ci = c.rawValue
            let wantOffline = !c.overOnlineNodes
            let v: Double
            switch c.aggregation {
            case .sum:
                var s = 0.0
                for k in 0..<n where offline[k] == wantOffline { s = s + value(k, ci) }
                v = s
            case .standardDeviation:
                var cnt = 0.0, s = 0.0
                for k in 0..<n where offline[k] == wantOffline { cnt = cnt + 1; s = s + value(k, ci) }
                let mean = s / cnt
                var nvar = 0.0
                for k in 0..<n where offline[k] == wantOffline { let d = value(k, ci) - mean; nvar = nvar + d * d }
                v = (nvar / cnt).squareRoot()
            case .spread:
                v = Double(spreadValue(changes))
            }
            total = total + c.weight * v
        }
        return total
    }
}
