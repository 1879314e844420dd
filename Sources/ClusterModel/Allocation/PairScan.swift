/// Scans all (primary, secondary) targets of one instance with htools' exact scores (the pair branch of `tryAlloc`).
///
/// For a primary the new primary node and the statistics after it (htools' first incremental update) are built once;
/// each secondary then needs only the components it changes, updated from those statistics exactly as htools'
/// `updateClusterStatistics` does. Unchanged components are exact no-ops, so their terms are reused.
struct PairScan {
    let cluster: Cluster
    let instance: Instance
    let options: AllocationOptions
    let base: ClusterStatistics
    /// Probe per node index value (nil for nodes never used as secondary).
    let probes: [SecondaryProbe?]
    /// Dense peer memory `[secondary * n + primary]`, when the cluster is small enough.
    let peerMatrix: [Int]?
    /// Whether candidates must be kept for the global N+1 predicate.
    let keepCandidates: Bool

    /// The result for one primary.
    struct PrimaryOutcome {
        var failures = FailureCounts()
        var successCount = 0
        var best: (secondary: NodeIndex, score: Double)?
        /// Successful (secondary, score) pairs in scan order, when kept.
        var candidates: [(secondary: NodeIndex, score: Double)] = []
    }

    init(cluster: Cluster, scope: [NodeIndex]?, instance: Instance, pairs: [NodePairs],
         options: AllocationOptions, keepCandidates: Bool) {
        self.cluster = cluster
        self.instance = instance
        self.options = options
        self.keepCandidates = keepCandidates
        base = cluster.statistics(of: scope)
        var probes = [SecondaryProbe?](repeating: nil, count: cluster.nodes.count)
        for p in pairs {
            for s in p.secondaries where probes[s.value] == nil {
                probes[s.value] = SecondaryProbe(cluster[node: s], instance)
            }
        }
        self.probes = probes
        let n = cluster.nodes.count
        if n <= 512 {
            var m = [Int](repeating: 0, count: n * n)
            for node in cluster.nodes where probes[node.index.value] != nil {
                for e in node.peers.entries where e.node.value >= 0 && e.node.value < n {
                    m[node.index.value * n + e.node.value] = e.memory
                }
            }
            peerMatrix = m
        } else {
            peerMatrix = nil
        }
    }

    /// Evaluates every secondary of `pair`.
    func scan(_ pair: NodePairs) -> PrimaryOutcome {
        var out = PrimaryOutcome()
        let p = cluster[node: pair.primary]
        if let f = p.policy.violation(of: instance, exclusiveStorage: p.exclusiveStorage) {
            out.failures.add(f, pair.secondaries.count)
            return out
        }
        var contexts: [Int: PrimaryContext] = [:]
        let n = cluster.nodes.count
        for s in pair.secondaries {
            let locScore = p.locationTags.isEmpty ? 0 : MoveApplication.locationScore(primary: p, secondary: cluster[node: s])
            let ctx: PrimaryContext
            if let c = contexts[locScore] {
                ctx = c
            } else {
                ctx = PrimaryContext(self, p, locationScore: locScore)
                contexts[locScore] = ctx
            }
            guard let newP = ctx.newPrimary else {
                out.failures.add(ctx.primaryFailure ?? .internal)
                continue
            }
            guard let probe = probes[s.value] else { out.failures.add(.internal); continue }
            if let f = probe.earlyFailure { out.failures.add(f); continue }
            let peer = peerMatrix.map { $0[s.value * n + pair.primary.value] }
                ?? cluster[node: s].peers.memory(for: pair.primary)
            let newReserved = max(probe.reservedMemory, peer &+ probe.neededMemory)
            let newFailsN1 = probe.unallocatedMemory <= newReserved
            if newFailsN1 && !probe.failsN1 { out.failures.add(.memory); continue }
            if let f = probe.lateFailure { out.failures.add(f); continue }
            let score: Double
            if probe.isExact && ctx.isExact {
                score = ctx.score(probe, newReserved: newReserved, newFailsN1: newFailsN1)
            } else {
                score = slowScore(ctx, newP, s)
            }
            out.successCount += 1
            if keepCandidates { out.candidates.append((s, score)) }
            if let b = out.best, b.score < score { continue }
            out.best = (s, score)
        }
        return out
    }

    /// The score through full node updates, for candidates the fast path cannot handle exactly.
    private func slowScore(_ ctx: PrimaryContext, _ newP: Node, _ s: NodeIndex) -> Double {
        var placed = ctx.placed
        placed.secondary = s
        guard case .success(let newS) = cluster[node: s].addingSecondary(placed, primary: newP.index) else {
            preconditionFailure("secondary probe and addingSecondary disagree")
        }
        var stats = ctx.statistics
        stats.replace(cluster[node: s], with: newS)
        return stats.score
    }

