extension Balancer {
    /// Whether `n` is an online member (`onlinePosition` ≥ 0) the last step touched, as the search decides it:
    /// offline nodes only count instances, and nodes the step left alike are not in `lastChanged`.
    func touchedLastStep(_ n: NodeIndex, onlinePosition: [Int]) -> Bool {
        onlinePosition[n.value] >= 0 && lastChanged.contains(n)
    }

    /// Checks the carried bounds against the full move model (for tests): for every record the next step would
    /// carry (across the step alone, or with the victim's fixed rows changed too), every candidate of its group
    /// towards an untouched target must score at least its slot's carried bound. Returns a description of each
    /// violation.
    func carriedBoundViolations(_ table: BalanceTable) -> [String] {
        guard let store = bounds, let drift = lastDrift else { return [] }
        let nodes = table.cluster.nodes
        let online = table.memberNodes.filter { !nodes[$0.value].offline }
        var onlinePosition = [Int](repeating: -1, count: nodes.count)
        for (k, n) in online.enumerated() { onlinePosition[n.value] = k }
        func touched(_ n: NodeIndex) -> Bool { touchedLastStep(n, onlinePosition: onlinePosition) }
        let context = LeanContext(nodes: nodes)
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: LeanVictimMoves.scratchSize)
        defer { scratch.deallocate() }
        var violations: [String] = []
        for index in victims(table) {
            let i = index.value
            let inst = table.cluster.instances[i]
            let ownTouched = touched(inst.primary) || (inst.secondary.map(touched) ?? false)
            let prepared = locationTags || inst.mirrorType != .internal ? nil
                : LeanVictimMoves(victim: LeanVictim(inst), context: context, evaluator: evaluator,
                                  force: options.ignoreSoftErrors, scratch: scratch, statistics: true)
            func group(_ move: InstanceMove) -> VictimBounds.Group {
                guard prepared != nil else { return .rest }
                switch move {
                case .replaceSecondary: return .replaceSecondary
                case .failoverAndReplace: return .failoverAndReplace
                default: return .rest
                }
            }
            /// The offset record `g` would carry at, or nil when it would start afresh.
            func carriedOffset(_ g: VictimBounds.Group) -> Double? {
                let r = VictimBounds.record(i, g)
                guard store.step[r] == stepsTaken - 1 else { return nil }
                if !ownTouched { return store.carriedOffset(r, drift: drift, updatingStatistics: false) }
                let kind: LeanVictimMoves.Kind
                switch g {
                case .rest: return nil
                case .replaceSecondary: kind = .replaceSecondary
                case .failoverAndReplace: kind = .failoverAndReplace
                }
                guard let now = prepared?.fixedRows(kind), store.ownPositions(r)[0] == now.positions.0,
                      store.ownPositions(r)[1] == now.positions.1 else { return nil }
                let moved = drift.replacingRows(now.positions, old: store.ownRows(r), new: now.rows)
                return store.carriedOffset(r, drift: moved, updatingStatistics: false, base: drift)
            }
            let offsets = [carriedOffset(.rest), carriedOffset(.replaceSecondary), carriedOffset(.failoverAndReplace)]
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
                let g = group(move)
                guard let offset = offsets[g.rawValue],
                      case .success(let applied) = MoveApplication.apply(move, to: inst, nodes: nodes,
                                                                         force: options.ignoreSoftErrors) else { continue }
                let exact = evaluator.exactScore(replacing: applied.changedNodes)
                let carried = VictimBounds.carried(store.slotRow(VictimBounds.record(i, g))[slot], offset: offset)
                if carried > exact {
                    violations.append("\(inst.name) \(move) (\(g)\(ownTouched ? ", own rows moved" : "")): "
                                      + "carried \(carried) > exact \(exact)")
                }
            }
        }
        return violations
    }

    /// Checks the carried fixed-row statistics (for tests): for every record the next step would carry across
    /// the step alone and whose moves are prepared, the carried share must dominate the one computed afresh on
    /// the current base, component by component. Returns a description of each violation.
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
            guard inst.mirrorType == .internal, !touched(inst.primary), !(inst.secondary.map(touched) ?? false) else { continue }
            let victim = LeanVictim(inst)
            guard let fresh = LeanVictimMoves(victim: victim, context: context, evaluator: evaluator,
                                              force: options.ignoreSoftErrors, scratch: scratch, statistics: true,
                                              fixedShare: true, typicalRows: true) else { continue }
            for g in [VictimBounds.Group.rest, .replaceSecondary, .failoverAndReplace] {
                let r = VictimBounds.record(i, g)
                guard store.step[r] == stepsTaken - 1 else { continue }
                let carried = store.carriedFixed(r, drift: drift)
                let share = fresh.fixedStatistics(g)
                for c in 0..<w {
                    let now = share[c], shift = share[w + c]
                    if carried[c] < now - 1e-12 * abs(now) || carried[w + c] < shift * (1 - 1e-12) {
                        violations.append("\(inst.name) \(g) component \(c): carried \(carried[c]), \(carried[w + c])"
                                          + " < fresh \(now), \(shift)")
                    }
                }
            }
        }
        return violations
    }
}
