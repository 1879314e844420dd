extension AllocationSearch {
    /// `scanSingles` on plain values: each target's new score row comes from its `LeanNode`, and a real node is
    /// built only for candidates the redundancy predicate looks at. Nil when a tag feature or a forthcoming
    /// instance needs the reference path (a target with location tags, an instance with exclusion or
    /// desired-location tags, a target outside the scored list).
    ///
    /// Without `exactMetric` the best placement's metric may be an upper bound of its score when no other target
    /// comes close (callers that only apply the placement never read it).
    static func scanSinglesLean(_ cache: SearchCache, instance: Instance, nodes targets: [NodeIndex],
                                options: AllocationOptions, predicate: ((Placement<Double>) -> Bool)?,
                                exactMetric: Bool = true) -> AllocationSolution<Double>? {
        guard instance.exclusionTags.isEmpty, instance.desiredLocationTags.isEmpty, !instance.forthcoming else { return nil }
        let cluster = cache.cluster
        let leanNodes = cache.leanNodes
        let rows = cache.rows
        let lean = LeanInstance(instance)
        var failures = FailureCounts()
        // Candidates with their rows; exact scores are computed only where bounds cannot decide.
        var found: [(target: NodeIndex, position: Int, low: Double, high: Double, exact: Double?)] = []
        var candidateRows: [Double] = []
        let w = ScoreComponent.count
        var row = [Double](repeating: 0, count: w)
        var known: (group: GroupIndex, exclusive: Bool, failure: FailMode?)?
        var bounded = true
        for target in targets {
            let t = target.value
            let g = leanNodes[t].group, x = leanNodes[t].exclusiveStorage
            let policyFailure: FailMode?
            if let k = known, k.group == g, k.exclusive == x {
                policyFailure = k.failure
            } else {
                policyFailure = cluster.nodes[t].policy.violation(of: instance, exclusiveStorage: x)
                known = (g, x, policyFailure)
            }
            if let f = policyFailure { failures.add(f); continue }
            let position = rows.position[t]
            guard !leanNodes[t].hasLocationTags, position >= 0 else { return nil }
            if let f = leanNodes[t].primaryFailure(lean, force: options.ignoreSoftErrors, tagClash: false) {
                failures.add(f)
                continue
            }
            let conflicts = leanNodes[t].baseConflicts
            let b = row.withUnsafeMutableBufferPointer { buf -> (low: Double, high: Double) in
                leanNodes[t].writeRowAfterAddingPrimary(lean, desired: 0, conflicts: conflicts, into: buf.baseAddress!)
                return rows.bounds(replacing: position, values: buf.baseAddress!)
            }
            assert(leanNodes[t].rowShortcutMatches(lean, force: options.ignoreSoftErrors, desired: 0, conflicts: conflicts))
            if !(b.low.isFinite && b.high.isFinite) { bounded = false }
            candidateRows += row
            found.append((target, position, b.low, b.high, nil))
        }
        func exact(_ k: Int) -> Double {
            if let e = found[k].exact { return e }
            let e = candidateRows.withUnsafeBufferPointer { rows.score(replacing: found[k].position, values: $0.baseAddress! + k * w) }
            found[k].exact = e
            return e
        }
        func placement(_ k: Int) -> Placement<Double> {
            let target = found[k].target
            guard case .success(let newP) = cluster[node: target].addingPrimary(instance, force: options.ignoreSoftErrors)
            else { preconditionFailure("lean and full primary checks disagree") }
            var placed = instance
            placed.primary = target
            placed.secondary = nil
            return Placement(instance: placed, nodes: [newP], metric: exactMetric || found[k].exact != nil ? exact(k) : found[k].high)
        }
        var solution = AllocationSolution<Double>()
        solution.failures = failures
        solution.successCount = found.count
        if found.isEmpty { return solution }
        // The first candidate in htools' order (lowest score, among equal scores the later target), found from the
        // bounds with exact scores only for candidates that could still be it.
        var refused: Int?
        if bounded {
            var first: (score: Double, slot: Int)?
            // A candidate whose upper bound is below every other lower bound comes first (no tie possible); its
            // exact score is needed only as the reported metric.
            var top = 0
            for k in found.indices where found[k].high < found[top].high { top = k }
            if !found.indices.contains(where: { $0 != top && found[$0].low <= found[top].high }) {
                first = (0, top)
            } else {
                for k in found.indices.sorted(by: { found[$0].low < found[$1].low }) {
                    if let f = first, found[k].low > f.score { break }
                    let score = exact(k)
                    if score.isNaN { first = nil; break }
                    if let f = first, f.score < score || (f.score == score && f.slot > k) { continue }
                    first = (score, k)
                }
            }
            if let f = first {
                let p = placement(f.slot)
                if predicate?(p) ?? true {
                    solution.best = p
                    return solution
                }
                refused = f.slot
            }
        }
        // Otherwise every score, in htools' order (as `CandidateCollection.solution`).
        let order = found.indices.sorted { a, b in
            let x = exact(a), y = exact(b)
            return x != y ? x < y : a > b
        }
        var dropped = 0
        for k in order {
            if k == refused { dropped += 1; continue }
            let p = placement(k)
            if predicate?(p) ?? true { solution.best = p; break }
            dropped += 1
        }
        solution.failures.add(.n1, dropped)
        solution.successCount -= dropped
        return solution
    }
}
