/// Per-step data for lean candidate evaluation: lean node copies and base tag-conflict counts.
struct LeanContext {
    /// Lean move evaluation over the step's base nodes.
    let moves: LeanMoveEvaluation
    /// `conflictingPrimaries` of each base node.
    let baseConflicts: [Int]

    init(nodes: [Node]) {
        moves = LeanMoveEvaluation(nodes: nodes)
        baseConflicts = nodes.map(\.conflictingPrimaries)
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
                self.conflicts($0[i], base: baseConflicts[i], tags: victim.instance.exclusionTags, delta: n.tagDelta)
            }
        }
        n.writeScoreRow(slot, conflicts: conflicts)
    }

    /// The evaluator inputs of a candidate's changed nodes.
    func rows(_ changed: LeanChanges, victim: LeanVictim, evaluator: ScoreEvaluator,
              scratch: UnsafeMutablePointer<Double>) -> CandidateRows {
        var out = CandidateRows(storage: scratch)
        var pairDeltas: [Int: Int]? = nil
        func add(_ n: LeanNode) {
            let i = n.index.value
            let p = evaluator.position[i]
            if p < 0 { return }
            var conflicts = baseConflicts[i]
            if victim.hasExclusionTags && n.tagDelta != 0 {
                conflicts = moves.nodes.withUnsafeBufferPointer {
                    self.conflicts($0[i], base: baseConflicts[i], tags: victim.instance.exclusionTags, delta: n.tagDelta)
                }
                if n.pairDelta != 0 && !n.offline && moves.hasLocation[i] {
                    var d = pairDeltas ?? [:]
                    for key in moves.nodes[i].locationExclusionKeys(of: victim.instance) { d[key, default: 0] &+= n.pairDelta }
                    pairDeltas = d
                }
            }
            n.writeScoreRow(out.appendSlot(position: p), conflicts: conflicts)
        }
        if changed.count > 0 { add(changed.a) }
        if changed.count > 1 { add(changed.b) }
        if changed.count > 2 { add(changed.c) }
        out.spread = pairDeltas.map { evaluator.spread(applying: $0) } ?? evaluator.baseSpread
        return out
    }
}
