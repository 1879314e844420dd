// Allocation engine: entry points (all pure; results are values, errors are `AllocationError`).
//
// - `AllocationTargets.generate(in:nodes:groups:requiredNodes:dropUnallocable:options:)`: htools' `genAllocNodes`.
// - `AllocationSearch.tryAllocation(_:scope:instance:targets:options:)`: htools' `tryAlloc` → `AllocationSolution`
//   (failure counts, success count, best `Placement` with its score, log). Set `instance.index` to
//   `cluster.instances.count` first; apply the result with `cluster.apply(placement)` (htools' `extractNl`/`updateIl`).
// - `GroupAllocation.tryMultiGroup` / `tryGroup` / `bestGroup` / `allocateInGroup` / `allocateList`: htools'
//   `tryMGAlloc`, `tryGroupAlloc`, `findBestAllocGroup`, `findAllocation`, `allocList` (hail `allocate`,
//   `multi-allocate`); log lines carry htools' `Group … (policy): …` and `Selected group: …` texts.
// - `DedicatedAllocation`: htools' `Dedicated` (exclusive-storage allocation ranked by lost allocations).
// - `IterativeAllocation.allocate` / `TieredAllocation.allocate`: htools' `iterateAlloc` / `tieredAlloc` (hspace).
// - `GlobalRedundancy.isRedundant` / `groupOutcome` / `allocationKeepsRedundancy`: htools' `GlobalN1`.
// - `ClusterResources`: htools' `CStats` (`totalResources`, `computeAllocationDelta`).
// - `AllocationOptions.parallelism`: optional thread runner; results never depend on it.

/// Finding the best place for one new instance (htools' `tryAlloc`).
public enum AllocationSearch {
    /// Tries every target for `instance` and returns the best placement with failure statistics (htools' `tryAlloc`).
    ///
    /// Ties between equal scores go to the target htools would pick (the last one scanned). With
    /// `options.capacityChecks`, placements breaking global N+1 redundancy are skipped and counted as `FailN1`.
    ///
    /// - Parameters:
    ///   - scope: the node list htools passes as `nl` (scored and checked for redundancy), in index order; nil for all.
    ///   - instance: the instance; its `index` should be `cluster.instances.count` (the slot it will take).
    /// - Returns: the annotated solution, or htools' error when there are no targets at all.
    public static func tryAllocation(_ cluster: Cluster, scope: [NodeIndex]? = nil, instance: Instance,
                                     targets: AllocationTargets,
                                     options: AllocationOptions) -> Result<AllocationSolution<Double>, AllocationError> {
        tryAllocation(SearchCache(cluster, scope: scope), instance: instance, targets: targets, options: options)
    }

    /// `tryAllocation` reusing what `cache` has already derived from its cluster state.
    ///
    /// Without `annotate` the log stays empty (htools builds the description lazily; capacity runs never read it).
    static func tryAllocation(_ cache: SearchCache, instance: Instance, targets: AllocationTargets,
                              options: AllocationOptions,
                              annotate: Bool = true) -> Result<AllocationSolution<Double>, AllocationError> {
        let cluster = cache.cluster, scope = cache.scope
        func finish(_ s: AllocationSolution<Double>) -> AllocationSolution<Double> { annotate ? s.annotatedWithScore : s }
        let predicate: ((Placement<Double>) -> Bool)? = options.capacityChecks
            ? { GlobalRedundancy.check(cache.redundancy.applying($0), options: options) == .redundant }
            : nil
        switch targets {
        case .pairs(let pairs):
            if pairs.isEmpty { return .failure(AllocationError("Not enough online nodes")) }
            if instance.forthcoming {
                return .success(finish(referencePairs(cluster, scope: scope, instance: instance, pairs: pairs,
                                                      options: options, predicate: predicate)))
            }
            return .success(finish(scanPairs(cluster, scope: scope, instance: instance, pairs: pairs,
                                             options: options, predicate: predicate, lean: cache.leanNodes,
                                             peers: cache.peerMatrix)))
        case .singles(let nodes):
            if nodes.isEmpty { return .failure(AllocationError("No online nodes")) }
            if let lean = scanSinglesLean(cache, instance: instance, nodes: nodes, options: options, predicate: predicate,
                                          exactMetric: annotate) {
                return .success(finish(lean))
            }
            return .success(finish(scanSingles(cluster, scope: scope, instance: instance, nodes: nodes,
                                               options: options, predicate: predicate, rows: cache.rows)))
        }
    }

