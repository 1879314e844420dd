import Dispatch

/// Greedy cluster balancing, step by step, choosing exactly the move htools 3.0 chooses
/// (htools' `tryBalance`/`checkMove`/`checkInstanceMove`).
///
/// Every movable instance × online target × allowed move kind is tried; the best strictly
/// improving candidate wins, ties going to the first in htools' scan order. The scan is split
/// over threads and reduced deterministically, so the plan does not depend on the thread count.
public struct Balancer: Sendable {
    /// Algorithm options.
    public let options: BalanceOptions
    private var evaluator: ScoreEvaluator

    /// Prepares a balancer for `table`.
    public init(table: BalanceTable, options: BalanceOptions) {
        self.options = options
        self.evaluator = ScoreEvaluator(nodes: table.cluster.nodes, members: table.memberNodes)
    }

    /// Whether another step is allowed (htools' `doNextBalance`).
    public static func mayContinue(_ table: BalanceTable, maxRounds: Int, minScore: Double) -> Bool {
        (maxRounds < 0 || table.placements.count < maxRounds) && table.score > minScore
    }

    private struct Best {
        var score: Double
        var victim: Int
        var ordinal: Int
        var instance: InstanceIndex? = nil
        var move: InstanceMove? = nil
    }

    /// Tries one balancing step; returns the improved table, or nil when no step qualifies.
    public mutating func step(_ table: BalanceTable) -> BalanceTable? {
        let nodes = table.cluster.nodes
        let online = table.memberNodes.filter { !nodes[$0.value].offline }
        let offlineSet = Set(table.memberNodes.filter { nodes[$0.value].offline })
        var victims: [InstanceIndex] = []
        for i in table.memberInstances {
            let inst = table.cluster.instances[i.value]
            if options.evacuationMode && !inst.allNodes.contains(where: { offlineSet.contains($0) }) { continue }
            if inst.movable && inst.autoBalance { victims.append(i) }
        }
        let onlineSet = Set(online)
        // Small scans are faster on one thread than the cost of waking another.
        let work = victims.count * max(1, online.count)
        let threads = work < 2_000 ? 1 : max(1, min(options.threads, victims.count))
        var results = [Best](repeating: Best(score: table.score, victim: Int.max, ordinal: 0), count: threads)
        let frozen = self.evaluator
        let context = LeanContext(nodes: table.cluster.nodes)
        let opts = options
        let cluster = table.cluster
        let initial = table.score
        results.withUnsafeMutableBufferPointer { buffer in
            let out = buffer
            let body: (Int) -> Void = { t in
                let lo = victims.count * t / threads, hi = victims.count * (t + 1) / threads
                var best = Best(score: initial, victim: Int.max, ordinal: 0)
                let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 3 * ScoreEvaluator.rowWidth + LeanVictimMoves.scratchSize)
                defer { scratch.deallocate() }
                for v in lo..<hi {
                    Balancer.scan(victims[v], position: v, cluster: cluster, online: online, onlineSet: onlineSet,
                                  options: opts, evaluator: frozen, context: context, scratch: scratch, best: &best)
                }
                out[t] = best
            }
            if threads == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: threads, execute: body) }
        }
        var best = Best(score: initial, victim: Int.max, ordinal: 0)
        for r in results where r.instance != nil {
            if best.instance == nil || r.score < best.score
                || (r.score == best.score && (r.victim, r.ordinal) < (best.victim, best.ordinal)) {
                best = r
            }
        }
        guard let victim = best.instance, let move = best.move else { return nil }
        let finalScore = best.score
        guard finalScore < initial && (initial > options.minGainLimit || initial - finalScore >= options.minGain) else {
            return nil
        }
        guard case .success(let applied) = MoveApplication.apply(move, to: table.cluster.instances[victim.value],
                                                                 nodes: table.cluster.nodes, force: options.ignoreSoftErrors) else {
            preconditionFailure("the chosen move must apply")
        }
        assert(evaluator.exactScore(replacing: applied.changedNodes) == finalScore,
               "lean and full move evaluation disagree")
        var next = table
        for (i, n) in applied.changedNodes { next.cluster.nodes[i.value] = n }
        next.cluster.instances[victim.value] = applied.instance
        next.score = finalScore
        next.placements.append(BalancingStep(instance: victim, primary: applied.primary,
                                             secondary: applied.secondary, move: move, score: finalScore))
        evaluator.commit(applied.changedNodes)
        return next
    }

    private static func scan(_ index: InstanceIndex, position: Int, cluster: Cluster, online: [NodeIndex],
                             onlineSet: Set<NodeIndex>, options: BalanceOptions, evaluator: ScoreEvaluator,
                             context: LeanContext, scratch: UnsafeMutablePointer<Double>, best: inout Best) {
        let victim = LeanVictim(cluster.instances[index.value])
        let inst = victim.instance
        let force = options.ignoreSoftErrors
        var changed = LeanChanges(placeholder: context.moves.lean[inst.primary.value])
        let secondaryUsable = inst.secondary.map { onlineSet.contains($0) } ?? false
        let useSecondary = secondaryUsable && options.instanceMoves
        let mirror = inst.mirrorType
        var ordinal = 0
        let prepared: LeanVictimMoves? = context.moves.anyLocation || mirror != .internal ? nil
            : LeanVictimMoves(victim: victim, context: context, evaluator: evaluator, force: force, scratch: scratch + 3 * ScoreEvaluator.rowWidth)
        func consider(_ move: InstanceMove) {
            ordinal += 1
            if prepared != nil, move != .failover {
                if let exact = prepared.unsafelyUnwrapped.score(move, best: best.score) {
                    best = Best(score: exact, victim: position, ordinal: ordinal, instance: index, move: move)
                }
                return
            }
            guard context.moves.evaluate(move, victim: victim, force: force, into: &changed) else { return }
            let rows = context.rows(changed, victim: victim, evaluator: evaluator, scratch: scratch)
            if evaluator.cannotBeat(rows, best: best.score) { return }
            let exact = evaluator.exactScore(rows)
            if exact < best.score {
                best = Best(score: exact, victim: position, ordinal: ordinal, instance: index, move: move)
            }
        }
        if mirror == .internal && useSecondary { consider(.failover) }
        let primaryOffline = cluster.nodes[inst.primary.value].offline
        for target in online where target != inst.primary && target != inst.secondary {
            for move in possibleMoves(mirror: mirror, secondaryUsable: useSecondary, instanceMoves: options.instanceMoves,
                                      diskMoves: options.diskMoves, restrictedMigration: options.restrictedMigration,
                                      primaryOffline: primaryOffline, target: target) {
                consider(move)
            }
        }
    }
}
