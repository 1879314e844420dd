/// Candidate scoring for one victim with the target-independent parts computed once.
///
/// For a given instance every move kind first removes it from its current nodes; those steps,
/// their checks, their score rows and their share of the running sums do not depend on the
/// target node, so they are prepared once per victim and only the target's own operations run
/// per candidate. Valid only when no node carries location tags (then location scores do not
/// depend on the target); otherwise callers use `LeanMoveEvaluation.evaluate`.
final class LeanVictimMoves {
    /// Move kinds prepared here, in scratch-area order. The two "typical" kinds are replace-and-failover and
    /// replace-primary towards a target whose peer entry on the own node leaves that node's row as with no
    /// peer at all (most targets): that row is then fixed too, and only the target's row varies.
    enum Kind: Int, CaseIterable {
        case replaceSecondary, replaceAndFailover, replacePrimary, failoverAndReplace
        case replaceAndFailoverTypical, replacePrimaryTypical

        /// Number of kinds (a literal; `LeanEvaluationTests` checks it against `allCases`).
        @inline(__always) static var count: Int { 6 }

        /// The move kind itself (a typical kind is the same move).
        var move: Kind {
            switch self {
            case .replaceAndFailoverTypical: return .replaceAndFailover
            case .replacePrimaryTypical: return .replacePrimary
            default: return self
            }
        }
    }

    /// The victim (a strong reference: reading it in a method is then a borrow, with no reference counting).
    let victim: LeanVictim
    let force: Bool
    let primary: NodeIndex
    let secondary: NodeIndex
    /// The primary without the victim, and the trial node (nil when the trial failed), kept in the scratch area
    /// so that calls read them in place (see `LeanNode.primaryFailureInPlace`).
    let primaryWithout: UnsafeMutablePointer<LeanNode>
    let trial: UnsafeMutablePointer<LeanNode>?
    let primaryOffline: Bool
    let secondaryOffline: Bool
    let secondaryMigrationOK: Bool
    /// Whether each kind's fixed part succeeded.
    private let valid: (Bool, Bool, Bool, Bool)
    private let rows: (CandidateRows, CandidateRows, CandidateRows, CandidateRows)
    /// Whether the typical kinds are prepared, and whether each one's fixed rows were accepted.
    private let typical: Bool
    private let typicalValid: (Bool, Bool)
    private let typicalBlocks: (CandidateRows, CandidateRows)
    private let area: UnsafeMutablePointer<Double>
    /// Member position of each node (`evaluator.position`, kept alive by the evaluator the callers pass).
    private let positions: UnsafeMutablePointer<Int>
    /// The victim as its moves place it (no location score: callers use this only without location tags).
    private let placed: LeanInstance
    /// Whether target rows are written directly (`writeRowAfterAdding…`) instead of from updated node copies
    /// (not for forthcoming instances, whose updates the shortcuts do not cover).
    private let direct: Bool
    /// The base nodes' own score rows (`LeanContext.baseRows`, kept alive by the context the callers pass;
    /// a pointer, because retaining the shared table from every thread for every victim is costly).
    private let baseRows: UnsafeMutablePointer<Double>
    /// The base lean nodes, read in place (kept alive by the context the callers pass).
    private let leanNodes: UnsafeMutablePointer<LeanNode>
    /// The target whose row after gaining the victim as a primary replace-and-failover wrote last, or -1, and
    /// where: replace-primary, scanned right after it, needs the same row.
    private var primaryRowTarget = -1
    private var primaryRow: UnsafeMutablePointer<Double>
    /// Whether replace-and-failover's candidate towards `primaryRowTarget` was of the typical kind (its only varying
    /// row the target's).
    private var primaryRowTypical = false
    /// The target replace-secondary last tried, or -1, with the peer memory and force it was tried with and
    /// whether the target accepted: failover-and-replace, scanned two kinds later, gives the target the same
    /// secondary and so the same row when the peer memory and force are the same (its row is then in `rows.0`).
    private var secondaryRowTarget = -1
    private var secondaryRowPeer = 0
    private var secondaryRowForce = false
    private var secondaryRowAccepted = false
    /// The target replace-and-failover last checked as a primary for the victim, or -1, with the force of that
    /// check and its outcome: replace-primary, scanned right after it, makes the same check.
    private var primaryCheckTarget = -1
    private var primaryCheckForce = false
    private var primaryCheckAccepted = false
    /// Whether the last candidate's varying rows are those of a candidate already folded into the statistics in
    /// this scan (the same target row at the same node, with no other varying row): its statistics are the same,
    /// and folding them again changes nothing.
    private(set) var statisticsShared = false

