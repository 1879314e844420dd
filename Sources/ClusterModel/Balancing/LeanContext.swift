/// Per-step data for lean candidate evaluation: lean node copies and base tag-conflict counts.
struct LeanContext {
    /// Lean move evaluation over the step's base nodes.
    let moves: LeanMoveEvaluation
    /// `conflictingPrimaries` of each base node.
    let baseConflicts: [Int]
    /// Each base node's own score row (`LeanNode.writeScoreRow` with its base conflicts).
    let baseRows: RowTable

    init(nodes: [Node]) {
        moves = LeanMoveEvaluation(nodes: nodes)
        // From the stored map: a computed property of an array element copies the whole node first.
        baseConflicts = nodes.withUnsafeBufferPointer { b in b.indices.map { Node.conflictingPrimaries(b[$0].primaryTags) } }
        baseRows = RowTable(rows: nodes.count)
        for k in 0..<moves.lean.count { moves.lean.nodes[k].writeScoreRow(baseRows.row(k), conflicts: baseConflicts[k]) }
    }

    /// The tag-conflict count of base node `node` once `victim` is added to it as a primary.
    @inline(__always) func conflictsAddingPrimary(_ node: NodeIndex, victim: LeanVictim) -> Int {
        let i = node.value
        if !victim.hasExclusionTags { return baseConflicts[i] }
        return moves.nodes.withUnsafeBufferPointer {
            conflicts($0[i], base: baseConflicts[i], tags: victim.exclusionTags, delta: 1)
        }
    }

    /// Tag conflicts of `node` after adding (+1) or removing (−1) `tags` (htools' `addTags`/`delTags`).
    func conflicts(_ node: Node, base: Int, tags: [Int], delta: Int) -> Int {
        if delta == 0 || tags.isEmpty { return base }
        var c = base
        for (k, t) in tags.enumerated() {
            var earlier = 0
            for j in 0..<k where tags[j] == t { earlier += 1 }
            let count = node.primaryTags[t] ?? 0
            if delta > 0 {
                if count > 0 || earlier > 0 { c += 1 }
            } else if count - earlier > 1 {
                c -= 1
            }
        }
        return c
    }

    /// Writes the score row of a changed lean node (no location pairs: callers use this only without location tags).
    @inline(__always) func writeRow(_ n: LeanNode, victim: LeanVictim, into slot: UnsafeMutablePointer<Double>) {
        let i = n.index.value
        var conflicts = baseConflicts[i]
        if victim.hasExclusionTags && n.tagDelta != 0 {
            conflicts = moves.nodes.withUnsafeBufferPointer {
                self.conflicts($0[i], base: baseConflicts[i], tags: victim.exclusionTags, delta: n.tagDelta)
            }
        }
        n.writeScoreRow(slot, conflicts: conflicts)
    }

    /// The evaluator inputs of a candidate's changed nodes, read in place (each is a 448-byte value).
    func rows(_ changed: UnsafeMutablePointer<LeanChanges>, victim: LeanVictim, evaluator: ScoreEvaluator,
              scratch: UnsafeMutablePointer<Double>) -> CandidateRows {
        var out = CandidateRows(storage: scratch)
        var pairDeltas: [Int: Int]? = nil
        // A plain loop (a nested function would capture `pairDeltas` and check its exclusive access at run time).
        for k in 0..<changed.pointee.count {
            let n = LeanChanges.node(k, of: changed)
            let i = n.pointee.index.value
            let p = evaluator.position[i]
            if p < 0 { continue }
            var conflicts = baseConflicts[i]
            let tagDelta = n.pointee.tagDelta, pairDelta = n.pointee.pairDelta
            if victim.hasExclusionTags && tagDelta != 0 {
                conflicts = moves.nodes.withUnsafeBufferPointer {
                    self.conflicts($0[i], base: baseConflicts[i], tags: victim.exclusionTags, delta: tagDelta)
                }
                if pairDelta != 0 && !n.pointee.offline && moves.hasLocation[i] {
                    var d = pairDeltas ?? [:]
                    for key in moves.nodes[i].locationExclusionKeys(of: victim.instancePointer.pointee) { d[key, default: 0] &+= pairDelta }
                    pairDeltas = d
                }
            }
            n.pointee.writeScoreRowInPlace(out.appendSlot(position: p), conflicts: conflicts)
        }
        out.spread = pairDeltas.map { evaluator.spread(applying: $0) } ?? evaluator.baseSpread
        return out
    }
}

/// Score rows of `ScoreEvaluator.rowWidth` doubles in one raw buffer (freed with the table).
final class RowTable: @unchecked Sendable {
    /// The rows, one after the other (valid while the table lives).
    let storage: UnsafeMutablePointer<Double>

    /// Zeroed storage for `rows` rows.
    init(rows: Int) {
        storage = .allocate(capacity: max(1, rows) * ScoreEvaluator.rowWidth)
        storage.initialize(repeating: 0, count: max(1, rows) * ScoreEvaluator.rowWidth)
    }

    deinit { storage.deallocate() }

    /// Row `k`.
    @inline(__always) func row(_ k: Int) -> UnsafeMutablePointer<Double> { storage + k * ScoreEvaluator.rowWidth }
}