    /// The failures of an attempt in which every target already refuses at its primary node, computed from plain
    /// values; nil when some target passes that stage, or the case needs the full search (no targets, forthcoming
    /// instances, location tags). Equal to the failures `tryAllocation` reports in that case.
    static func primaryStageFailures(_ cache: SearchCache, instance: Instance, targets: AllocationTargets,
                                     options: AllocationOptions) -> FailureCounts? {
        quickFailures(cache, instance: instance, targets: targets, options: options, throughPairs: false)?.failures
    }

    /// `primaryStageFailures`, and with `throughPairs` also attempts whose pair targets all refuse at the
    /// secondary (DRBD) stage; `atPrimaries` tells whether every refusal came at the primary stage.
    static func quickFailures(_ cache: SearchCache, instance: Instance, targets: AllocationTargets,
                              options: AllocationOptions,
                              throughPairs: Bool) -> (failures: FailureCounts, atPrimaries: Bool)? {
        if instance.forthcoming { return nil }
        let lean = LeanInstance(instance)
        var failures = FailureCounts()
        var atPrimaries = true
        let complete: Bool = cache.cluster.nodes.withUnsafeBufferPointer { nodes in
            cache.leanNodes.withUnsafeBufferPointer { leanNodes in
                // The policy verdict depends only on the group's policy and the node's storage kind.
                var known: (group: GroupIndex, exclusive: Bool, failure: FailMode?)?
                let noTags = instance.exclusionTags.isEmpty
                func refusal(_ v: Int) -> FailMode? {
                    let g = leanNodes[v].group, x = leanNodes[v].exclusiveStorage
                    let policyFailure: FailMode?
                    if let k = known, k.group == g, k.exclusive == x {
                        policyFailure = k.failure
                    } else {
                        policyFailure = nodes[v].policy.violation(of: instance, exclusiveStorage: x)
                        known = (g, x, policyFailure)
                    }
                    if let f = policyFailure { return f }
                    let clash = !noTags && instance.exclusionTags.contains { nodes[v].primaryTags[$0] != nil }
                    return leanNodes[v].primaryFailure(lean, force: options.ignoreSoftErrors, tagClash: clash)
                }
                switch targets {
                case .pairs(let pairs):
                    if pairs.isEmpty { return false }
                    let peers = throughPairs ? cache.peerMatrix : nil
                    let n = leanNodes.count
                    // Secondary-stage refusals per node that do not depend on the primary (as `SecondaryProbe`).
                    var probes = [(early: FailMode?, late: FailMode?)?](repeating: nil, count: throughPairs ? n : 0)
                    let needed = lean.usesSecondaryMemory ? lean.memory : 0
                    return pairs.withUnsafeBufferPointer { pairs in
                        for k in pairs.indices {
                            let v = pairs[k].primary.value
                            // (The location score the primary would get does not change its refusal.)
                            guard !leanNodes[v].hasLocationTags else { return false }
                            if let f = refusal(v) {
                                failures.add(f, pairs[k].secondaries.count)
                                continue
                            }
                            guard let peers else { return false }
                            atPrimaries = false
                            for sIndex in pairs[k].secondaries {
                                let s = sIndex.value
                                let probe = probes[s] ?? leanNodes[s].secondaryFailures(lean)
                                probes[s] = probe
                                if let f = probe.early { failures.add(f); continue }
                                let node = leanNodes[s]
                                let newReserved = max(node.reservedMemory, peers[s * n + v] &+ needed)
                                if node.unallocatedMemory <= newReserved && !node.failsN1 { failures.add(.memory); continue }
                                if let f = probe.late { failures.add(f); continue }
                                return false
                            }
                        }
                        return true
                    }
                case .singles(let singles):
                    if singles.isEmpty { return false }
                    for v in singles {
                        guard let f = refusal(v.value) else { return false }
                        failures.add(f)
                    }
                    return true
                }
            }
        }
        return complete ? (failures, atPrimaries) : nil
    }

    /// Single-node targets: every node scored by a full recompute of the list.
    static func scanSingles(_ cluster: Cluster, scope: [NodeIndex]?, instance: Instance, nodes: [NodeIndex],
                            options: AllocationOptions, predicate: ((Placement<Double>) -> Bool)?,
                            rows: ScoreRows? = nil) -> AllocationSolution<Double> {
        let rows = rows ?? ScoreRows(cluster, members: scope)
        var collection = CandidateCollection<Double>()
        for target in nodes {
            let p = cluster[node: target]
            if let f = p.policy.violation(of: instance, exclusiveStorage: p.exclusiveStorage) {
                collection.failures.add(f)
                continue
            }
            switch p.addingPrimary(instance, force: options.ignoreSoftErrors) {
            case .failure(let f):
                collection.failures.add(f)
            case .success(let newP):
                var placed = instance
                placed.primary = target
                placed.secondary = nil
                let k = rows.position[target.value]
                let score = k >= 0 ? rows.score(replacing: k, with: NodeScoreValues(newP))
                    : PlacementPrimitives.scoreReplacing(cluster, scope: scope, [newP])
                collection.candidates.append(Placement(instance: placed, nodes: [newP], metric: score))
            }
        }
        return collection.solution(predicate: predicate)
    }

