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
        var applied: AppliedMove?
        var move: InstanceMove?
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
        let threads = max(1, min(options.threads, victims.count))
        var results = [Best](repeating: Best(score: table.score, victim: Int.max, ordinal: 0), count: threads)
        let frozen = self.evaluator
        let opts = options
        let cluster = table.cluster
        let initial = table.score
        results.withUnsafeMutableBufferPointer { buffer in
            let out = buffer
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                let lo = victims.count * t / threads, hi = victims.count * (t + 1) / threads
                var best = Best(score: initial, victim: Int.max, ordinal: 0)
                for v in lo..<hi {
                    Balancer.scan(victims[v], position: v, cluster: cluster, online: online, onlineSet: onlineSet,
                                  options: opts, evaluator: frozen, best: &best)
                }
                out[t] = best
            }
        }
        var best = Best(score: initial, victim: Int.max, ordinal: 0)
        for r in results where r.applied != nil {
            if best.applied == nil || r.score < best.score
                || (r.score == best.score && (r.victim, r.ordinal) < (best.victim, best.ordinal)) {
                best = r
            }
        }
        guard let applied = best.applied, let move = best.move else { return nil }
        let finalScore = best.score
        guard finalScore < initial && (initial > options.minGainLimit || initial - finalScore >= options.minGain) else {
            return nil
        }
        var next = table
        for (i, n) in applied.changedNodes { next.cluster.nodes[i.value] = n }
        next.cluster.instances[applied.instance.index.value] = applied.instance
        next.score = finalScore
        next.placements.append(BalancingStep(instance: applied.instance.index, primary: applied.primary,
                                         secondary: applied.secondary, move: move, score: finalScore))
        evaluator.commit(applied.changedNodes)
        return next
    }

    private static func scan(_ index: InstanceIndex, position: Int, cluster: Cluster, online: [NodeIndex],
                             onlineSet: Set<NodeIndex>, options: BalanceOptions, evaluator: ScoreEvaluator,
                             best: inout Best) {
        let inst = cluster.instances[index.value]
        let force = options.ignoreSoftErrors
        let secondaryUsable = inst.secondary.map { onlineSet.contains($0) } ?? false
        let useSecondary = secondaryUsable && options.instanceMoves
        let mirror = inst.mirrorType
        var ordinal = 0
        func consider(_ move: InstanceMove) {
            ordinal += 1
            guard case .success(let applied) = MoveApplication.apply(move, to: inst, nodes: cluster.nodes, force: force) else { return }
            let changes = evaluator.changes(applied.changedNodes)
            if evaluator.lowerBound(changes) >= best.score { return }
            let exact = evaluator.exactScore(changes: changes)
            if exact < best.score {
                best = Best(score: exact, victim: position, ordinal: ordinal, applied: applied, move: move)
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
