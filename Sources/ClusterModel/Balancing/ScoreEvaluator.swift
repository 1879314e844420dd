/// Scores candidate moves against a fixed base node set.
///
/// htools 3.0 recomputes the whole score for every candidate, so its floats depend on summation
/// order. This evaluator keeps htools' exact arithmetic for the result but avoids most of the work:
/// a cheap lower bound from running sums rejects candidates that cannot beat the best so far, and
/// only the survivors get the exact, in-order recomputation.
public struct ScoreEvaluator: @unchecked Sendable {
    /// Doubles per node row.
    @inline(__always) public static var rowWidth: Int { ScoreComponent.count }
    /// Nodes in scoring order (the table's nodes by index).
    public let members: [NodeIndex]
    /// Position of each node index in `members`, or -1.
    let position: [Int]
    /// Per member score inputs, row-major.
    var values: [Double]
    /// Per member: offline flag.
    let offline: [Bool]
    /// Per member: (location, exclusion) pair counts.
    var pairCounts: [[Int: Int]]
    /// Merged pair counts over online members.
    var mergedPairs: [Int: Int]
    /// The spread value of the base.
    var baseSpread = 0
    /// Running sums per component over its node set.
    var sums: [Double] = []
    /// Running sums of squares per component.
    var squares: [Double] = []
    /// Running sums of magnitudes per component (for error bounds).
    var magnitudes: [Double] = []
    /// Per component: n times the population variance, summed in two passes (standard deviations only).
    var nVariances: [Double] = []
    /// Node count per component's node set.
    let counts: [Double]
    /// Whether any member is online (htools has no statistics at all otherwise).
    let anyOnline: Bool
    /// The exact base score.
    public private(set) var baseScore: Double = 0
    /// Raw-pointer copies of the hot data for the pruning test.
    private var fast = FastTables.empty
    /// `fast` as plain pointers (no reference counting in hot loops; `fast` keeps them alive).
    private(set) var fastView = FastTables.empty.view

    /// Builds the evaluator for `members` (in index order) of `nodes`.
    public init(nodes: [Node], members: [NodeIndex]) {
        self.members = members
        var pos = [Int](repeating: -1, count: nodes.count)
        for (k, m) in members.enumerated() { pos[m.value] = k }
        position = pos
        let w = ScoreEvaluator.rowWidth
        var vals = [Double](repeating: 0, count: members.count * w)
        var off: [Bool] = []
        var pairs: [[Int: Int]] = []
        for (k, m) in members.enumerated() {
            let v = NodeScoreValues(nodes[m.value])
            for c in 0..<w { vals[k * w + c] = v.numbers[c] }
            off.append(nodes[m.value].offline)
            pairs.append(v.pairCounts)
        }
        values = vals
        offline = off
        pairCounts = pairs
        let onlineCount = Double(off.filter { !$0 }.count)
        let offlineCount = Double(off.count) - onlineCount
        let t = ComponentTables.shared
        counts = (0..<w).map { t.online[$0] ? onlineCount : offlineCount }
        anyOnline = onlineCount > 0
        mergedPairs = [:]
        recomputeAggregates()
    }

