/// How one balancing step moved the base score inputs, summarised per component so that lower bounds on
/// candidate scores computed before the step can be carried across it (see `VictimBounds`).
///
/// A candidate whose own nodes the step did not touch keeps its changed rows; only the base under it moved.
/// For a standard-deviation component with n inputs, sum S and n·variance V, such a candidate's n·variance
/// moves by exactly `ΔV − 2·ΔS_cand·ΔS/n` (ΔV, ΔS: the base's changes; ΔS_cand: the candidate's own change
/// of the input sum); for a sum component its value moves by ΔS. The fields hold those base changes with
/// rounding allowances, so bounds derived from them hold for htools' floating-point scores.
public final class StepDrift: Sendable {
    /// Per component: whether any input changed (otherwise every unaffected candidate keeps its value exactly).
    let changed: [Bool]
    /// Per component: the change of the input sum.
    let sumChange: [Double]
    /// Per component: the rounding allowance of `sumChange`.
    let sumError: [Double]
    /// Per standard-deviation component: a lower bound on the change of n·variance.
    let varianceChangeLow: [Double]
    /// Per standard-deviation component: the rounding allowance folded into `varianceChangeLow`.
    let varianceError: [Double]
    /// Per standard-deviation component: a lower bound on n·variance before the step.
    let varianceBeforeLow: [Double]
    /// Per component: the number of inputs, its inverse and the inverse of its square root (0 when empty).
    let inverseCounts: [Double]
    let inverseRootCounts: [Double]

    /// The base before the step: what a drift with other changed rows needs (see `replacingRows`).
    let base: DriftBase
    /// The step's changed member rows: positions, with old and new values row-major (`rowWidth` each).
    let changedPositions: [Int]
    let oldRows: [Double]
    let newRows: [Double]

    /// Summarises the step from the evaluator before it and the changed member rows (old and new values).
    convenience init(before: ScoreEvaluator, changes: [(position: Int, old: [Double], new: [Double])]) {
        self.init(base: DriftBase(before), positions: changes.map(\.position), old: changes.flatMap(\.old),
                  new: changes.flatMap(\.new))
    }

    /// The drift of `positions` changing from the `old` to the `new` rows (row-major, `rowWidth` each) over `base`.
    init(base: DriftBase, positions: [Int], old: [Double], new: [Double]) {
        let w = ScoreEvaluator.rowWidth
        let t = ComponentTables.shared
        var changed = [Bool](repeating: false, count: w)
        var dS = [Double](repeating: 0, count: w), sErr = dS, dV = dS, vErr = dS, vLow = dS, inv = dS, invRoot = dS
        for c in 0..<w {
            let n = base.counts[c]
            if n > 0 { inv[c] = 1 / n; invRoot[c] = 1 / n.squareRoot() }
            var ds = 0.0, dq = 0.0, amag = 0.0, qmag = 0.0
            for (k, p) in positions.enumerated() where base.offline[p] != t.online[c] {
                let o = old[k * w + c], nv = new[k * w + c]
                if o.bitPattern != nv.bitPattern { changed[c] = true }
                ds += nv - o; dq += nv * nv - o * o
                amag += abs(nv) + abs(o); qmag += nv * nv + o * o
            }
            dS[c] = ds
            sErr[c] = 1e-12 * amag
            if t.aggregation[c] == .standardDeviation && n > 0 {
                let s = base.sums[c]
                let err = 1e-11 * (qmag + (2 * abs(s) * amag + ds * ds) * inv[c])
                dV[c] = dq - (2 * s * ds + ds * ds) * inv[c] - err
                vErr[c] = err
                vLow[c] = max(0, base.nVariances[c] - 1e-11 * base.squares[c])
            }
            if !ds.isFinite || !dq.isFinite { changed[c] = true; dV[c] = -.infinity; dS[c] = .nan }
        }
        self.changed = changed; sumChange = dS; sumError = sErr; varianceChangeLow = dV; varianceError = vErr
        varianceBeforeLow = vLow; inverseCounts = inv; inverseRootCounts = invRoot
        self.base = base; changedPositions = positions; oldRows = old; newRows = new
    }

    /// The drift of a candidate whose rows at `own` positions changed from `old` to `new` (row-major, one row
    /// each) while the other rows the step changed moved with the base: the drift of its own rows and the
    /// step together, measured on the same base as this one.
    func replacingRows(_ own: (Int, Int), old: UnsafePointer<Double>, new: UnsafePointer<Double>) -> StepDrift {
        let w = ScoreEvaluator.rowWidth
        var positions: [Int] = [], o: [Double] = [], n: [Double] = []
        positions.reserveCapacity(changedPositions.count + 2)
        o.reserveCapacity((changedPositions.count + 2) * w); n.reserveCapacity(o.capacity)
        for (k, p) in changedPositions.enumerated() where p != own.0 && p != own.1 {
            positions.append(p)
            o.append(contentsOf: oldRows[(k * w)..<(k * w + w)]); n.append(contentsOf: newRows[(k * w)..<(k * w + w)])
        }
        for (k, p) in [own.0, own.1].enumerated() {
            positions.append(p)
            o.append(contentsOf: UnsafeBufferPointer(start: old + k * w, count: w))
            n.append(contentsOf: UnsafeBufferPointer(start: new + k * w, count: w))
        }
        return StepDrift(base: base, positions: positions, old: o, new: n)
    }
}

/// The aggregates of a base a drift is measured on (copied from the evaluator before a step).
struct DriftBase: Sendable {
    let counts: [Double]
    let offline: [Bool]
    let sums: [Double]
    let squares: [Double]
    let nVariances: [Double]

    init(_ e: ScoreEvaluator) {
        counts = e.counts; offline = e.offline; sums = e.sums; squares = e.squares; nVariances = e.nVariances
    }
}
