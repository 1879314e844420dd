/// How one balancing step moved the base score inputs, summarised per component so that lower bounds on
/// candidate scores computed before the step can be carried across it (see `VictimBounds`).
///
/// A candidate whose own nodes the step did not touch keeps its changed rows; only the base under it moved.
/// For a standard-deviation component with n inputs, sum S and n·variance V, such a candidate's n·variance
/// moves by exactly `ΔV − 2·ΔS_cand·ΔS/n` (ΔV, ΔS: the base's changes; ΔS_cand: the candidate's own change
/// of the input sum); for a sum component its value moves by ΔS. The fields hold those base changes with
/// rounding allowances, so bounds derived from them hold for htools' floating-point scores.
public struct StepDrift: Sendable {
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

    /// Summarises the step from the evaluator before it and the changed member rows (old and new values).
    init(before: ScoreEvaluator, changes: [(position: Int, old: [Double], new: [Double])]) {
        let w = ScoreEvaluator.rowWidth
        let t = ComponentTables.shared
        var changed = [Bool](repeating: false, count: w)
        var dS = [Double](repeating: 0, count: w), sErr = dS, dV = dS, vErr = dS, vLow = dS, inv = dS, invRoot = dS
        for c in 0..<w {
            let n = before.counts[c]
            if n > 0 { inv[c] = 1 / n; invRoot[c] = 1 / n.squareRoot() }
            var ds = 0.0, dq = 0.0, amag = 0.0, qmag = 0.0
            for ch in changes where before.offline[ch.position] != t.online[c] {
                let old = ch.old[c], new = ch.new[c]
                if old.bitPattern != new.bitPattern { changed[c] = true }
                ds += new - old; dq += new * new - old * old
                amag += abs(new) + abs(old); qmag += new * new + old * old
            }
            dS[c] = ds
            sErr[c] = 1e-12 * amag
            if t.aggregation[c] == .standardDeviation && n > 0 {
                let s = before.sums[c]
                let err = 1e-11 * (qmag + (2 * abs(s) * amag + ds * ds) * inv[c])
                dV[c] = dq - (2 * s * ds + ds * ds) * inv[c] - err
                vErr[c] = err
                vLow[c] = max(0, before.nVariances[c] - 1e-11 * before.squares[c])
            }
            if !ds.isFinite || !dq.isFinite { changed[c] = true; dV[c] = -.infinity; dS[c] = .nan }
        }
        self.changed = changed; sumChange = dS; sumError = sErr; varianceChangeLow = dV; varianceError = vErr
        varianceBeforeLow = vLow; inverseCounts = inv; inverseRootCounts = invRoot
    }
}