    /// Scratch doubles per kind: three rows, the partial sums (`ScoreEvaluator.preparePartial`) and the parts
    /// with only the fixed rows changed (`ScoreEvaluator.prepareParts`).
    @inline(__always) private static var block: Int { 3 * ScoreEvaluator.rowWidth + ScoreEvaluator.partialSize + ScoreEvaluator.partsSize }

    /// Scratch doubles needed per thread: the kinds' blocks, the statistics, the trial row and two nodes.
    @inline(__always) static var scratchSize: Int { nodesOffset + (2 * MemoryLayout<LeanNode>.stride + 7) / 8 }

    /// Where in the scratch area the trial node's score row is kept (after the kinds' blocks and the statistics).
    @inline(__always) private static var trialRowOffset: Int { Kind.count * block + 2 * ScoreEvaluator.rowWidth }

    /// Where in the scratch area the primary without the victim and the trial node are kept.
    @inline(__always) private static var nodesOffset: Int { Kind.count * block + 3 * ScoreEvaluator.rowWidth }

    /// Over every kind, the fixed rows' share of the victim statistics (see `ScoreEvaluator.foldPartStatistics`):
    /// n·variance improvements, then |input-sum changes| (filled when prepared with statistics and `fixedShare`).
    var fixedStatistics: UnsafeMutablePointer<Double> { area + Kind.count * LeanVictimMoves.block }

