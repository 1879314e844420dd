/// One way to place a new instance: the instance on its nodes, the changed nodes and the metric that ranks it
/// (htools' `GenericAllocElement`).
public struct Placement<Metric: Comparable & Sendable>: Sendable {
    /// The instance with its primary (and secondary) set.
    public var instance: Instance
    /// The nodes after placement: the primary, then the secondary when there is one.
    public var nodes: [Node]
    /// The ranking metric; lower is better (the cluster score for normal allocation).
    public var metric: Metric

    /// Creates a placement.
    public init(instance: Instance, nodes: [Node], metric: Metric) {
        self.instance = instance; self.nodes = nodes; self.metric = metric
    }
}

/// The outcome of trying every target for one instance (htools' `GenericAllocSolution`).
public struct AllocationSolution<Metric: Comparable & Sendable>: Sendable {
    /// Failed targets, by reason.
    public var failures = FailureCounts()
    /// Number of targets that would have worked.
    public var successCount = 0
    /// The best placement, if any.
    public var best: Placement<Metric>?
    /// Informational messages, newest first.
    public var log: [String] = []

    /// An empty solution (htools' `emptyAllocSolution`).
    public init() {}

    /// Merges a partial solution, keeping this one's best only when strictly better (htools' `sumAllocs`).
    public mutating func absorb(_ other: AllocationSolution<Metric>) {
        failures.add(other.failures)
        successCount += other.successCount
        best = Placement.better(best, other.best)
        log = other.log + log
    }

    /// Counts one target's result, keeping the earlier best only when strictly better (htools' `concatAllocs`).
    public mutating func record(_ outcome: Result<Placement<Metric>, FailMode>) {
        switch outcome {
        case .failure(let f): failures.add(f)
        case .success(let p):
            successCount += 1
            best = Placement.better(best, p)
        }
    }

    /// htools' one-line description of the solution (`describeSolution`), with `format` rendering the metric.
    public func describe(_ format: (Metric) -> String) -> String {
        guard let b = best else {
            return "No valid allocation solutions, failure reasons: "
                + (failures.total == 0 ? "unknown reasons" : failures.nonZeroDescription)
        }
        return "score: \(format(b.metric)), successes \(successCount), failures \(failures.total) ("
            + failures.nonZeroDescription + ") for node(s) " + b.nodes.map(\.name).joined(separator: "/")
    }

    /// The solution with its description prepended to the log (htools' `annotateSolution`).
    public func annotated(_ format: (Metric) -> String) -> AllocationSolution<Metric> {
        var s = self
        s.log.insert(describe(format), at: 0)
        return s
    }
}

extension Placement {
    /// htools' `bestAllocElement`: `a` only when strictly better than `b`.
    static func better(_ a: Placement?, _ b: Placement?) -> Placement? {
        guard let a else { return b }
        guard let b else { return a }
        return a.metric < b.metric ? a : b
    }
}

extension AllocationSolution where Metric == Double {
    /// The solution annotated with the score as `%.8f` (htools' `annotateSolution`).
    public var annotatedWithScore: AllocationSolution<Double> {
        annotated { HaskellNumberFormat.fixed($0, decimals: 8) }
    }
}

extension Cluster {
    /// The cluster with `placement` applied: its nodes replaced and its instance appended
    /// (htools' `extractNl` and `updateIl`). Negative instance indices in the node lists become the new index.
    public func applying<M>(_ placement: Placement<M>) -> Cluster {
        var c = self
        c.apply(placement)
        return c
    }

    /// Applies `placement` in place; see `applying(_:)`.
    public mutating func apply<M>(_ placement: Placement<M>) {
        let newIndex = InstanceIndex(instances.count)
        for var n in placement.nodes {
            n.primaries = n.primaries.map { $0.value < 0 ? newIndex : $0 }
            n.secondaries = n.secondaries.map { $0.value < 0 ? newIndex : $0 }
            nodes[n.index.value] = n
        }
        var instance = placement.instance
        instance.index = newIndex
        instances.append(instance)
    }
}
