/// Running aggregates of every score component, updatable one node at a time (htools' `Statistics` list).
///
/// Arithmetic follows htools operation by operation so printed scores and tie-breaks agree.
public struct ClusterStatistics: Sendable {
    /// Whether any online node exists; without one htools has no statistics at all (score 0).
    public private(set) var hasOnlineNodes: Bool
    /// Count of aggregated values per component (standard deviation only).
    public private(set) var counts: [Double]
    /// Running sums per component.
    public private(set) var sums: [Double]
    /// Running variances per component (standard deviation only).
    public private(set) var variances: [Double]
    /// Merged (location, exclusion) pair counts.
    public private(set) var pairCounts: [Int: Int]

    /// Computes the statistics of `nodes` from scratch (htools' `compClusterStatistics`).
    public init<C: Collection>(nodes: C) where C.Element == Node {
        let all = nodes.map { ($0.offline, NodeScoreValues($0)) }
        let online = all.filter { !$0.0 }.map(\.1)
        let offline = all.filter { $0.0 }.map(\.1)
        hasOnlineNodes = !online.isEmpty
        counts = [Double](repeating: 0, count: ScoreComponent.count)
        sums = counts
        variances = counts
        pairCounts = [:]
        for c in ScoreComponent.ordered {
            let values = c.overOnlineNodes ? online : offline
            let k = c.rawValue
            switch c.aggregation {
            case .sum:
                var s = 0.0
                for v in values { s = s + v.numbers[k] }
                sums[k] = s
            case .standardDeviation:
                var n = 0.0, s = 0.0
                for v in values { n = n + 1; s = s + v.numbers[k] }
                let mean = s / n
                var nvar = 0.0
                for v in values { let d = v.numbers[k] - mean; nvar = nvar + d * d }
                counts[k] = n; sums[k] = s; variances[k] = nvar / n
            case .spread:
                var m: [Int: Int] = [:]
                for v in values { for (key, cnt) in v.pairCounts { m[key, default: 0] &+= cnt } }
                pairCounts = m
            }
        }
    }

    /// The value of one component (htools' `getStatisticValue`).
    public func value(of c: ScoreComponent) -> Double {
        let k = c.rawValue
        switch c.aggregation {
        case .sum: return sums[k]
        case .standardDeviation: return variances[k].squareRoot()
        case .spread:
            var total = 0
            for (_, v) in pairCounts { total &+= v }
            return Double(total &- pairCounts.count)
        }
    }

    /// Component values in htools' order; empty when there is no online node.
    public var componentValues: [Double] {
        hasOnlineNodes ? ScoreComponent.ordered.map { value(of: $0) } : []
    }

    /// The weighted total: the cluster score.
    public var score: Double {
        guard hasOnlineNodes else { return 0 }
        var total = 0.0
        for c in ScoreComponent.ordered { total = total + c.weight * value(of: c) }
        return total
    }

    /// Replaces the contribution of `old` by that of `new` (htools' `updateClusterStatistics`).
    public mutating func replace(_ old: Node, with new: Node) {
        guard hasOnlineNodes else { return }
        let a = NodeScoreValues(old), b = NodeScoreValues(new)
        let online = !old.offline
        for c in ScoreComponent.ordered where c.overOnlineNodes == online {
            let k = c.rawValue
            switch c.aggregation {
            case .sum:
                sums[k] = sums[k] + (b.numbers[k] - a.numbers[k])
            case .standardDeviation:
                let x = a.numbers[k], y = b.numbers[k]
                let n = counts[k], s = sums[k]
                let ds = y - x
                let dss = y * y - x * x
                let dnnvar = (n * dss - 2 * s * ds) - ds * ds
                sums[k] = s + ds
                variances[k] = max(0, variances[k] + dnnvar / (n * n))
            case .spread:
                for (key, cnt) in a.pairCounts {
                    if let cur = pairCounts[key] { pairCounts[key] = cur &- cnt } else { pairCounts[key] = cnt }
                }
                for (key, cnt) in b.pairCounts { pairCounts[key, default: 0] &+= cnt }
            }
        }
    }
}