    /// Prepares the victim's moves; nil when it has no secondary or a node is outside the scored set.
    /// `typicalRows` also prepares the typical kinds (worth it when many targets will be scanned). With
    /// `statistics` the kinds' parts are prepared for `boundAndStatistics`, and with `fixedShare` too the fixed
    /// rows' statistics (`fixedStatistics`; callers that carry them from an earlier scan leave them out).
    init?(victim v: __shared LeanVictim, context: __shared LeanContext, evaluator: __shared ScoreEvaluator, force: Bool,
          scratch: UnsafeMutablePointer<Double>, statistics: Bool, fixedShare: Bool = true, typicalRows: Bool = false) {
        guard let s = v.secondary, evaluator.position[v.primary.value] >= 0, evaluator.position[s.value] >= 0 else { return nil }
        victim = v; self.force = force
        positions = evaluator.fastView.positions
        primary = v.primary; secondary = s; self.area = scratch
        primaryRow = scratch
        let p = v.primary
        var li = v.lean
        li.locationScore = 0
        placed = li
        direct = !li.forthcoming
        baseRows = context.baseRows.storage
        leanNodes = context.moves.lean.nodes
        primaryOffline = context.moves.lean[p.value].offline
        secondaryOffline = context.moves.lean[s.value].offline
        secondaryMigrationOK = context.moves.migrates(p, s)
        let forceP = primaryOffline || force
        var intP = context.moves.lean[p.value]
        intP.removePrimary(v.lean, desired: context.moves.desired(v, p))
        let nodeArea = UnsafeMutableRawPointer(scratch + LeanVictimMoves.nodesOffset).bindMemory(to: LeanNode.self, capacity: 2)
        nodeArea.initialize(to: intP)
        primaryWithout = nodeArea
        var intS = context.moves.lean[s.value]
        intS.removeSecondary(v.lean, primaryKey: p.value, peers: context.moves.peers)
        var readd = intP
        let readdOK = readd.addPrimary(li, force: true, desired: context.moves.desired(v, p), tagClash: false) == nil
        var t = intS
        var trialOK = t.addPrimary(li, force: forceP, desired: context.moves.desired(v, s), tagClash: context.moves.clash(v, s)) == nil
        if trialOK { t.removePrimary(li, desired: context.moves.desired(v, s)) }
        trialOK = trialOK && secondaryMigrationOK
        if trialOK { (nodeArea + 1).initialize(to: t) }
        trial = trialOK ? nodeArea + 1 : nil
        if trialOK { context.writeRow(t, victim: v, into: scratch + LeanVictimMoves.trialRowOffset) }
        var asPrimary = intS
        let asPrimaryOK = secondaryMigrationOK
            && asPrimary.addPrimary(li, force: forceP, desired: context.moves.desired(v, s), tagClash: context.moves.clash(v, s)) == nil

        let pp = evaluator.position[p.value], sp = evaluator.position[s.value]
        func rowsArea(_ kind: Kind) -> CandidateRows {
            var r = CandidateRows(storage: scratch + kind.rawValue * LeanVictimMoves.block)
            r.spread = evaluator.baseSpread
            return r
        }
        func partialArea(_ kind: Kind) -> UnsafeMutablePointer<Double> {
            scratch + kind.rawValue * LeanVictimMoves.block + 3 * ScoreEvaluator.rowWidth
        }
        // The kinds share their first fixed row: replace-secondary and the typical replace-and-failover start with
        // replace-and-failover's (the secondary without the victim), failover-and-replace and the typical
        // replace-primary with replace-primary's (the primary without it). Their sums extend the shared row's.
        let w = ScoreEvaluator.rowWidth
        var rf = rowsArea(.replaceAndFailover)
        context.writeRow(intS, victim: v, into: rf.slot(0, position: sp))
        evaluator.preparePartial(rf, fixed: 1, into: partialArea(.replaceAndFailover))
        var rs = rowsArea(.replaceSecondary)
        rs.slot(0, position: sp).update(from: rf.row(0), count: w)
        context.writeRow(readd, victim: v, into: rs.slot(1, position: pp))
        evaluator.extendPartial(partialArea(.replaceAndFailover), row: rs.row(1), position: pp,
                                into: partialArea(.replaceSecondary))
        var rp = rowsArea(.replacePrimary)
        context.writeRow(intP, victim: v, into: rp.slot(0, position: pp))
        evaluator.preparePartial(rp, fixed: 1, into: partialArea(.replacePrimary))
        var fr = rowsArea(.failoverAndReplace)
        fr.slot(0, position: pp).update(from: rp.row(0), count: w)
        context.writeRow(asPrimary, victim: v, into: fr.slot(1, position: sp))
        evaluator.extendPartial(partialArea(.replacePrimary), row: fr.row(1), position: sp,
                                into: partialArea(.failoverAndReplace))
        assert(LeanVictimMoves.partialMatches(rs, fixed: 2, partial: partialArea(.replaceSecondary), evaluator: evaluator)
               && LeanVictimMoves.partialMatches(fr, fixed: 2, partial: partialArea(.failoverAndReplace), evaluator: evaluator),
               "extended partial sums differ from prepared ones")
        rows = (rs, rf, rp, fr)
        valid = (readdOK, true, trialOK, asPrimaryOK)
        // The typical kinds: the own node that gains the secondary gets its row for "no current peer".
        var rfT = rowsArea(.replaceAndFailoverTypical)
        var rpT = rowsArea(.replacePrimaryTypical)
        var rfTOK = false, rpTOK = false
        if typicalRows {
            rfT.slot(0, position: sp).update(from: rf.row(0), count: w)
            rfTOK = intP.writeRowAfterAddingSecondary(li, currentPeer: 0, force: secondaryOffline || force,
                                                      baseRow: rp.row(0), into: rfT.slot(1, position: pp))
            if rfTOK {
                evaluator.extendPartial(partialArea(.replaceAndFailover), row: rfT.row(1), position: pp,
                                        into: partialArea(.replaceAndFailoverTypical))
                assert(LeanVictimMoves.partialMatches(rfT, fixed: 2, partial: partialArea(.replaceAndFailoverTypical), evaluator: evaluator),
                       "extended partial sums differ from prepared ones")
            }
            rpT.slot(0, position: pp).update(from: rp.row(0), count: w)
            if let t = trial {
                rpTOK = t.pointee.writeRowAfterAddingSecondaryInPlace(li, currentPeer: 0, force: forceP,
                                                       baseRow: scratch + LeanVictimMoves.trialRowOffset,
                                                       into: rpT.slot(1, position: sp))
            }
            if rpTOK {
                evaluator.extendPartial(partialArea(.replacePrimary), row: rpT.row(1), position: sp,
                                        into: partialArea(.replacePrimaryTypical))
                assert(LeanVictimMoves.partialMatches(rpT, fixed: 2, partial: partialArea(.replacePrimaryTypical), evaluator: evaluator),
                       "extended partial sums differ from prepared ones")
            }
        }
        typical = typicalRows
        typicalValid = (rfTOK, rpTOK)
        typicalBlocks = (rfT, rpT)
        if statistics {
            for raw in 0..<Kind.count {
                let kind = Kind(rawValue: raw).unsafelyUnwrapped
                if kind == .replaceAndFailoverTypical && !rfTOK || kind == .replacePrimaryTypical && !rpTOK { continue }
                evaluator.prepareParts(partialArea(kind), spread: evaluator.baseSpread,
                                       into: partialArea(kind) + ScoreEvaluator.partialSize)
            }
            guard fixedShare else { return }
            let stats = scratch + Kind.count * LeanVictimMoves.block
            stats.initialize(repeating: 0, count: 2 * w)
            evaluator.foldPartStatistics(rs, rows: 0..<2, improvement: stats, shift: stats + w)
            evaluator.foldPartStatistics(rf, rows: 0..<1, improvement: stats, shift: stats + w)
            evaluator.foldPartStatistics(rp, rows: 0..<1, improvement: stats, shift: stats + w)
            evaluator.foldPartStatistics(fr, rows: 0..<2, improvement: stats, shift: stats + w)
            if rfTOK { evaluator.foldPartStatistics(rfT, rows: 0..<2, improvement: stats, shift: stats + w) }
            if rpTOK { evaluator.foldPartStatistics(rpT, rows: 0..<2, improvement: stats, shift: stats + w) }
        }
    }

