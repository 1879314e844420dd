extension AllocationSearch {
    /// `scanSingles` on plain values: each target's new score row comes from its `LeanNode`, and a real node is
    /// built only for candidates the redundancy predicate looks at. Nil when a tag feature or a forthcoming
    /// instance needs the reference path (a target with location tags, an instance with exclusion or
    /// desired-location tags, a target outside the scored list).
    static func scanSinglesLean(_ cache: SearchCache, instance: Instance, nodes targets: [NodeIndex],
                                options: AllocationOptions,
                                predicate: ((Placement<Double>) -> Bool)?) -> AllocationSolution<Double>? {
        guard instance.exclusionTags.isEmpty, instance.desiredLocationTags.isEmpty, !instance.forthcoming else { return nil }
        let cluster = cache.cluster
        let leanNodes = cache.leanNodes
        let rows = cache.rows
        let lean = LeanInstance(instance)
        var failures = FailureCounts()
        var found: [(target: NodeIndex, score: Double)] = []
        var row = [Double](repeating: 0, count: ScoreComponent.count)
        var known: (group: GroupIndex, exclusive: Bool, failure: FailMode?)?
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
            var probe = leanNodes[t]
            if let f = probe.addPrimary(lean, force: options.ignoreSoftErrors, desired: 0, tagClash: false) {
                failures.add(f)
                continue
            }
            let conflicts = probe.baseConflicts
            let score = row.withUnsafeMutableBufferPointer { buf -> Double in
                probe.writeScoreRow(buf.baseAddress!, conflicts: conflicts)
                return rows.score(replacing: position, values: buf.baseAddress!)
            }
            found.append((target, score))
        }
        func placement(_ k: Int) -> Placement<Double> {
            let target = found[k].target
            guard case .success(let newP) = cluster[node: target].addingPrimary(instance, force: options.ignoreSoftErrors)
            else { preconditionFailure("lean and full primary checks disagree") }
            var placed = instance
            placed.primary = target
            placed.secondary = nil
            return Placement(instance: placed, nodes: [newP], metric: found[k].score)
        }
        // As `CandidateCollection.solution`: best score first, among equal scores the later target.
        var solution = AllocationSolution<Double>()
        solution.failures = failures
        solution.successCount = found.count
        let order = found.indices.sorted { a, b in
            let x = found[a].score, y = found[b].score
            return x != y ? x < y : a > b
        }
        var dropped = 0
        for k in order {
            let p = placement(k)
            if predicate?(p) ?? true { solution.best = p; break }
            dropped += 1
        }
        solution.failures.add(.n1, dropped)
        solution.successCount -= dropped
        return solution
    }
}
