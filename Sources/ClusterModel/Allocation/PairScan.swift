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

    /// - Parameter peerMatrix: `cluster.densePeerMemory()` (nil for large clusters: peer maps are read directly).
    init(cluster: Cluster, scope: [NodeIndex]?, instance: Instance, pairs: [NodePairs],
         options: AllocationOptions, keepCandidates: Bool, peerMatrix: [Int]?) {
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
        self.peerMatrix = peerMatrix
    }

    /// Evaluates every secondary of `pair`; `newPrimary` is the primary after placement when already known
    /// (only without location tags, where it does not depend on the secondary).
    func scan(_ pair: NodePairs, newPrimary: Node? = nil) -> PrimaryOutcome {
        var out = PrimaryOutcome()
        let p = cluster[node: pair.primary]
        if let f = p.policy.violation(of: instance, exclusiveStorage: p.exclusiveStorage) {
            out.failures.add(f, pair.secondaries.count)
            return out
        }
        // One context per distinct location score of the pair (only one without location tags).
        var contexts: [PrimaryContext] = []
        var contextByScore: [Int: Int] = [:]
        if p.locationTags.isEmpty {
            contexts.append(PrimaryContext(self, p, locationScore: 0, known: newPrimary))
            if let f = contexts[0].primaryFailure {
                out.failures.add(f, pair.secondaries.count)
                return out
            }
        }
        let n = cluster.nodes.count
        let primaryValue = pair.primary.value
        // (`FailureCounts` holds plain stored counts: adding to it is as cheap as a local tally.)
        func fail(_ f: FailMode) { out.failures.add(f) }
        var best: (secondary: NodeIndex, score: Double)?
        var successes = 0
        probes.withUnsafeBufferPointer { probes in
            for s in pair.secondaries {
                let slot: Int
                if p.locationTags.isEmpty {
                    slot = 0
                } else {
                    let locScore = MoveApplication.locationScore(primary: p, secondary: cluster[node: s])
                    if let k = contextByScore[locScore] {
                        slot = k
                    } else {
                        slot = contexts.count
                        contexts.append(PrimaryContext(self, p, locationScore: locScore))
                        contextByScore[locScore] = slot
                    }
                    if let f = contexts[slot].primaryFailure { fail(f); continue }
                }
                guard let probe = probes[s.value] else { fail(.internal); continue }
                if let f = probe.earlyFailure { fail(f); continue }
                let peer: Int
                if let matrix = peerMatrix {
                    peer = matrix[s.value * n + primaryValue]
                } else {
                    peer = cluster[node: s].peers.memory(for: pair.primary)
                }
                let newReserved = max(probe.reservedMemory, peer &+ probe.neededMemory)
                let newFailsN1 = probe.unallocatedMemory <= newReserved
                if newFailsN1 && !probe.failsN1 { fail(.memory); continue }
                if let f = probe.lateFailure { fail(f); continue }
                let score: Double
                if probe.isExact, let fast = contexts[slot].fast {
                    score = fast.score(probe, newReserved: newReserved, newFailsN1: newFailsN1)
                } else {
                    score = slowScore(contexts[slot], s)
                }
                successes += 1
                if keepCandidates { out.candidates.append((s, score)) }
                if let b = best, b.score < score { continue }
                best = (s, score)
            }
        }
        out.successCount = successes
        out.best = best
        return out
    }

    /// The score through full node updates, for candidates the fast path cannot handle exactly.
    private func slowScore(_ ctx: PrimaryContext, _ s: NodeIndex) -> Double {
        var placed = ctx.placed
        placed.secondary = s
        guard case .success(let newS) = cluster[node: s].addingSecondary(placed, primary: ctx.placed.primary) else {
            preconditionFailure("secondary probe and addingSecondary disagree")
        }
        var stats = ctx.statistics
        stats.replace(cluster[node: s], with: newS)
        return stats.score
    }

    /// The real placement for a chosen pair, with `score` as its metric.
    func placement(primary: NodeIndex, secondary: NodeIndex, score: Double) -> Placement<Double> {
        let p = cluster[node: primary], s = cluster[node: secondary]
        var placed = instance
        placed.locationScore = MoveApplication.locationScore(primary: p, secondary: s)
        placed.primary = primary
        placed.secondary = secondary
        guard case .success(let newP) = p.addingPrimary(placed, force: options.ignoreSoftErrors),
              case .success(let newS) = s.addingSecondary(placed, primary: primary)
        else { preconditionFailure("pair scan accepted a pair the node checks reject") }
        assert(checkScore(primary, secondary, score), "fast pair score differs from htools' arithmetic")
        return Placement(instance: placed, nodes: [newP, newS], metric: score)
    }

    /// Debug check: the reference primitive gives the same score.
    private func checkScore(_ primary: NodeIndex, _ secondary: NodeIndex, _ score: Double) -> Bool {
        guard case .success(let pl) = PlacementPrimitives.allocateOnPair(
            cluster, statistics: base, instance: instance, primary: primary, secondary: secondary, options: options)
        else { return false }
        return pl.metric == score || (pl.metric.isNaN && score.isNaN)
    }
}