    /// Debug check: `partial` holds `preparePartial` of the first `fixed` rows of `rows`, bit for bit.
    private static func partialMatches(_ rows: CandidateRows, fixed: Int, partial: UnsafePointer<Double>,
                                       evaluator: ScoreEvaluator) -> Bool {
        let n = ScoreEvaluator.partialSize
        let fresh = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { fresh.deallocate() }
        evaluator.preparePartial(rows, fixed: fixed, into: fresh)
        return (0..<n).allSatisfy { fresh[$0].bitPattern == partial[$0].bitPattern }
    }

    /// The rows of `kind` that do not depend on the target.
    @inline(__always) static func fixedRows(_ kind: Kind) -> Int {
        switch kind {
        case .replaceSecondary, .failoverAndReplace, .replaceAndFailoverTypical, .replacePrimaryTypical: return 2
        case .replaceAndFailover, .replacePrimary: return 1
        }
    }

    private func partial(_ kind: Kind) -> UnsafeMutablePointer<Double> {
        area + kind.rawValue * LeanVictimMoves.block + 3 * ScoreEvaluator.rowWidth
    }

    /// The score row of the trial node (the secondary after the instance was tried there as a primary).
    private var trialRow: UnsafeMutablePointer<Double> { area + LeanVictimMoves.trialRowOffset }

