/// The best candidate found so far in a step, with its place in htools' scan order.
struct BestCandidate {
    var score: Double
    /// Position of the victim in the step's victim list (`Int.min` while no move has been found).
    var victim: Int
    /// Position of the candidate within its victim's scan (see `VictimScan.ordinal`).
    var ordinal: Int
    var instance: InstanceIndex? = nil
    var move: InstanceMove? = nil
    /// Just above the exact score of a candidate found elsewhere in the step (`SharedCeiling`): nothing at or
    /// above it can win (kept as the limit itself, so that `limit` costs one comparison per candidate).
    var ceilingLimit = Double.infinity

    /// No move yet: candidates must beat `score` strictly.
    static func none(_ score: Double) -> BestCandidate { BestCandidate(score: score, victim: .min, ordinal: 0) }

    /// Whether a candidate at (`victim`, `ordinal`) comes before this one in scan order.
    @inline(__always) func follows(_ victim: Int, _ ordinal: Int) -> Bool {
        victim < self.victim || (victim == self.victim && ordinal < self.ordinal)
    }

    /// The score a candidate at (`victim`, `ordinal`) must get below to win: ties go to the earlier candidate,
    /// so an earlier one wins with an equal score.
    @inline(__always) func limit(_ victim: Int, _ ordinal: Int) -> Double {
        min(follows(victim, ordinal) ? score.nextUp : score, ceilingLimit)
    }

    /// Whether a candidate with `exact` at (`victim`, `ordinal`) replaces this one (htools' `compareTables` over
    /// the scan order).
    @inline(__always) func isBeaten(by exact: Double, _ victim: Int, _ ordinal: Int) -> Bool {
        exact < score || (exact == score && follows(victim, ordinal))
    }

    /// The better of two, by score then scan order.
    static func better(_ a: BestCandidate, _ b: BestCandidate) -> BestCandidate {
        guard let _ = b.instance else { return a }
        guard let _ = a.instance else { return b }
        return a.isBeaten(by: b.score, b.victim, b.ordinal) ? b : a
    }
}

/// The candidate moves of one victim instance, in htools' scan order (`checkInstanceMove`): failover first,
/// then every target with the move kinds `possibleMoves` allows.
///
/// A class, so that calls pass one reference instead of copying (and retaining) the step's tables.
final class VictimScan: @unchecked Sendable {
    let cluster: Cluster
    let online: [NodeIndex]
    /// Position of each node in `online`, or -1.
    let onlinePosition: [Int]
    let options: BalanceOptions
    let evaluator: ScoreEvaluator
    let context: LeanContext

    /// The victims' instances in a buffer of their own, by instance index, read in place by the scans (reading
    /// them from the array would retain and release its shared buffer on every scan, from every thread). Only the
    /// victims' entries are initialised.
    private let instances: UnsafeMutablePointer<Instance>
    private let victims: [InstanceIndex]

    /// The scans of `victims` (each index at most once) in `cluster`.
    init(cluster: Cluster, victims: [InstanceIndex], online: [NodeIndex], onlinePosition: [Int], options: BalanceOptions,
         evaluator: ScoreEvaluator, context: LeanContext) {
        self.cluster = cluster; self.online = online; self.onlinePosition = onlinePosition; self.options = options
        self.evaluator = evaluator; self.context = context
        self.victims = victims
        instances = .allocate(capacity: max(1, cluster.instances.count))
        cluster.instances.withUnsafeBufferPointer { all in
            for v in victims { (instances + v.value).initialize(to: all[v.value]) }
        }
    }

    deinit {
        for v in victims { (instances + v.value).deinitialize(count: 1) }
        instances.deallocate()
    }

    /// Scratch doubles one scanning thread needs: rows and sums, the prepared victim's area, the changed nodes.
    @inline(__always) static var scratchSize: Int {
        changesOffset + (MemoryLayout<LeanChanges>.stride + 7) / 8
    }

    /// Where in the scratch area the changed nodes of unprepared candidates are built.
    @inline(__always) static var changesOffset: Int { 5 * ScoreEvaluator.rowWidth + LeanVictimMoves.scratchSize }

