/// Candidate scoring for one victim with the target-independent parts computed once.
///
/// For a given instance every move kind first removes it from its current nodes; those steps,
/// their checks, their score rows and their share of the running sums do not depend on the
/// target node, so they are prepared once per victim and only the target's own operations run
/// per candidate. Valid only when no node carries location tags (then location scores do not
/// depend on the target); otherwise callers use `LeanMoveEvaluation.evaluate`.
final class LeanVictimMoves {
    /// Move kinds prepared here, in scratch-area order.
    enum Kind: Int, CaseIterable { case replaceSecondary, replaceAndFailover, replacePrimary, failoverAndReplace }

    let victim: LeanVictim
    let force: Bool
    let primary: NodeIndex
    let secondary: NodeIndex
    let primaryWithout: LeanNode
    let trial: LeanNode?
    let primaryOffline: Bool
    let secondaryOffline: Bool
    let secondaryMigrationOK: Bool
    /// Whether each kind's fixed part succeeded.
    private let valid: (Bool, Bool, Bool, Bool)
    private let rows: (CandidateRows, CandidateRows, CandidateRows, CandidateRows)
    private let area: UnsafeMutablePointer<Double>
    private let evaluator: ScoreEvaluator
    private let context: LeanContext
    /// `context.moves`, kept here so that candidates read it without copying it out of the context.
    private let moves: LeanMoveEvaluation
    /// Member position of each node (`evaluator.position`).
    private let positions: [Int]

    /// Scratch doubles per kind: three rows, the partial sums (`ScoreEvaluator.preparePartial`) and the parts
    /// with only the fixed rows changed (`ScoreEvaluator.prepareParts`).
    private static let block = 3 * ScoreEvaluator.rowWidth + ScoreEvaluator.partialSize + ScoreEvaluator.partsSize

    /// Scratch doubles needed per thread.
    static let scratchSize = Kind.allCases.count * block + 2 * ScoreEvaluator.rowWidth

    /// Over every kind, the fixed rows' share of the victim statistics (see `ScoreEvaluator.foldPartStatistics`):
    /// n·variance improvements, then |input-sum changes| (filled when prepared with statistics).
    var fixedStatistics: UnsafeMutablePointer<Double> { area + Kind.allCases.count * LeanVictimMoves.block }

    /// Prepares the victim's moves; nil when it has no secondary or a node is outside the scored set.
    init?(victim v: LeanVictim, context: LeanContext, evaluator: ScoreEvaluator, force: Bool,
          scratch: UnsafeMutablePointer<Double>, statistics: Bool) {
        let moves = context.moves
        let inst = v.instance
        guard let s = inst.secondary, evaluator.position[inst.primary.value] >= 0, evaluator.position[s.value] >= 0 else { return nil }
        victim = v; self.force = force; self.evaluator = evaluator; self.context = context
        self.moves = moves; positions = evaluator.position
        primary = inst.primary; secondary = s; self.area = scratch
        let p = inst.primary
        var li = v.lean
        li.locationScore = 0
        primaryOffline = moves.lean[p.value].offline
        secondaryOffline = moves.lean[s.value].offline
        secondaryMigrationOK = moves.migrates(p, s)
        let forceP = primaryOffline || force
        var intP = moves.lean[p.value]
        intP.removePrimary(v.lean, desired: moves.desired(v, p))
        primaryWithout = intP
        var intS = moves.lean[s.value]
        intS.removeSecondary(v.lean, primaryKey: p.value, peers: moves.peers)
        var readd = intP
        let readdOK = readd.addPrimary(li, force: true, desired: moves.desired(v, p), tagClash: false) == nil
        var t = intS
        var trialOK = t.addPrimary(li, force: forceP, desired: moves.desired(v, s), tagClash: moves.clash(v, s)) == nil
        if trialOK { t.removePrimary(li, desired: moves.desired(v, s)) }
        trialOK = trialOK && secondaryMigrationOK
        trial = trialOK ? t : nil
        var asPrimary = intS
        let asPrimaryOK = secondaryMigrationOK
            && asPrimary.addPrimary(li, force: forceP, desired: moves.desired(v, s), tagClash: moves.clash(v, s)) == nil

        let pp = evaluator.position[p.value], sp = evaluator.position[s.value]
        func rowsArea(_ kind: Kind) -> CandidateRows {
            var r = CandidateRows(storage: scratch + kind.rawValue * LeanVictimMoves.block)
            r.spread = evaluator.baseSpread
            return r
        }
        func partialArea(_ kind: Kind) -> UnsafeMutablePointer<Double> {
            scratch + kind.rawValue * LeanVictimMoves.block + 3 * ScoreEvaluator.rowWidth
        }
        var rs = rowsArea(.replaceSecondary)
        context.writeRow(intS, victim: v, into: rs.slot(0, position: sp))
        context.writeRow(readd, victim: v, into: rs.slot(1, position: pp))
        evaluator.preparePartial(rs, fixed: 2, into: partialArea(.replaceSecondary))
        var rf = rowsArea(.replaceAndFailover)
        context.writeRow(intS, victim: v, into: rf.slot(0, position: sp))
        evaluator.preparePartial(rf, fixed: 1, into: partialArea(.replaceAndFailover))
        var rp = rowsArea(.replacePrimary)
        context.writeRow(intP, victim: v, into: rp.slot(0, position: pp))
        evaluator.preparePartial(rp, fixed: 1, into: partialArea(.replacePrimary))
        var fr = rowsArea(.failoverAndReplace)
        context.writeRow(intP, victim: v, into: fr.slot(0, position: pp))
        context.writeRow(asPrimary, victim: v, into: fr.slot(1, position: sp))
        evaluator.preparePartial(fr, fixed: 2, into: partialArea(.failoverAndReplace))
        rows = (rs, rf, rp, fr)
        valid = (readdOK, true, trialOK, asPrimaryOK)
        if statistics {
            let w = ScoreEvaluator.rowWidth
            for kind in Kind.allCases {
                evaluator.prepareParts(partialArea(kind), spread: evaluator.baseSpread,
                                       into: partialArea(kind) + ScoreEvaluator.partialSize)
            }
            let stats = scratch + Kind.allCases.count * LeanVictimMoves.block
            stats.initialize(repeating: 0, count: 2 * w)
            evaluator.foldPartStatistics(rs, rows: 0..<2, improvement: stats, shift: stats + w)
            evaluator.foldPartStatistics(rf, rows: 0..<1, improvement: stats, shift: stats + w)
            evaluator.foldPartStatistics(rp, rows: 0..<1, improvement: stats, shift: stats + w)
            evaluator.foldPartStatistics(fr, rows: 0..<2, improvement: stats, shift: stats + w)
        }
    }