    /// The changed rows of `move` (a disk-moving kind) and its kind, or nil when the move is refused.
    func candidate(_ move: InstanceMove, context: LeanContext) -> (rows: CandidateRows, kind: Kind)? {
        statisticsShared = false
        guard direct else { return copyingCandidate(move, context: context) }
        let v = victim
        let result: (rows: CandidateRows, kind: Kind)?
        switch move {
        case .replaceSecondary(let t):
            guard valid.0 else { return nil }
            let peer = leanNodes[t.value].peer(primary.value, base: context.moves.peers)
            let forceS = secondaryOffline || force
            let r = targetGainingSecondary(rows.0, t, currentPeer: peer, force: forceS)
            secondaryRowTarget = t.value
            secondaryRowPeer = peer
            secondaryRowForce = forceS
            secondaryRowAccepted = r != nil
            guard let r else { return nil }
            result = (r, .replaceSecondary)
        case .replaceAndFailover(let t):
            guard context.moves.migrates(primary, t) else { return nil }
            let target = leanNodes + t.value
            let accepted = target.pointee.primaryFailureInPlace(placed, force: force, tagClash: context.moves.clash(v, t)) == nil
            primaryCheckTarget = t.value
            primaryCheckForce = force
            primaryCheckAccepted = accepted
            guard accepted else { return nil }
            let peer = primaryWithout.pointee.peer(t.value, base: context.moves.peers)
            let typicalTarget = typical && primaryWithout.pointee.addsSecondaryAsWithoutPeer(placed, currentPeer: peer)
            if typicalTarget && !typicalValid.0 { return nil }
            var r = typicalTarget ? typicalBlocks.0 : rows.1
            primaryRow = r.slot(2, position: positions[t.value])
            target.pointee.writeRowAfterAddingPrimaryInPlace(placed, desired: context.moves.desired(v, t), conflicts: context.conflictsAddingPrimary(t, victim: v),
                                                      into: primaryRow)
            primaryRowTarget = t.value
            primaryRowTypical = typicalTarget
            if typicalTarget {
                result = (r, .replaceAndFailoverTypical)
            } else {
                // The primary keeps its fixed row of replace-primary (the victim removed), then gains the secondary.
                guard primaryWithout.pointee.writeRowAfterAddingSecondaryInPlace(placed, currentPeer: peer, force: secondaryOffline || force,
                                                                  baseRow: rows.2.row(0),
                                                                  into: r.slot(1, position: positions[primary.value])) else { return nil }
                result = (r, .replaceAndFailover)
            }
        case .replacePrimary(let t):
            guard valid.2, let tr = trial, context.moves.migrates(secondary, t) else { return nil }
            let forceP = primaryOffline || force
            let target = leanNodes + t.value
            let accepted = primaryCheckTarget == t.value && primaryCheckForce == forceP ? primaryCheckAccepted
                : target.pointee.primaryFailureInPlace(placed, force: forceP, tagClash: context.moves.clash(v, t)) == nil
            guard accepted else { return nil }
            let peer = tr.pointee.peer(t.value, base: context.moves.peers)
            let typicalTarget = typical && tr.pointee.addsSecondaryAsWithoutPeer(placed, currentPeer: peer)
            var r: CandidateRows
            if typicalTarget {
                guard typicalValid.1 else { return nil }
                r = typicalBlocks.1
            } else {
                r = rows.2
                guard tr.pointee.writeRowAfterAddingSecondaryInPlace(placed, currentPeer: peer, force: forceP, baseRow: trialRow,
                                                      into: r.slot(1, position: positions[secondary.value])) else { return nil }
            }
            let targetRow = r.slot(2, position: positions[t.value])
            if primaryRowTarget == t.value {
                for c in 0..<ScoreEvaluator.rowWidth { targetRow[c] = primaryRow[c] }  // no memmove call
                statisticsShared = typicalTarget && primaryRowTypical
            } else {
                target.pointee.writeRowAfterAddingPrimaryInPlace(placed, desired: context.moves.desired(v, t),
                                                          conflicts: context.conflictsAddingPrimary(t, victim: v), into: targetRow)
            }
            result = (r, typicalTarget ? .replacePrimaryTypical : .replacePrimary)
        case .failoverAndReplace(let t):
            guard valid.3 else { return nil }
            let peer = leanNodes[t.value].peer(secondary.value, base: context.moves.peers)
            let forceP = primaryOffline || force
            if secondaryRowTarget == t.value && secondaryRowPeer == peer && secondaryRowForce == forceP {
                guard secondaryRowAccepted else { return nil }
                var r = rows.3
                let targetRow = r.slot(2, position: positions[t.value]), shared = rows.0.row(2)
                for c in 0..<ScoreEvaluator.rowWidth { targetRow[c] = shared[c] }  // no memmove call
                statisticsShared = true
                result = (r, .failoverAndReplace)
            } else {
                guard let r = targetGainingSecondary(rows.3, t, currentPeer: peer, force: forceP) else { return nil }
                result = (r, .failoverAndReplace)
            }
        case .failover, .failoverToAny:
            return nil
        }
        assert(matchesCopyingCandidate(move, result, context: context), "direct and copying candidate rows disagree")
        return result
    }