/// The statistics after placing the instance on one primary (htools' first `updateClusterStatistics`).
struct PrimaryContext {
    /// The instance as placed on the primary (location score set).
    var placed: Instance
    /// Why the primary refused, if it did.
    var primaryFailure: FailMode?
    /// Statistics after the primary update.
    var statistics: ClusterStatistics
    /// Plain-value terms for the fast path; nil when the aggregates are not all tame.
    var fast: FastPairTerms?

    init(_ scan: PairScan, _ p: Node, locationScore: Int, known: Node? = nil) {
        var placed = scan.instance
        placed.locationScore = locationScore
        placed.primary = p.index
        self.placed = placed
        statistics = scan.base
        switch known.map({ .success($0) }) ?? p.addingPrimary(placed, force: scan.options.ignoreSoftErrors) {
        case .failure(let f):
            primaryFailure = f; fast = nil
        case .success(let n):
            primaryFailure = nil
            statistics.replace(p, with: n)
            let s = statistics
            let tame = s.sums.allSatisfy(SecondaryProbe.isTame) && s.variances.allSatisfy(SecondaryProbe.isTame)
                && s.counts.allSatisfy(\.isFinite)
            fast = tame ? FastPairTerms(s) : nil
        }
    }
}

/// The statistics after a primary update as plain numbers: running aggregates of the components a secondary
/// changes, and the weighted terms of those it leaves alone (exact no-ops in htools' update).
struct FastPairTerms {
    /// One standard-deviation aggregate: count, sum, variance and weight.
    struct Deviation {
        var n: Double, s: Double, v: Double, w: Double

        init(_ st: ClusterStatistics, _ c: ScoreComponent) {
            n = st.counts[c.rawValue]; s = st.sums[c.rawValue]; v = st.variances[c.rawValue]; w = c.weight
        }

        /// The weighted value after replacing `x` by `y` (htools' `updateStatistics` then `getStatisticValue`).
        @inline(__always)
        func term(_ x: Double, _ y: Double) -> Double {
            let ds = y - x
            let dss = y * y - x * x
            let dnnvar = (n * dss - 2 * s * ds) - ds * ds
            return w * max(0, v + dnnvar / (n * n)).squareRoot()
        }
    }

    var t0: Double, t4: Double, t5: Double, t6: Double, t7: Double, t8: Double
    var t10: Double, t11: Double, t13: Double, t15: Double, t17: Double, t18: Double
    var freeDisk: Deviation, reserved: Deviation, diskLoad: Deviation, spindles: Deviation
    var freeDiskForth: Deviation, spindlesForth: Deviation
    var n1Sum: Double, n1Weight: Double, reservedTotalSum: Double, reservedTotalWeight: Double

    init(_ st: ClusterStatistics) {
        func t(_ c: ScoreComponent) -> Double { c.weight * st.value(of: c) }
        t0 = t(.freeMemory); t4 = t(.offlineAll); t5 = t(.offlinePrimary); t6 = t(.vcpuRatio)
        t7 = t(.cpuLoad); t8 = t(.memoryLoad); t10 = t(.networkLoad); t11 = t(.primaryTags)
        t13 = t(.freeMemoryForth); t15 = t(.vcpuRatioForth); t17 = t(.locationScore); t18 = t(.locationExclusion)
        freeDisk = Deviation(st, .freeDisk); reserved = Deviation(st, .reservedMemory)
        diskLoad = Deviation(st, .diskLoad); spindles = Deviation(st, .spindles)
        freeDiskForth = Deviation(st, .freeDiskForth); spindlesForth = Deviation(st, .spindlesForth)
        n1Sum = st.sums[ScoreComponent.n1Count.rawValue]; n1Weight = ScoreComponent.n1Count.weight
        reservedTotalSum = st.sums[ScoreComponent.reservedMemoryTotal.rawValue]
        reservedTotalWeight = ScoreComponent.reservedMemoryTotal.weight
    }

    /// The score after also adding the instance as secondary on the probed node, summed in htools' order.
    @inline(__always)
    func score(_ probe: SecondaryProbe, newReserved: Int, newFailsN1: Bool) -> Double {
        let yReserved = Double(newReserved) / probe.totalMemory
        let xN1 = probe.failsN1 ? probe.countBefore : 0
        let yN1 = newFailsN1 ? probe.countAfter : 0
        var t = 0.0
        t = t + t0
        t = t + freeDisk.term(probe.xFreeDisk, probe.yFreeDisk)
        t = t + n1Weight * (n1Sum + (yN1 - xN1))
        t = t + reserved.term(probe.xReserved, yReserved)
        t = t + t4
        t = t + t5
        t = t + t6
        t = t + t7
        t = t + t8
        t = t + diskLoad.term(probe.xDiskLoad, probe.yDiskLoad)
        t = t + t10
        t = t + t11
        t = t + spindles.term(probe.xSpindles, probe.ySpindles)
        t = t + t13
        t = t + freeDiskForth.term(probe.xFreeDiskForth, probe.yFreeDiskForth)
        t = t + t15
        t = t + spindlesForth.term(probe.xSpindlesForth, probe.ySpindlesForth)
        t = t + t17
        t = t + t18
        t = t + reservedTotalWeight * (reservedTotalSum + (yReserved - probe.xReserved))
        return t
    }
}