    private mutating func recomputeAggregates() {
        let w = ScoreEvaluator.rowWidth
        let t = ComponentTables.shared
        var s = [Double](repeating: 0, count: w), q = s, m = s
        var merged: [Int: Int] = [:]
        let n = members.count
        // In place (no uniqueness check per addition); the same order: node by node, each component in turn.
        values.withUnsafeBufferPointer { vals in
            s.withUnsafeMutableBufferPointer { s in
                q.withUnsafeMutableBufferPointer { q in
                    m.withUnsafeMutableBufferPointer { m in
                        for k in 0..<n {
                            let off = offline[k]
                            for c in 0..<w where t.online[c] != off {
                                let x = vals[k * w + c]
                                s[c] += x; q[c] += x * x; m[c] += abs(x)
                            }
                        }
                    }
                }
            }
        }
        for k in 0..<n where !offline[k] { for (key, v) in pairCounts[k] { merged[key, default: 0] &+= v } }
        sums = s; squares = q; magnitudes = m; mergedPairs = merged
        var nv = [Double](repeating: 0, count: w)
        values.withUnsafeBufferPointer { vals in
            for c in 0..<w where t.aggregation[c] == .standardDeviation && counts[c] > 0 {
                let mean = s[c] / counts[c]
                var acc = 0.0
                for k in 0..<n where t.online[c] != offline[k] { let d = vals[k * w + c] - mean; acc += d * d }
                nv[c] = acc
            }
        }
        nVariances = nv
        fast = FastTables(values: values, sums: s, squares: q, magnitudes: m, counts: counts, offline: offline,
                          order: ScoreEvaluator.contributionOrder(sums: s, squares: q, counts: counts), positions: position)
        fastView = fast.view
        var total = 0, size = 0
        for (_, v) in merged { total &+= v; size += 1 }
        baseSpread = total &- size
        if !s.isEmpty { prepareParts(fastView.basePartial, spread: baseSpread, into: fastView.baseParts, reusingBase: false) }
        var scratch = [Double](repeating: 0, count: 3 * w)
        baseScore = scratch.withUnsafeMutableBufferPointer { buf in
            var rows = CandidateRows(storage: buf.baseAddress!)
            rows.spread = baseSpread
            return exactScore(rows)
        }
    }

    /// Components by decreasing estimated contribution, so the pruning test can stop early.
    static func contributionOrder(sums: [Double], squares: [Double], counts: [Double]) -> [Int] {
        let t = ComponentTables.shared
        let estimate: [Double] = (0..<rowWidth).map { c in
            switch t.aggregation[c] {
            case .sum: return t.weightList[c] * sums[c]
            case .standardDeviation:
                let n = counts[c]
                if n == 0 { return 0 }
                let mean = sums[c] / n
                return t.weightList[c] * max(0, squares[c] / n - mean * mean).squareRoot()
            case .spread: return Double.infinity
            }
        }
        return (0..<rowWidth).sorted { (estimate[$0], -$0) > (estimate[$1], -$1) }
    }

    /// Replaces the stored values of changed nodes (after a step is taken); returns how the base moved.
    @discardableResult
    public mutating func commit(_ nodes: [(NodeIndex, Node)]) -> StepDrift {
        let w = ScoreEvaluator.rowWidth
        var changed: [(position: Int, old: [Double], new: [Double])] = []
        for (i, n) in nodes {
            let k = position[i.value]
            guard k >= 0 else { continue }
            let v = NodeScoreValues(n)
            if let j = changed.firstIndex(where: { $0.position == k }) { changed[j].new = v.numbers }
            else { changed.append((k, Array(values[(k * w)..<(k * w + w)]), v.numbers)) }
            for c in 0..<w { values[k * w + c] = v.numbers[c] }
            pairCounts[k] = v.pairCounts
        }
        let before = self
        recomputeAggregates()
        return StepDrift(before: before, changes: changed)
    }

    /// The exact score after replacing the given full nodes (for checks and tests).
    public func exactScore(replacing nodes: [(NodeIndex, Node)]) -> Double {
        var scratch = [Double](repeating: 0, count: 3 * ScoreEvaluator.rowWidth)
        return scratch.withUnsafeMutableBufferPointer { buf -> Double in
            var rows = CandidateRows(storage: buf.baseAddress!)
            var touched: [Int: Int] = [:]
            for (i, n) in nodes {
                let k = position[i.value]
                if k < 0 { continue }
                let v = NodeScoreValues(n)
                let slot = rows.appendSlot(position: k)
                for c in 0..<ScoreEvaluator.rowWidth { slot[c] = v.numbers[c] }
                if !offline[k] {
                    for (key, c) in pairCounts[k] { touched[key, default: 0] &-= c }
                    for (key, c) in v.pairCounts { touched[key, default: 0] &+= c }
                }
            }
            rows.spread = spread(applying: touched)
            return exactScore(rows)
        }
    }

