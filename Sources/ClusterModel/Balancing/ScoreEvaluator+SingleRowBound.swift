extension ScoreEvaluator {
    /// `boundAndStatistics` for a candidate with exactly one row beyond the fixed ones (the target's, as in most
    /// prepared candidates): the same values, bit for bit, without the per-row loops and tests.
    ///
    /// One row takes part in exactly the components its node's online state includes, so the include mask is
    /// applied once, and every sum over rows is that row's own term (added to +0.0 as the general loop does).
    @inline(__always)
    func boundAndStatisticsOfOneRow(_ new: UnsafePointer<Double>, position p: Int, partial: UnsafePointer<Double>,
                                    parts: UnsafePointer<Double>, into stats: UnsafeMutablePointer<Double>) -> Double {
        let f = fastView
        let w = ScoreEvaluator.rowWidth
        let old = UnsafePointer(f.values + p * w)
        var changed: UInt32 = 0
        for c in 0..<w { changed |= (old[c].bitPattern != new[c].bitPattern ? 1 : 0) << UInt32(c) }
        changed &= (f.offline[p] ? f.offlineMask : f.onlineMask) & f.scoredMask
        // Twins the candidate keeps equal are computed once, with their first component.
        var doubled: UInt32 = 0
        var twins = changed & UInt32(truncatingIfNeeded: parts[w + 2].bitPattern)
        while twins != 0 {
            let c2 = twins.trailingZeroBitCount
            twins &= twins - 1
            let c1 = f.twin[c2]
            guard changed & (1 << UInt32(c1)) != 0, new[c1].bitPattern == new[c2].bitPattern else { continue }
            changed &= ~(1 << UInt32(c2))
            doubled |= 1 << UInt32(c1)
        }
        var total = parts[w], magnitude = parts[w + 1]
        while changed != 0 {
            let c = changed.trailingZeroBitCount
            let bit: UInt32 = 1 << UInt32(c)
            changed &= changed - 1
            let o = old[c], n = new[c]
            let d = 0.0 + (n - o), g = 0.0 + (n * n - o * o), a = 0.0 + abs(n), qm = 0.0 + (n * n + o * o)
            let inv = f.inverseCounts[c]
            let deviation = f.deviationMask & bit != 0
            let part = ScoreEvaluator.lowerPart(kind: deviation ? 1 : 0, sum: partial[c] + d, squares: partial[w + c] + g,
                                                magnitude: partial[2 * w + c] + a, inverseCount: inv)
            let change = f.weights[c] * (part - parts[c])
            total += change
            magnitude += abs(change)
            if deviation && inv != 0 {
                ScoreEvaluator.foldStatistic(c, sum: f.sums[c], inverseCount: inv, d: d, g: g, squares: qm,
                                             improvement: stats, shift: stats + w)
            }
            guard doubled & bit != 0 else { continue }
            // The twin: the same change, the same statistics.
            total += change
            magnitude += abs(change)
            let c2 = f.partner[c]
            if deviation && inv != 0 {
                ScoreEvaluator.foldStatistic(c2, sum: f.sums[c2], inverseCount: inv, d: d, g: g, squares: qm,
                                             improvement: stats, shift: stats + w)
            }
        }
        if total.isNaN { return -.infinity }
        return total - 2e-12 * (magnitude + abs(total)) - 1e-9
    }

    /// Debug check: the single-row path gives the general path's bound and statistics, bit for bit.
    func singleRowBoundMatches(_ cand: CandidateRows, fixed: Int, partial: UnsafePointer<Double>,
                               parts: UnsafePointer<Double>, stats: UnsafeMutablePointer<Double>) -> Bool {
        let n = 2 * ScoreEvaluator.rowWidth
        let general = UnsafeMutablePointer<Double>.allocate(capacity: n), single = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { general.deallocate(); single.deallocate() }
        general.update(from: stats, count: n)
        single.update(from: stats, count: n)
        let a = generalBoundAndStatistics(cand, fixed: fixed, partial: partial, parts: parts, into: general)
        let b = boundAndStatisticsOfOneRow(cand.row(fixed), position: cand.position(fixed), partial: partial,
                                           parts: parts, into: single)
        return a.bitPattern == b.bitPattern && (0..<n).allSatisfy { general[$0].bitPattern == single[$0].bitPattern }
    }
}
