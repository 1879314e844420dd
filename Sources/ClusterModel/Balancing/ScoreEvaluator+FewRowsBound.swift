extension ScoreEvaluator {
    /// `boundAndStatistics` for a candidate with exactly one row beyond the fixed ones (the target's, as in most
    /// prepared candidates): the same values, bit for bit, without the per-row loops and tests.
    ///
    /// One row takes part in exactly the components its node's online state includes, so the include mask is
    /// applied once, and every sum over rows is that row's own term (added to +0.0 as the general loop does).
    @inline(__always)
    func boundAndStatisticsOfOneRow(_ new: UnsafePointer<Double>, position p: Int, partial: UnsafePointer<Double>,
                                    parts: UnsafePointer<Double>, into stats: UnsafeMutablePointer<Double>,
                                    foldingStatistics: Bool = true) -> Double {
        let f = fastView
        let w = ScoreEvaluator.rowWidth
        let old = UnsafePointer(f.values + p * w)
        var changed: UInt32 = 0
        for c in 0..<w { changed |= (old[c].bitPattern != new[c].bitPattern ? 1 : 0) << UInt32(c) }
        changed &= (f.offline[p] ? f.offlineMask : f.onlineMask) & f.scoredMask
        let doubled = mergeTwins(&changed, parts: parts) { c1, c2 in new[c1].bitPattern == new[c2].bitPattern }
        var total = parts[w], magnitude = parts[w + 1]
        while changed != 0 {
            let c = changed.trailingZeroBitCount
            let bit: UInt32 = 1 << UInt32(c)
            changed &= changed - 1
            let o = old[c], n = new[c]
            let d = 0.0 + (n - o), g = 0.0 + (n * n - o * o), a = 0.0 + abs(n), qm = 0.0 + (n * n + o * o)
            addComponent(c, twin: doubled & bit != 0, d: d, g: g, a: a, squares: qm, partial: partial, parts: parts,
                         into: stats, folding: foldingStatistics, total: &total, magnitude: &magnitude)
        }
        return ScoreEvaluator.loweredBound(total: total, magnitude: magnitude)
    }

    /// `boundAndStatistics` for a candidate with exactly two rows beyond the fixed ones, on nodes of the same
    /// online state (replace-and-failover and replace-primary towards an untypical target): the same values, bit
    /// for bit, as the general path, whose sums over rows add the first row's term to +0.0, then the second's.
    @inline(__always)
    func boundAndStatisticsOfTwoRows(_ first: UnsafePointer<Double>, position p1: Int, _ second: UnsafePointer<Double>,
                                     position p2: Int, partial: UnsafePointer<Double>, parts: UnsafePointer<Double>,
                                     into stats: UnsafeMutablePointer<Double>, foldingStatistics: Bool = true) -> Double {
        let f = fastView
        let w = ScoreEvaluator.rowWidth
        let old1 = UnsafePointer(f.values + p1 * w), old2 = UnsafePointer(f.values + p2 * w)
        var changed: UInt32 = 0
        for c in 0..<w {
            let differs = old1[c].bitPattern != first[c].bitPattern || old2[c].bitPattern != second[c].bitPattern
            changed |= (differs ? 1 : 0) << UInt32(c)
        }
        changed &= (f.offline[p1] ? f.offlineMask : f.onlineMask) & f.scoredMask
        let doubled = mergeTwins(&changed, parts: parts) { c1, c2 in
            first[c1].bitPattern == first[c2].bitPattern && second[c1].bitPattern == second[c2].bitPattern
        }
        var total = parts[w], magnitude = parts[w + 1]
        while changed != 0 {
            let c = changed.trailingZeroBitCount
            let bit: UInt32 = 1 << UInt32(c)
            changed &= changed - 1
            let o1 = old1[c], n1 = first[c], o2 = old2[c], n2 = second[c]
            let d = 0.0 + (n1 - o1) + (n2 - o2), g = 0.0 + (n1 * n1 - o1 * o1) + (n2 * n2 - o2 * o2)
            let a = 0.0 + abs(n1) + abs(n2), qm = 0.0 + (n1 * n1 + o1 * o1) + (n2 * n2 + o2 * o2)
            addComponent(c, twin: doubled & bit != 0, d: d, g: g, a: a, squares: qm, partial: partial, parts: parts,
                         into: stats, folding: foldingStatistics, total: &total, magnitude: &magnitude)
        }
        return ScoreEvaluator.loweredBound(total: total, magnitude: magnitude)
    }

    /// Takes out of `changed` the second of every pair of twins the candidate keeps equal (`keptEqual(c1, c2)`:
    /// its rows hold the same inputs for both, whose running sums `parts` marks equal) and returns the set of
    /// their first components, each computed once for both.
    @inline(__always)
    func mergeTwins(_ changed: inout UInt32, parts: UnsafePointer<Double>, keptEqual: (Int, Int) -> Bool) -> UInt32 {
        var doubled: UInt32 = 0
        var twins = changed & UInt32(truncatingIfNeeded: parts[ScoreEvaluator.rowWidth + 2].bitPattern)
        while twins != 0 {
            let c2 = twins.trailingZeroBitCount
            twins &= twins - 1
            let c1 = fastView.twin[c2]
            guard changed & (1 << UInt32(c1)) != 0, keptEqual(c1, c2) else { continue }
            changed &= ~(1 << UInt32(c2))
            doubled |= 1 << UInt32(c1)
        }
        return doubled
    }

    /// The bound of a candidate whose components add up to `total`, of magnitude `magnitude`, lowered to cover
    /// the rounding of the sum (−∞ when it is NaN).
    @inline(__always)
    static func loweredBound(total: Double, magnitude: Double) -> Double {
        if total.isNaN { return -.infinity }
        return total - 2e-12 * (magnitude + abs(total)) - 1e-9
    }

    /// Adds component `c`'s change to `total` and `magnitude` and folds its statistics, for a candidate whose rows
    /// change its input sum by `d`, its square sum by `g`, with magnitudes `a` and square magnitudes `squares`
    /// (the general path's arithmetic); with `twin`, its partner too, which the rows keep equal to it. Without
    /// `folding` the statistics are left alone.
    @inline(__always)
    private func addComponent(_ c: Int, twin: Bool, d: Double, g: Double, a: Double, squares qm: Double,
                              partial: UnsafePointer<Double>, parts: UnsafePointer<Double>,
                              into stats: UnsafeMutablePointer<Double>, folding: Bool,
                              total: inout Double, magnitude: inout Double) {
        let f = fastView
        let w = ScoreEvaluator.rowWidth
        let inv = f.inverseCounts[c]
        let deviation = f.deviationMask & (1 << UInt32(c)) != 0
        let part = ScoreEvaluator.lowerPart(kind: deviation ? 1 : 0, sum: partial[c] + d, squares: partial[w + c] + g,
                                            magnitude: partial[2 * w + c] + a, inverseCount: inv)
        let change = f.weights[c] * (part - parts[c])
        total += change
        magnitude += abs(change)
        var gain = 0.0, size = 0.0
        let folds = folding && deviation && inv != 0
        if folds {
            gain = ScoreEvaluator.statisticGain(sum: f.sums[c], inverseCount: inv, d: d, g: g, squares: qm)
            size = ScoreEvaluator.statisticSize(d)
            ScoreEvaluator.raiseStatistic(c, gain: gain, size: size, improvement: stats, shift: stats + w)
        }
        guard twin else { return }
        // The twin: the same change, the same statistics.
        total += change
        magnitude += abs(change)
        let c2 = f.partner[c]
        if folds {
            // Twins have equal base sums too (the same inputs, added in the same order): the same parts.
            if f.sums[c2].bitPattern != f.sums[c].bitPattern {
                gain = ScoreEvaluator.statisticGain(sum: f.sums[c2], inverseCount: inv, d: d, g: g, squares: qm)
            }
            ScoreEvaluator.raiseStatistic(c2, gain: gain, size: size, improvement: stats, shift: stats + w)
        }
    }

    /// Debug check: the one- and two-row paths give the general path's bound and statistics, bit for bit.
    func fewRowsBoundMatches(_ cand: CandidateRows, fixed: Int, partial: UnsafePointer<Double>,
                             parts: UnsafePointer<Double>, stats: UnsafeMutablePointer<Double>, folding: Bool) -> Bool {
        let n = 2 * ScoreEvaluator.rowWidth
        let general = UnsafeMutablePointer<Double>.allocate(capacity: n), single = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { general.deallocate(); single.deallocate() }
        general.update(from: stats, count: n)
        single.update(from: stats, count: n)
        let a = generalBoundAndStatistics(cand, fixed: fixed, partial: partial, parts: parts, into: general,
                                          foldingStatistics: folding)
        let b = cand.count - fixed == 1
            ? boundAndStatisticsOfOneRow(cand.row(fixed), position: cand.position(fixed), partial: partial,
                                         parts: parts, into: single, foldingStatistics: folding)
            : boundAndStatisticsOfTwoRows(cand.row(fixed), position: cand.position(fixed), cand.row(fixed + 1),
                                          position: cand.position(fixed + 1), partial: partial, parts: parts, into: single,
                                          foldingStatistics: folding)
        return a.bitPattern == b.bitPattern && (0..<n).allSatisfy { general[$0].bitPattern == single[$0].bitPattern }
    }
}