    /// The spread value after adding `deltas` to the merged pair counts.
    func spread(applying deltas: [Int: Int]) -> Int {
        if deltas.isEmpty { return baseSpread }
        var value = baseSpread
        for (key, delta) in deltas where delta != 0 {
            let before = mergedPairs[key] ?? 0
            let after = before &+ delta
            value &+= delta
            if before > 0 { value += 1 }
            if after > 0 { value -= 1 }
        }
        return value
    }

    /// Writes the running sums adjusted for the first `fixed` rows of `cand` into `partial` (sums, squares, magnitudes):
    /// the base's, extended by each row in turn (`extendPartial`).
    func preparePartial(_ cand: CandidateRows, fixed: Int, into partial: UnsafeMutablePointer<Double>) {
        guard fixed > 0 else {
            partial.update(from: fastView.basePartial, count: ScoreEvaluator.partialSize)
            return
        }
        extendPartial(fastView.basePartial, row: cand.row(0), position: cand.position(0), into: partial)
        for k in 1..<fixed { extendPartial(partial, row: cand.row(k), position: cand.position(k), into: partial) }
    }

    /// `preparePartial` of one more fixed row, `new` at member `p`, on top of `start` (the `preparePartial` result
    /// of the rows before it, or the base's; it may be `partial` itself). An unchanged input adds nothing, not even
    /// to the magnitude, so that the component's sums and prepared part stay the base's, bit for bit (see
    /// `prepareParts`).
    func extendPartial(_ start: UnsafePointer<Double>, row new: UnsafePointer<Double>, position p: Int,
                       into partial: UnsafeMutablePointer<Double>) {
        let f = fastView
        let w = ScoreEvaluator.rowWidth
        let old = UnsafePointer(f.values + p * w)
        let rowOffline = f.offline[p]
        for c in 0..<w {
            var s = start[c], q = start[w + c], m = start[2 * w + c]
            if rowOffline != f.online[c] && old[c].bitPattern != new[c].bitPattern {
                let o = old[c], n = new[c]
                s += n - o
                q += n * n - o * o
                m += abs(n)
            }
            partial[c] = s; partial[w + c] = q; partial[2 * w + c] = m
        }
    }

    /// `cannotBeat` with the first `fixed` rows already folded into `partial` (see `preparePartial`).
    @inline(__always)
    func cannotBeat(_ cand: CandidateRows, fixed: Int, partial: UnsafePointer<Double>, best: Double) -> Bool {
        lowerBound(cand, fixed: fixed, partial: partial, stopAt: best) >= best
    }

    /// A lower bound on the candidate's score (htools' value and the real-valued one alike) with the first `fixed`
    /// rows already folded into `partial`; components are added by decreasing contribution and the sum stops
    /// once it reaches `stopAt` (every component is non-negative, so the partial sum is a bound too).
    func lowerBound(_ cand: CandidateRows, fixed: Int, partial: UnsafePointer<Double>, stopAt: Double) -> Double {
        if !anyOnline { return 0 }
        let f = fastView
        let w = ScoreEvaluator.rowWidth
        var total = 0.0
        for o in 0..<w {
            let c = f.order[o]
            var s = partial[c], q = partial[w + c], m = partial[2 * w + c]
            let overOnline = f.online[c]
            for k in fixed..<cand.count {
                let p = cand.position(k)
                if f.offline[p] == overOnline { continue }
                let old = f.values[p * w + c], new = cand.row(k)[c]
                s += new - old
                q += new * new - old * old
                m += abs(new)
            }
            let part = f.kind[c] == 2 ? Double(cand.spread)
                : ScoreEvaluator.lowerPart(kind: f.kind[c], sum: s, squares: q, magnitude: m, inverseCount: f.inverseCounts[c])
            total += f.weights[c] * part
            if total.isNaN { return -.infinity }
            let bound = total - 1e-12 * abs(total) - 1e-9
            if bound >= stopAt { return bound }
        }
        return total - 1e-12 * abs(total) - 1e-9
    }