    /// The rows of `kind` that do not depend on the target.
    @inline(__always) static func fixedRows(_ kind: Kind) -> Int {
        switch kind {
        case .replaceSecondary, .failoverAndReplace: return 2
        case .replaceAndFailover, .replacePrimary: return 1
        }
    }

    private func partial(_ kind: Kind) -> UnsafeMutablePointer<Double> {
        area + kind.rawValue * LeanVictimMoves.block + 3 * ScoreEvaluator.rowWidth
    }

    /// The changed rows of `move` (a disk-moving kind) and its kind, or nil when the move is refused.
    func candidate(_ move: InstanceMove) -> (rows: CandidateRows, kind: Kind)? {
        var li = victim.lean
        li.locationScore = 0
        let v = victim
        switch move {
        case .replaceSecondary(let t):
            guard valid.0 else { return nil }
            var target = moves.lean[t.value]
            if target.addSecondary(li, primaryKey: primary.value, peers: moves.peers, force: secondaryOffline || force,
                                   ignoreDisks: false) != nil { return nil }
            var r = rows.0
            context.writeRow(target, victim: v, into: r.slot(2, position: positions[t.value]))
            return (r, .replaceSecondary)
        case .replaceAndFailover(let t):
            guard moves.migrates(primary, t) else { return nil }
            var target = moves.lean[t.value]
            if target.addPrimary(li, force: force, desired: moves.desired(v, t), tagClash: moves.clash(v, t)) != nil { return nil }
            var intP = primaryWithout
            if intP.addSecondary(li, primaryKey: t.value, peers: moves.peers, force: secondaryOffline || force,
                                 ignoreDisks: false) != nil { return nil }
            var r = rows.1
            context.writeRow(intP, victim: v, into: r.slot(1, position: positions[primary.value]))
            context.writeRow(target, victim: v, into: r.slot(2, position: positions[t.value]))
            return (r, .replaceAndFailover)
        case .replacePrimary(let t):
            guard valid.2, var tr = trial, moves.migrates(secondary, t) else { return nil }
            let forceP = primaryOffline || force
            var target = moves.lean[t.value]
            if target.addPrimary(li, force: forceP, desired: moves.desired(v, t), tagClash: moves.clash(v, t)) != nil { return nil }
            if tr.addSecondary(li, primaryKey: t.value, peers: moves.peers, force: forceP, ignoreDisks: false) != nil { return nil }
            var r = rows.2
            context.writeRow(tr, victim: v, into: r.slot(1, position: positions[secondary.value]))
            context.writeRow(target, victim: v, into: r.slot(2, position: positions[t.value]))
            return (r, .replacePrimary)
        case .failoverAndReplace(let t):
            guard valid.3 else { return nil }
            var target = moves.lean[t.value]
            if target.addSecondary(li, primaryKey: secondary.value, peers: moves.peers, force: primaryOffline || force,
                                   ignoreDisks: false) != nil { return nil }
            var r = rows.3
            context.writeRow(target, victim: v, into: r.slot(2, position: positions[t.value]))
            return (r, .failoverAndReplace)
        case .failover, .failoverToAny:
            return nil
        }
    }

    /// Whether the candidate `rows` of `kind` certainly cannot score strictly below `best` (the pruning test
    /// with the kind's fixed rows already folded in).
    func cannotBeat(_ rows: CandidateRows, kind: Kind, best: Double) -> Bool {
        evaluator.cannotBeat(rows, fixed: LeanVictimMoves.fixedRows(kind), partial: partial(kind), best: best)
    }

    /// A lower bound on the score of candidate `rows` of `kind`, with the target-dependent rows' statistics
    /// folded into `stats` (see `ScoreEvaluator.boundAndStatistics`).
    func boundAndStatistics(_ rows: CandidateRows, kind: Kind, into stats: UnsafeMutablePointer<Double>) -> Double {
        evaluator.boundAndStatistics(rows, fixed: LeanVictimMoves.fixedRows(kind), partial: partial(kind),
                                     parts: partial(kind) + ScoreEvaluator.partialSize, into: stats)
    }
}
