import Dispatch

/// Greedy cluster balancing, step by step, choosing exactly the move htools 3.0 chooses
/// (htools' `tryBalance`/`checkMove`/`checkInstanceMove`).
///
/// Every movable instance × online target × allowed move kind is a candidate; the best strictly improving one
/// wins, ties going to the first in htools' scan order. Work is skipped only where a bound proves a candidate
/// cannot win: within a step by the pruning test, across steps by the victims' carried bounds
/// (`VictimBounds`), which need only the candidates towards the nodes the last step touched to be evaluated
/// again. The scan is split over threads and reduced deterministically, so the plan does not depend on the
/// thread count.
public struct Balancer: Sendable {
    /// Algorithm options.
    public let options: BalanceOptions
    var evaluator: ScoreEvaluator
    /// Carried candidate bounds (created on the first step).
    var bounds: VictimBounds?
    /// Whether location tags make a candidate's score depend on more than its own nodes (then nothing is carried).
    let locationTags: Bool
    /// How the last step moved the base, and the nodes it changed (those it left as they were excepted).
    var lastDrift: StepDrift?
    var lastChanged: [NodeIndex] = []
    var stepsTaken = 0

    /// Prepares a balancer for `table`.
    public init(table: BalanceTable, options: BalanceOptions) {
        self.options = options
        self.evaluator = ScoreEvaluator(nodes: table.cluster.nodes, members: table.memberNodes)
        locationTags = table.cluster.nodes.contains { !$0.locationTags.isEmpty }
    }

    /// Whether another step is allowed (htools' `doNextBalance`).
    public static func mayContinue(_ table: BalanceTable, maxRounds: Int, minScore: Double) -> Bool {
        (maxRounds < 0 || table.placements.count < maxRounds) && table.score > minScore
    }

    /// Tries one balancing step; returns the improved table, or nil when no step qualifies.
    public mutating func step(_ table: BalanceTable) -> BalanceTable? {
        var next = table
        return advance(&next) == nil ? nil : next
    }

    /// Tries one balancing step on `table` in place (no copy of its nodes and instances when it holds them
    /// alone); returns the moved instance as it was before the step, or nil, leaving `table` as it was, when no
    /// step qualifies.
    public mutating func advance(_ table: inout BalanceTable) -> Instance? {
        let initial = table.score
        let best = search(table)
        guard let victim = best.instance, let move = best.move else { return nil }
        let finalScore = best.score
        guard finalScore < initial && (initial > options.minGainLimit || initial - finalScore >= options.minGain) else {
            return nil
        }
        let before = table.cluster.instances[victim.value]
        guard case .success(let applied) = MoveApplication.apply(move, to: before, nodes: table.cluster.nodes,
                                                                 force: options.ignoreSoftErrors) else {
            preconditionFailure("the chosen move must apply")
        }
        assert(evaluator.exactScore(replacing: applied.changedNodes) == finalScore,
               "lean and full move evaluation disagree")
        // Nodes the move left as they were do not count as touched (see `Node.evaluatesAlike`).
        let touched = applied.changedNodes.filter { !table.cluster.nodes[$0.0.value].evaluatesAlike($0.1) }.map(\.0)
        for (i, n) in applied.changedNodes { table.cluster.nodes[i.value] = n }
        table.cluster.instances[victim.value] = applied.instance
        table.score = finalScore
        table.placements.append(BalancingStep(instance: victim, primary: applied.primary,
                                              secondary: applied.secondary, move: move, score: finalScore))
        lastDrift = evaluator.commit(applied.changedNodes)
        lastChanged = touched
        stepsTaken += 1
        return before
    }

    /// The victims of a step, in scan order.
    func victims(_ table: BalanceTable) -> [InstanceIndex] {
        let nodes = table.cluster.nodes, instances = table.cluster.instances
        let evacuating = options.evacuationMode
        var out: [InstanceIndex] = []
        out.reserveCapacity(table.memberInstances.count)
        // Field by field: copying whole instances (names, tags) per step costs more than the test itself.
        for i in table.memberInstances {
            guard instances[i.value].movable && instances[i.value].autoBalance else { continue }
            if evacuating {
                // `Instance.allNodes`: the secondary counts for DRBD only.
                let primaryOffline = nodes[instances[i.value].primary.value].offline
                let secondaryOffline = instances[i.value].diskTemplate == .drbd
                    && (instances[i.value].secondary.map { nodes[$0.value].offline } ?? false)
                if !primaryOffline && !secondaryOffline { continue }
            }
            out.append(i)
        }
        return out
    }