    /// Pair targets through the fast scan, one primary at a time, merged in primary order.
    static func scanPairs(_ cluster: Cluster, scope: [NodeIndex]?, instance: Instance, pairs: [NodePairs],
                          options: AllocationOptions,
                          predicate: ((Placement<Double>) -> Bool)?,
                          lean leanNodes: [LeanNode]? = nil, peers: [Int]? = nil) -> AllocationSolution<Double> {
        // The primary checks come first in htools and, without location tags, do not depend on the secondary:
        // a refusing primary fails all its pairs the same way, and needs no scoring set-up.
        var total = AllocationSolution<Double>()
        var open: [(pair: NodePairs, newPrimary: Node?)] = []
        var lean = LeanInstance(instance)
        lean.locationScore = 0
        for pair in pairs {
            let pv = pair.primary.value
            if let f = cluster.nodes[pv].policy.violation(of: instance, exclusiveStorage: cluster.nodes[pv].exclusiveStorage) {
                total.failures.add(f, pair.secondaries.count)
                continue
            }
            guard cluster.nodes[pv].locationTags.isEmpty else { open.append((pair, nil)); continue }
            // The refusal, if any, from plain values first: most primaries of a failing attempt stop here.
            let clash = !instance.exclusionTags.isEmpty
                && instance.exclusionTags.contains { cluster.nodes[pv].primaryTags[$0] != nil }
            let refusal = leanNodes.map { $0[pv].primaryFailure(lean, force: options.ignoreSoftErrors, tagClash: clash) }
                ?? LeanNode(cluster.nodes[pv]).primaryFailure(lean, force: options.ignoreSoftErrors, tagClash: clash)
            if let f = refusal {
                total.failures.add(f, pair.secondaries.count)
                continue
            }
            let p = cluster[node: pair.primary]
            var placed = instance
            placed.locationScore = 0
            placed.primary = pair.primary
            switch p.addingPrimary(placed, force: options.ignoreSoftErrors) {
            case .failure(let f): total.failures.add(f, pair.secondaries.count)
            case .success(let n): open.append((pair, n))
            }
        }
        if open.isEmpty { return total }
        let scan = PairScan(cluster: cluster, scope: scope, instance: instance, pairs: open.map(\.pair),
                            options: options, keepCandidates: predicate != nil,
                            peerMatrix: peers ?? cluster.densePeerMemory())
        let outcomes = ParallelMap.map(open, runner: options.parallelism) { scan.scan($0.pair, newPrimary: $0.newPrimary) }
        guard let predicate else {
            // Without a predicate only the overall best is built: lowest score, ties to the last scanned pair.
            var winner: (primary: NodeIndex, secondary: NodeIndex, score: Double)?
            for (entry, outcome) in zip(open, outcomes) {
                total.failures.add(outcome.failures)
                total.successCount += outcome.successCount
                guard let b = outcome.best else { continue }
                if let w = winner, w.score < b.score { continue }
                winner = (entry.pair.primary, b.secondary, b.score)
            }
            if let w = winner {
                total.best = Placement.better(total.best, scan.placement(primary: w.primary, secondary: w.secondary, score: w.score))
            }
            return total
        }
        for (entry, outcome) in zip(open, outcomes) {
            let pair = entry.pair
            var part = AllocationSolution<Double>()
            part.failures = outcome.failures
            part.successCount = outcome.successCount
            do {
                // htools sorts by score; among equal scores the later-scanned target comes first.
                let order = outcome.candidates.indices.sorted { a, b in
                    let x = outcome.candidates[a].score, y = outcome.candidates[b].score
                    return x != y ? x < y : a > b
                }
                var dropped = 0
                for k in order {
                    let c = outcome.candidates[k]
                    let pl = scan.placement(primary: pair.primary, secondary: c.secondary, score: c.score)
                    if predicate(pl) { part.best = pl; break }
                    dropped += 1
                }
                part.failures.add(.n1, dropped)
                part.successCount -= dropped
            }
            total.absorb(part)
        }
        return total
    }