    /// The candidate's position within its victim's scan: failover 0, then four slots per online target.
    @inline(__always) static func ordinal(_ move: InstanceMove, targetPosition: Int) -> Int {
        switch move {
        case .failover: return 0
        case .failoverToAny, .replaceSecondary: return 1 + 4 * targetPosition
        case .replaceAndFailover: return 2 + 4 * targetPosition
        case .replacePrimary: return 3 + 4 * targetPosition
        case .failoverAndReplace: return 4 + 4 * targetPosition
        }
    }

    /// Which candidates of a victim a scan evaluates.
    enum Choice {
        /// Every candidate (into a fresh record, or pruned when there is none).
        case all
        /// Only those towards the step's touched targets (no failover).
        case touched
        /// Those towards touched targets and those whose carried slot bound may beat the best so far.
        case promising
    }

    /// The carried bounds a scan reads and updates: victim `instance`'s record in `bounds`.
    struct Record {
        let bounds: VictimBounds
        let instance: Int
    }

    /// Scans victim `index` at `position` as `choice` says; `touched` lists the step's touched online targets in
    /// online order and `isTouched` flags them by node. With a `record`, every evaluated candidate's full bound
    /// goes into its slot and its statistics into the record; without one, candidates are pruned against
    /// `best` as early as possible.
    func scan(_ index: InstanceIndex, position: Int, choice: Choice, touched: [NodeIndex], isTouched: [Bool],
              record: Record?, scratch: UnsafeMutablePointer<Double>, best: inout BestCandidate) {
        let victim = LeanVictim(at: instances + index.value)
        let force = options.ignoreSoftErrors
        let secondaryUsable = victim.secondary.map { onlinePosition[$0.value] >= 0 } ?? false
        let useSecondary = secondaryUsable && options.instanceMoves
        let mirror = victim.mirrorType
        let w = ScoreEvaluator.rowWidth
        // A carried record keeps the fixed rows' statistics of its fresh scan (the victim's own rows are unchanged
        // since): only a fresh scan computes them.
        let prepared: LeanVictimMoves? = context.moves.anyLocation || mirror != .internal ? nil
            : LeanVictimMoves(victim: victim, context: context, evaluator: evaluator, force: force,
                              scratch: scratch + 5 * w, statistics: record != nil, fixedShare: choice == .all,
                              typicalRows: choice == .all)
        // Not retained per candidate: `prepared` lives to the end of the scan (see the end).
        let preparedRef = prepared.map { Unmanaged.passUnretained($0) }
        // Candidates without a prepared victim build their changed nodes here, in place: a local would be copied
        // out and back (three 448-byte nodes) for every candidate. Plain values, written before they are read.
        assert(_isPOD(LeanChanges.self) && MemoryLayout<LeanChanges>.alignment <= MemoryLayout<Double>.alignment,
               "the changed nodes live in raw scratch memory")
        let changed = UnsafeMutableRawPointer(scratch + VictimScan.changesOffset).bindMemory(to: LeanChanges.self, capacity: 1)
        // The target-dependent rows' share of the statistics of prepared candidates (folded in at the end).
        let varying = scratch + 3 * w
        var anyPrepared = false
        if record != nil && prepared != nil { varying.initialize(repeating: 0, count: 2 * w) }
        // The record as raw pointers (no reference counting per candidate); without one they point at scratch.
        let hasRecord = record != nil
        let slotRow = record.map { $0.bounds.slotRow($0.instance) } ?? scratch
        let least = record.map { $0.bounds.least + $0.instance } ?? scratch
        let offset = record.map { $0.bounds.offset[$0.instance] } ?? 0
        let stats = record.map { $0.bounds.stats($0.instance) } ?? scratch
        var leastCleared = false
        func clear(_ slot: Int) {
            guard hasRecord else { return }
            if slotRow[slot] <= least.pointee { leastCleared = true }
            slotRow[slot] = .infinity
        }
        func consider(_ move: InstanceMove, _ ordinal: Int, slot: Int) {
            let rows: CandidateRows
            var kind: LeanVictimMoves.Kind? = nil
            if let preparedRef, move != .failover {
                guard let c = preparedRef._withUnsafeGuaranteedRef({ $0.candidate(move, context: context) }) else { return }
                rows = c.rows
                kind = c.kind
            } else {
                guard context.moves.evaluate(move, victim: victim, force: force, into: &changed.pointee) else { return }
                rows = context.rows(changed, victim: victim, evaluator: evaluator, scratch: scratch)
            }
            let limit = best.limit(position, ordinal)
            if hasRecord {
                let bound: Double
                if let kind {
                    anyPrepared = true
                    bound = preparedRef.unsafelyUnwrapped._withUnsafeGuaranteedRef {
                        $0.boundAndStatistics(rows, kind: kind, into: varying, evaluator: evaluator)
                    }
                } else {
                    bound = evaluator.boundAndStatistics(rows, fixed: 0, partial: evaluator.fastView.basePartial,
                                                         parts: evaluator.fastView.baseParts, into: stats)
                }
                VictimBounds.fold(bound, offset: offset, into: slotRow, slot: slot, least: least)
                if bound >= limit { return }
            } else if let kind {
                if preparedRef.unsafelyUnwrapped._withUnsafeGuaranteedRef({
                    $0.cannotBeat(rows, kind: kind, best: limit, evaluator: evaluator)
                }) { return }
            } else if evaluator.cannotBeat(rows, best: limit) {
                return
            }
            let exact = evaluator.exactScore(rows)
            if best.isBeaten(by: exact, position, ordinal) {
                best = BestCandidate(score: exact, victim: position, ordinal: ordinal, instance: index, move: move)
            }
        }
        if mirror == .internal && useSecondary {
            switch choice {
            case .all:
                consider(.failover, 0, slot: 0)
            case .touched:
                break
            case .promising:
                if VictimBounds.carried(slotRow[0], offset: offset) < best.limit(position, 0) {
                    clear(0)
                    consider(.failover, 0, slot: 0)
                }
            }
        }
        let primaryOffline = context.moves.lean.nodes[victim.primary.value].offline
        let kinds = MoveKinds(mirror: mirror, secondaryUsable: useSecondary, instanceMoves: options.instanceMoves,
                                  diskMoves: options.diskMoves, restrictedMigration: options.restrictedMigration,
                                  primaryOffline: primaryOffline, target: victim.primary)
        if !kinds.isEmpty {
            // Plain values for the per-target test (no class or array access per target).
            let mode: Int
            switch choice {
            case .all: mode = 0
            case .touched: mode = 1
            case .promising: mode = 2
            }
            let primary = victim.primary, secondary = victim.secondary
            let firstKind = kinds[0]
            let targets = mode == 1 ? touched : online
            kinds.withKinds { kinds in
            isTouched.withUnsafeBufferPointer { flags in
                onlinePosition.withUnsafeBufferPointer { positions in
                    for target in targets where target != primary && target != secondary {
                        let tp = positions[target.value]
                        if mode != 0 {
                            if !flags[target.value] {
                                // Only `promising` scans reach untouched targets.
                                let carried = VictimBounds.carried(slotRow[tp + 1], offset: offset)
                                let first = VictimScan.ordinal(firstKind.retargeted(target), targetPosition: tp)
                                if carried >= best.limit(position, first) { continue }
                            }
                            clear(tp + 1)
                        }
                        for k in kinds {
                            let move = k.retargeted(target)
                            consider(move, VictimScan.ordinal(move, targetPosition: tp), slot: tp + 1)
                        }
                    }
                }
            }
            }
        }
        if let record, let prepared, choice == .all {
            record.bounds.fixed(record.instance).update(from: prepared.fixedStatistics, count: VictimBounds.statsWidth)
        }
        if let record, anyPrepared {
            let fixed = record.bounds.fixed(record.instance)
            for c in 0..<w {
                let improvement = fixed[c] + varying[c], shift = fixed[w + c] + varying[w + c]
                if !(improvement <= stats[c]) { stats[c] = improvement }
                if !(shift <= stats[w + c]) { stats[w + c] = shift }
            }
        }
        if let record, leastCleared { record.bounds.refreshLeast(record.instance) }
        withExtendedLifetime(prepared) {}
    }
}

extension InstanceMove {
    /// The same kind of move towards `target` (failover has none).
    @inline(__always) func retargeted(_ target: NodeIndex) -> InstanceMove {
        switch self {
        case .failover: return .failover
        case .failoverToAny: return .failoverToAny(target)
        case .replacePrimary: return .replacePrimary(target)
        case .replaceSecondary: return .replaceSecondary(target)
        case .replaceAndFailover: return .replaceAndFailover(target)
        case .failoverAndReplace: return .failoverAndReplace(target)
        }
    }
}