    /// The real placement for a chosen pair, with `score` as its metric.
    func placement(primary: NodeIndex, secondary: NodeIndex, score: Double) -> Placement<Double> {
        guard case .success(let pl) = PlacementPrimitives.allocateOnPair(
            cluster, statistics: base, instance: instance, primary: primary, secondary: secondary, options: options)
        else { preconditionFailure("pair scan accepted a pair the primitive rejects") }
        assert(pl.metric == score || (pl.metric.isNaN && score.isNaN), "fast pair score differs from htools' arithmetic")
        return Placement(instance: pl.instance, nodes: pl.nodes, metric: score)
    }
}

/// The statistics after placing the instance on one primary (htools' first `updateClusterStatistics`).
struct PrimaryContext {
    /// The instance as placed on the primary (location score set).
    var placed: Instance
    /// The primary after placement, or nil when it refused.
    var newPrimary: Node?
    /// Why the primary refused.
    var primaryFailure: FailMode?
    /// Statistics after the primary update.
    var statistics: ClusterStatistics
    /// Weighted terms of every component after the primary update.
    var terms: [Double]
    /// Whether all running aggregates are finite (needed for exact reuse of unchanged terms).
    var isExact: Bool

    private static let weights = ScoreComponent.allCases.map(\.weight)

    init(_ scan: PairScan, _ p: Node, locationScore: Int) {
        var placed = scan.instance
        placed.locationScore = locationScore
        placed.primary = p.index
        self.placed = placed
        statistics = scan.base
        switch p.addingPrimary(placed, force: scan.options.ignoreSoftErrors) {
        case .failure(let f):
            newPrimary = nil; primaryFailure = f; terms = []; isExact = false
        case .success(let n):
            newPrimary = n; primaryFailure = nil
            statistics.replace(p, with: n)
            let s = statistics
            terms = ScoreComponent.allCases.map { PrimaryContext.weights[$0.rawValue] * s.value(of: $0) }
            isExact = s.sums.allSatisfy(SecondaryProbe.isTame) && s.variances.allSatisfy(SecondaryProbe.isTame)
                && s.counts.allSatisfy(\.isFinite)
        }
    }

    /// The score after also adding the instance as secondary on the probed node.
    @inline(__always)
    func score(_ probe: SecondaryProbe, newReserved: Int, newFailsN1: Bool) -> Double {
        let st = statistics
        @inline(__always) func std(_ c: ScoreComponent, _ x: Double, _ y: Double) -> Double {
            let k = c.rawValue
            let n = st.counts[k], s = st.sums[k]
            let ds = y - x
            let dss = y * y - x * x
            let dnnvar = (n * dss - 2 * s * ds) - ds * ds
            return PrimaryContext.weights[k] * max(0, st.variances[k] + dnnvar / (n * n)).squareRoot()
        }
        @inline(__always) func sum(_ c: ScoreComponent, _ x: Double, _ y: Double) -> Double {
            let k = c.rawValue
            return PrimaryContext.weights[k] * (st.sums[k] + (y - x))
        }
        let yReserved = Double(newReserved) / probe.totalMemory
        let xN1 = probe.failsN1 ? probe.countBefore : 0
        let yN1 = newFailsN1 ? probe.countAfter : 0
        var t = 0.0
        t = t + terms[0]
        t = t + std(.freeDisk, probe.xFreeDisk, probe.yFreeDisk)
        t = t + sum(.n1Count, xN1, yN1)
        t = t + std(.reservedMemory, probe.xReserved, yReserved)
        t = t + terms[4]
        t = t + terms[5]
        t = t + terms[6]
        t = t + terms[7]
        t = t + terms[8]
        t = t + std(.diskLoad, probe.xDiskLoad, probe.yDiskLoad)
        t = t + terms[10]
        t = t + terms[11]
        t = t + std(.spindles, probe.xSpindles, probe.ySpindles)
        t = t + terms[13]
        t = t + std(.freeDiskForth, probe.xFreeDiskForth, probe.yFreeDiskForth)
        t = t + terms[15]
        t = t + std(.spindlesForth, probe.xSpindlesForth, probe.ySpindlesForth)
        t = t + terms[17]
        t = t + terms[18]
        t = t + sum(.reservedMemoryTotal, probe.xReserved, yReserved)
        return t
    }
}