    /// Pair targets through the reference primitives (used for forthcoming instances and in tests).
    static func referencePairs(_ cluster: Cluster, scope: [NodeIndex]?, instance: Instance, pairs: [NodePairs],
                               options: AllocationOptions,
                               predicate: ((Placement<Double>) -> Bool)?) -> AllocationSolution<Double> {
        let stats = cluster.statistics(of: scope)
        var total = AllocationSolution<Double>()
        for pair in pairs {
            var collection = CandidateCollection<Double>()
            for s in pair.secondaries {
                switch PlacementPrimitives.allocateOnPair(cluster, statistics: stats, instance: instance,
                                                          primary: pair.primary, secondary: s, options: options) {
                case .failure(let f): collection.failures.add(f)
                case .success(let pl): collection.candidates.append(pl)
                }
            }
            total.absorb(collection.solution(predicate: predicate))
        }
        return total
    }
}

/// Successful placements in scan order plus failures (htools' `AllocSolutionCollection`).
struct CandidateCollection<Metric: Comparable & Sendable> {
    var failures = FailureCounts()
    var candidates: [Placement<Metric>] = []

    /// The best candidate passing `predicate`; skipped ones count as `FailN1` (htools' `collectionToSolution`).
    func solution(predicate: ((Placement<Metric>) -> Bool)?) -> AllocationSolution<Metric> {
        var sol = AllocationSolution<Metric>()
        sol.failures = failures
        sol.successCount = candidates.count
        let order = candidates.indices.sorted { a, b in
            let x = candidates[a].metric, y = candidates[b].metric
            return x != y ? x < y : a > b
        }
        var dropped = 0
        for k in order {
            if predicate?(candidates[k]) ?? true { sol.best = candidates[k]; break }
            dropped += 1
        }
        sol.failures.add(.n1, dropped)
        sol.successCount -= dropped
        return sol
    }
}

/// What repeated searches on one cluster state can share: the score rows and the redundancy check's base.
final class SearchCache {
    let cluster: Cluster
    let scope: [NodeIndex]?
    private var cachedRows: ScoreRows?
    private var cachedRedundancy: RedundancyBase?
    private var cachedLean: [LeanNode]?

    /// What the run shares between states.
    let run: AllocationRunState

    /// A cache for `cluster`; `run` connects it to earlier states of the same allocation run.
    init(_ cluster: Cluster, scope: [NodeIndex]?, run: AllocationRunState = AllocationRunState()) {
        self.cluster = cluster
        self.scope = scope
        self.run = run
    }

    /// Whether `other` is the very same cluster state (same node and instance storage), so this cache applies.
    /// The cache keeps that storage alive, so equal addresses cannot come from a reused buffer.
    func describes(_ other: Cluster, scope other2: [NodeIndex]?) -> Bool {
        guard scope == other2, cluster.nodes.count == other.nodes.count,
              cluster.instances.count == other.instances.count else { return false }
        let sameNodes = cluster.nodes.withUnsafeBufferPointer { a in
            other.nodes.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
        }
        let sameInstances = cluster.instances.withUnsafeBufferPointer { a in
            other.instances.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
        }
        return sameNodes && sameInstances
    }

    /// Score rows of the scope.
    var rows: ScoreRows {
        if let r = cachedRows { return r }
        let count = cluster.instances.count
        if scope == nil, let kept = run.scoreRows(instances: count) {
            cachedRows = kept
            return kept
        }
        let r = ScoreRows(cluster, lean: leanNodes, members: scope ?? cluster.nodes.map(\.index))
        cachedRows = r
        if scope == nil { run.keep(scoreRows: r, instances: count) }
        return r
    }

    /// Peer memory of every node, `[node * n + primary]` (nil above 512 nodes).
    var peerMatrix: [Int]? {
        if let m = cachedPeers { return m }
        let m = cluster.densePeerMemory()
        cachedPeers = m
        return m
    }
    private var cachedPeers: [Int]?

    /// Plain-value copies of all cluster nodes.
    var leanNodes: [LeanNode] {
        if let l = cachedLean { return l }
        let l = run.leanNodes(instances: cluster.instances.count) ?? LeanNode.copies(of: cluster.nodes)
        cachedLean = l
        run.keep(leanNodes: l, instances: cluster.instances.count)
        return l
    }

    /// The redundancy check's base for the scope.
    var redundancy: RedundancyBase {
        if let r = cachedRedundancy { return r }
        let r = RedundancyBase(cluster, scope: scope, run: run)
        cachedRedundancy = r
        return r
    }
}