    /// `rows` with the row of target `t` after it gains the victim as a secondary, its peer memory towards the
    /// victim's primary being `currentPeer`, in slot 2, or nil when the target refuses it.
    @inline(__always)
    private func targetGainingSecondary(_ rows: CandidateRows, _ t: NodeIndex, currentPeer: Int, force: Bool) -> CandidateRows? {
        var r = rows
        let target = leanNodes + t.value
        guard target.pointee.writeRowAfterAddingSecondaryInPlace(placed, currentPeer: currentPeer,
                                                          force: force, baseRow: baseRows + t.value * ScoreEvaluator.rowWidth,
                                                          into: r.slot(2, position: positions[t.value])) else { return nil }
        return r
    }

    /// Debug check: the copying path gives the same acceptance and rows as the direct one.
    private func matchesCopyingCandidate(_ move: InstanceMove, _ direct: (rows: CandidateRows, kind: Kind)?,
                                         context: LeanContext) -> Bool {
        guard let direct else {
            // The copying path writes into the same rows: compare only acceptance.
            return copyingCandidate(move, context: context) == nil
        }
        let w = ScoreEvaluator.rowWidth
        let saved = (0..<(3 * w)).map { direct.rows.storage[$0] }
        guard let copied = copyingCandidate(move, context: context) else { return false }
        let same = (0..<(copied.rows.count * w)).allSatisfy { copied.rows.storage[$0].bitPattern == saved[$0].bitPattern }
        for k in 0..<(3 * w) { direct.rows.storage[k] = saved[k] }
        return same && copied.kind == direct.kind.move
    }