    /// A lower bound on a sum (kind 0) or standard-deviation (kind 1) component from its running sum, sum of
    /// squares and sum of magnitudes, with rounding margins that cover htools' in-order arithmetic.
    @inline(__always)
    static func lowerPart(kind: UInt8, sum s: Double, squares q: Double, magnitude m: Double, inverseCount inv: Double) -> Double {
        if kind == 0 { return s - 1e-9 * (1 + m) }
        if inv == 0 { return 0 }
        let mean = s * inv
        let meanSquare = q * inv
        let spread = m * inv
        let variance = meanSquare - mean * mean
        let d = variance - 1e-10 * (abs(meanSquare) + mean * mean + spread * spread) - 1e-300
        return d > 0 ? d.squareRoot() : 0
    }

    /// Whether the candidate certainly cannot score strictly below `best` (a cheap, conservative test).
    ///
    /// Components are bounded from below one by one (sums via running sums with a rounding margin,
    /// deviations via running sums of squares) and the test stops as soon as the bound reaches `best`.
    public func cannotBeat(_ cand: CandidateRows, best: Double) -> Bool {
        cannotBeat(cand, fixed: 0, partial: UnsafePointer(fastView.basePartial), best: best)
    }

    /// The exact score with the candidate applied, summed in htools' order.
    public func exactScore(_ cand: CandidateRows) -> Double {
        if !anyOnline { return 0 }
        // Only the pointers used (the whole view would be copied into the closure).
        let values = fastView.values, includeWords = fastView.includeWords, offline = fastView.offline
        let counts = fastView.counts, kind = fastView.kind, weights = fastView.weights
        let n = members.count
        let w = ScoreEvaluator.rowWidth
        @inline(__always) func row(_ k: Int) -> UnsafePointer<Double> {
            if cand.count > 0 && cand.positions.0 == k { return UnsafePointer(cand.row(0)) }
            if cand.count > 1 && cand.positions.1 == k { return UnsafePointer(cand.row(1)) }
            if cand.count > 2 && cand.positions.2 == k { return UnsafePointer(cand.row(2)) }
            return UnsafePointer(values + k * w)
        }
        // Every component at once, node by node: a node outside a component's node set adds +0.0, which leaves
        // the sum bit for bit unchanged (it starts at +0.0 and so is never -0.0), so each component is still
        // summed in htools' node order.
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * w) { buf -> Double in
            let sums = buf.baseAddress!, means = sums + w, squaredDeviations = sums + 2 * w
            sums.initialize(repeating: 0, count: w)
            squaredDeviations.initialize(repeating: 0, count: w)
            for k in 0..<n {
                let r = row(k), include = UnsafePointer(includeWords + (offline[k] ? w : 0))
                for c in 0..<w { sums[c] = sums[c] + Double(bitPattern: r[c].bitPattern & include[c]) }
            }
            for c in 0..<w { means[c] = sums[c] / counts[c] }
            for k in 0..<n {
                let r = row(k), include = UnsafePointer(includeWords + (offline[k] ? w : 0))
                for c in 0..<w {
                    let d = r[c] - means[c]
                    squaredDeviations[c] = squaredDeviations[c] + Double(bitPattern: (d * d).bitPattern & include[c])
                }
            }
            var total = 0.0
            for c in 0..<w {
                let v: Double
                switch kind[c] {
                case 0: v = sums[c]
                case 1: v = (squaredDeviations[c] / counts[c]).squareRoot()
                default: v = Double(cand.spread)
                }
                total = total + weights[c] * v
            }
            return total
        }
    }
}