    /// The best candidate of a step (`BestCandidate.none` of the current score when nothing improves).
    private mutating func search(_ table: BalanceTable) -> BestCandidate {
        let nodes = table.cluster.nodes
        let online = table.memberNodes.filter { !nodes[$0.value].offline }
        var onlinePosition = [Int](repeating: -1, count: nodes.count)
        for (k, n) in online.enumerated() { onlinePosition[n.value] = k }
        let victims = self.victims(table)
        let scan = VictimScan(cluster: table.cluster, victims: victims, online: online, onlinePosition: onlinePosition, options: options,
                              evaluator: evaluator, context: LeanContext(nodes: nodes))
        // On small groups most candidates touch one of the step's nodes anyway: the plain search is faster there,
        // except when evacuating, where the few victims sit on offline nodes that no step touches in a way that
        // matters (see below).
        let worthCarrying = options.evacuationMode || online.count >= options.carryingMinimumNodes
        guard options.carryBounds && !locationTags && worthCarrying else {
            return Balancer.searchAll(victims, scan: scan, threads: threads(victims.count * max(1, online.count)),
                                      initial: table.score)
        }
        if bounds == nil || !isKnownUniquelyReferenced(&bounds!) || bounds!.slots != online.count + 1 {
            bounds = VictimBounds(instances: table.cluster.instances.count, targets: online.count)
        }
        let store = bounds!
        let step = stepsTaken
        var touched: [NodeIndex] = []
        var isTouched = [Bool](repeating: false, count: nodes.count)
        for n in lastChanged where onlinePosition[n.value] >= 0 && !isTouched[n.value] {
            touched.append(n)
            isTouched[n.value] = true
        }
        touched.sort { onlinePosition[$0.value] < onlinePosition[$1.value] }
        let drift = lastDrift
        // Carry every current record across the last step; victims on touched online nodes start afresh. An
        // offline node's row only counts its instances, so moving a victim off it changes that row by the same
        // amount whatever else the step did there: its candidates keep their changes and the record carries.
        var carried = [Bool](repeating: false, count: victims.count)
        var first = -1, firstLow = Double.infinity
        // Field by field, as in `victims`: copying whole instances per victim and step costs more than the test.
        let instances = table.cluster.instances
        for (v, i) in victims.enumerated() {
            guard let drift, store.step[i.value] == step - 1, !isTouched[instances[i.value].primary.value],
                  !(instances[i.value].secondary.map { isTouched[$0.value] } ?? false) else { continue }
            let low = store.advance(i.value, drift: drift, to: step)
            guard store.step[i.value] == step else { continue }
            carried[v] = true
            if low < firstLow { first = v; firstLow = low }
        }
        // The most promising victim first, so that every other one is measured against a good candidate.
        var seed = BestCandidate.none(table.score)
        let seeded = first >= 0 && firstLow < table.score ? first : -1
        if seeded >= 0 {
            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: VictimScan.scratchSize)
            defer { scratch.deallocate() }
            scan.scan(victims[seeded], position: seeded, choice: .promising, touched: touched, isTouched: isTouched,
                      record: .init(bounds: store, instance: victims[seeded].value), scratch: scratch, best: &seed)
        }
        let work = carried.reduce(0) { $0 + ($1 ? touched.count : online.count) }
        return Balancer.searchChunks(victims.count, chunks: threads(work) == 1 ? 1 : 32 * threads(work),
                                     from: seed) { range, best, scratch, ceiling in
            for v in range where v != seeded {
                ceiling?.exchange(&best)
                let i = victims[v].value
                let choice: VictimScan.Choice
                if !carried[v] {
                    store.reset(i, step: step)
                    choice = .all
                } else if store.low(i) >= best.limit(v, 0) {
                    choice = .touched
                } else {
                    choice = .promising
                }
                scan.scan(victims[v], position: v, choice: choice, touched: touched, isTouched: isTouched,
                          record: .init(bounds: store, instance: i), scratch: scratch, best: &best)
            }
        }
    }

    /// Threads worth waking for `work` candidate evaluations (small scans are faster on one).
    private func threads(_ work: Int) -> Int { work < 2_000 ? 1 : max(1, options.threads) }

    /// The plain search: every candidate of every victim, pruned only within the step.
    private static func searchAll(_ victims: [InstanceIndex], scan: VictimScan, threads: Int,
                                  initial: Double) -> BestCandidate {
        searchChunks(victims.count, chunks: max(1, min(threads, victims.count)), from: .none(initial)) { range, best, scratch, ceiling in
            for v in range {
                ceiling?.exchange(&best)
                scan.scan(victims[v], position: v, choice: .all, touched: [], isTouched: [], record: nil,
                          scratch: scratch, best: &best)
            }
        }
    }

    /// Runs `body` over `chunks` even slices of the victim positions `0..<count` (concurrently when more than one),
    /// each with its own best candidate starting from `start`, its own scratch and, when concurrent, the step's
    /// shared ceiling; returns the better of them all.
    private static func searchChunks(_ count: Int, chunks: Int, from start: BestCandidate,
                                     _ body: (Range<Int>, inout BestCandidate, UnsafeMutablePointer<Double>,
                                              SharedCeiling?) -> Void)
        -> BestCandidate {
        var results = [BestCandidate](repeating: start, count: chunks)
        let ceiling = chunks == 1 ? nil : SharedCeiling(start.score)
        results.withUnsafeMutableBufferPointer { out in
            let out = out
            func run(_ t: Int) {
                var best = start
                let scratch = UnsafeMutablePointer<Double>.allocate(capacity: VictimScan.scratchSize)
                defer { scratch.deallocate() }
                body(count * t / chunks ..< count * (t + 1) / chunks, &best, scratch, ceiling)
                out[t] = best
            }
            if chunks == 1 { run(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: run) }
        }
        return results.reduce(start, BestCandidate.better)
    }
}
