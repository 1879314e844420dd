extension Balancer {
    /// Whether `n` is an online member (`onlinePosition` ≥ 0) the last step touched, as the search decides it:
    /// offline nodes only count instances, and nodes the step left alike are not in `lastChanged`.
    func touchedLastStep(_ n: NodeIndex, onlinePosition: [Int]) -> Bool {
        onlinePosition[n.value] >= 0 && lastChanged.contains(n)
    }

    /// Checks the carried bounds against the full move model (for tests): for every victim whose record the
    /// next step would carry, every candidate towards an untouched target must score at least its slot's carried
    /// bound. Returns a description of each violation.
    func carriedBoundViolations(_ table: BalanceTable) -> [String] {
        guard let store = bounds, let drift = lastDrift else { return [] }
        let nodes = table.cluster.nodes
        let online = table.memberNodes.filter { !nodes[$0.value].offline }
        var onlinePosition = [Int](repeating: -1, count: nodes.count)
        for (k, n) in online.enumerated() { onlinePosition[n.value] = k }
        func touched(_ n: NodeIndex) -> Bool { touchedLastStep(n, onlinePosition: onlinePosition) }
        var violations: [String] = []
        for index in victims(table) {
            let i = index.value
            let inst = table.cluster.instances[i]
            guard store.step[i] == stepsTaken - 1, !touched(inst.primary),
                  !(inst.secondary.map(touched) ?? false),
                  let offset = store.carriedOffset(i, drift: drift, updatingStatistics: false) else { continue }
            func carried(_ slot: Int) -> Double { VictimBounds.carried(store.slotRow(i)[slot], offset: offset) }
            let secondaryUsable = inst.secondary.map { onlinePosition[$0.value] >= 0 } ?? false
            var moves: [(InstanceMove, Int)] = []
            if inst.mirrorType == .internal && secondaryUsable && options.instanceMoves { moves.append((.failover, 0)) }
            let kinds = possibleMoves(mirror: inst.mirrorType, secondaryUsable: secondaryUsable && options.instanceMoves,
                                      instanceMoves: options.instanceMoves, diskMoves: options.diskMoves,
                                      restrictedMigration: options.restrictedMigration,
                                      primaryOffline: nodes[inst.primary.value].offline, target: inst.primary)
            for t in online where t != inst.primary && t != inst.secondary && !touched(t) {
                for k in kinds { moves.append((k.retargeted(t), onlinePosition[t.value] + 1)) }
            }
            for (move, slot) in moves {
                guard case .success(let applied) = MoveApplication.apply(move, to: inst, nodes: nodes,
                                                                         force: options.ignoreSoftErrors) else { continue }
                let exact = evaluator.exactScore(replacing: applied.changedNodes)
                if carried(slot) > exact {
                    violations.append("\(inst.name) \(move): carried \(carried(slot)) > exact \(exact)")
                }
            }
        }
        return violations
    }

    /// Checks the carried fixed-row statistics (for tests): for every victim whose record the next step would
    /// carry and whose moves are prepared, the carried share must dominate the one computed afresh on the
    /// current base, component by component. Returns a description of each violation.
    func carriedFixedStatisticsViolations(_ table: BalanceTable) -> [String] {
        guard let store = bounds, let drift = lastDrift, !locationTags else { return [] }
        let nodes = table.cluster.nodes
        var onlinePosition = [Int](repeating: -1, count: nodes.count)
        for (k, n) in table.memberNodes.filter({ !nodes[$0.value].offline }).enumerated() { onlinePosition[n.value] = k }
        func touched(_ n: NodeIndex) -> Bool { touchedLastStep(n, onlinePosition: onlinePosition) }
        let context = LeanContext(nodes: nodes)
        let w = ScoreComponent.count
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: LeanVictimMoves.scratchSize)
        defer { scratch.deallocate() }
        var violations: [String] = []
        for index in victims(table) {
            let i = index.value
            let inst = table.cluster.instances[i]
            guard store.step[i] == stepsTaken - 1, inst.mirrorType == .internal, !touched(inst.primary),
                  !(inst.secondary.map(touched) ?? false) else { continue }
            let victim = LeanVictim(inst)
            guard let fresh = LeanVictimMoves(victim: victim, context: context, evaluator: evaluator,
                                              force: options.ignoreSoftErrors, scratch: scratch, statistics: true,
                                              fixedShare: true, typicalRows: true) else { continue }
            let carried = store.carriedFixed(i, drift: drift)
            for c in 0..<w {
                let now = fresh.fixedStatistics[c], shift = fresh.fixedStatistics[w + c]
                if carried[c] < now - 1e-12 * abs(now) || carried[w + c] < shift * (1 - 1e-12) {
                    violations.append("\(inst.name) component \(c): carried \(carried[c]), \(carried[w + c])"
                                      + " < fresh \(now), \(shift)")
                }
            }
        }
        return violations
    }
}
