/// Per-step data for lean candidate evaluation: lean node copies and base tag-conflict counts.
struct LeanContext {
    /// Lean move evaluation over the step's base nodes.
    let moves: LeanMoveEvaluation
    /// `conflictingPrimaries` of each base node.
    let baseConflicts: [Int]

    init(nodes: [Node]) {
        moves = LeanMoveEvaluation(nodes: nodes, lean: nodes.map(LeanNode.init))
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

    /// The evaluator inputs of a candidate's changed nodes.
    func rows(_ changed: LeanChanges, instance: Instance, evaluator: ScoreEvaluator,
              scratch: UnsafeMutablePointer<Double>) -> CandidateRows {
        var out = CandidateRows(storage: scratch)
        var pairDeltas: [Int: Int]? = nil
        for k in 0..<changed.count {
            let n = changed[k]
            let i = n.index.value
            let p = evaluator.position[i]
            if p < 0 { continue }
            let node = moves.nodes[i]
            let conflicts = self.conflicts(node, base: baseConflicts[i], tags: instance.exclusionTags, delta: n.tagDelta)
            n.writeScoreRow(out.appendSlot(position: p), conflicts: conflicts)
            if n.pairDelta != 0 && !n.offline && !node.locationTags.isEmpty && !instance.exclusionTags.isEmpty {
                var d = pairDeltas ?? [:]
                for key in node.locationExclusionKeys(of: instance) { d[key, default: 0] &+= n.pairDelta }
                pairDeltas = d
            }
        }
        out.spread = pairDeltas.map { evaluator.spread(applying: $0) } ?? evaluator.baseSpread
        return out
    }
}