    /// `candidate` through updated copies of the target and own nodes (every instance, forthcoming ones too).
    private func copyingCandidate(_ move: InstanceMove, context: LeanContext) -> (rows: CandidateRows, kind: Kind)? {
        var li = victim.lean
        li.locationScore = 0
        let v = victim
        switch move {
        case .replaceSecondary(let t):
            guard valid.0 else { return nil }
            var target = context.moves.lean[t.value]
            if target.addSecondary(li, primaryKey: primary.value, peers: context.moves.peers, force: secondaryOffline || force,
                                   ignoreDisks: false) != nil { return nil }
            var r = rows.0
            context.writeRow(target, victim: v, into: r.slot(2, position: positions[t.value]))
            return (r, .replaceSecondary)
        case .replaceAndFailover(let t):
            guard context.moves.migrates(primary, t) else { return nil }
            var target = context.moves.lean[t.value]
            if target.addPrimary(li, force: force, desired: context.moves.desired(v, t), tagClash: context.moves.clash(v, t)) != nil { return nil }
            var intP = primaryWithout.pointee
            if intP.addSecondary(li, primaryKey: t.value, peers: context.moves.peers, force: secondaryOffline || force,
                                 ignoreDisks: false) != nil { return nil }
            var r = rows.1
            context.writeRow(intP, victim: v, into: r.slot(1, position: positions[primary.value]))
            context.writeRow(target, victim: v, into: r.slot(2, position: positions[t.value]))
            return (r, .replaceAndFailover)
        case .replacePrimary(let t):
            guard valid.2, var tr = trial?.pointee, context.moves.migrates(secondary, t) else { return nil }
            let forceP = primaryOffline || force
            var target = context.moves.lean[t.value]
            if target.addPrimary(li, force: forceP, desired: context.moves.desired(v, t), tagClash: context.moves.clash(v, t)) != nil { return nil }
            if tr.addSecondary(li, primaryKey: t.value, peers: context.moves.peers, force: forceP, ignoreDisks: false) != nil { return nil }
            var r = rows.2
            context.writeRow(tr, victim: v, into: r.slot(1, position: positions[secondary.value]))
            context.writeRow(target, victim: v, into: r.slot(2, position: positions[t.value]))
            return (r, .replacePrimary)
        case .failoverAndReplace(let t):
            guard valid.3 else { return nil }
            var target = context.moves.lean[t.value]
            if target.addSecondary(li, primaryKey: secondary.value, peers: context.moves.peers, force: primaryOffline || force,
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
    func cannotBeat(_ rows: CandidateRows, kind: Kind, best: Double, evaluator: ScoreEvaluator) -> Bool {
        evaluator.cannotBeat(rows, fixed: LeanVictimMoves.fixedRows(kind), partial: partial(kind), best: best)
    }

    /// A lower bound on the score of candidate `rows` of `kind`, with the target-dependent rows' statistics
    /// folded into `stats` (see `ScoreEvaluator.boundAndStatistics`).
    /// When the last candidate's statistics are shared (`statisticsShared`), only the bound is computed.
    func boundAndStatistics(_ rows: CandidateRows, kind: Kind, into stats: UnsafeMutablePointer<Double>,
                            evaluator: ScoreEvaluator) -> Double {
        let bound = evaluator.boundAndStatistics(rows, fixed: LeanVictimMoves.fixedRows(kind), partial: partial(kind),
                                                 parts: partial(kind) + ScoreEvaluator.partialSize, into: stats,
                                                 foldingStatistics: !statisticsShared)
        assert(!statisticsShared || sharedStatisticsHold(rows, kind: kind, bound: bound, stats: stats, evaluator: evaluator),
               "a candidate's statistics were taken as folded already, but folding them changes the statistics")
        return bound
    }

    /// Debug check: folding the candidate's statistics into `stats` leaves them as they are, and its full bound is
    /// `bound`.
    private func sharedStatisticsHold(_ rows: CandidateRows, kind: Kind, bound: Double, stats: UnsafeMutablePointer<Double>,
                                      evaluator: ScoreEvaluator) -> Bool {
        let n = VictimBounds.statsWidth
        let copy = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { copy.deallocate() }
        copy.update(from: stats, count: n)
        let full = evaluator.boundAndStatistics(rows, fixed: LeanVictimMoves.fixedRows(kind), partial: partial(kind),
                                                parts: partial(kind) + ScoreEvaluator.partialSize, into: copy)
        return full.bitPattern == bound.bitPattern && (0..<n).allSatisfy { copy[$0].bitPattern == stats[$0].bitPattern }
    }
}
