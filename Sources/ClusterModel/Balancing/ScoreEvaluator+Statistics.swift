extension ScoreEvaluator {
    /// Doubles of a `preparePartial` result: sums, squares and magnitudes per component.
    @inline(__always) static var partialSize: Int { 3 * rowWidth }
    /// Doubles of a `prepareParts` result: the lower part per component, their weighted total and magnitude, and
    /// the twins the running sums keep equal (a bit set stored as a bit pattern).
    @inline(__always) static var partsSize: Int { rowWidth + 3 }

    /// The lower part of every component for the running sums `partial` (a `preparePartial` result), their
    /// weighted total with `spread` for the spread component, the total's magnitude, and the twins kept equal.
    /// With `reusingBase`, a component whose sums are the base's, bit for bit, takes the base's prepared part
    /// (the same value, without its square root); `spread` must then be the base's.
    func prepareParts(_ partial: UnsafePointer<Double>, spread: Int, into parts: UnsafeMutablePointer<Double>,
                      reusingBase: Bool = true) {
        let f = fastView
        let w = ScoreEvaluator.rowWidth
        let base = UnsafePointer(f.basePartial)
        var total = 0.0, magnitude = 0.0
        for c in 0..<w {
            let unchanged = reusingBase && partial[c].bitPattern == base[c].bitPattern
                && partial[w + c].bitPattern == base[w + c].bitPattern
                && partial[2 * w + c].bitPattern == base[2 * w + c].bitPattern
            let part = unchanged ? f.baseParts[c]
                : f.kind[c] == 2 ? Double(spread)
                : ScoreEvaluator.lowerPart(kind: f.kind[c], sum: partial[c], squares: partial[w + c],
                                           magnitude: partial[2 * w + c], inverseCount: f.inverseCounts[c])
            parts[c] = part
            total += f.weights[c] * part
            magnitude += abs(f.weights[c] * part)
        }
        parts[w] = total
        parts[w + 1] = magnitude
        // Twins whose parts and running sums are equal: a candidate then only needs its own rows compared.
        var equal: UInt32 = 0
        var twins = f.twinMask
        while twins != 0 {
            let c2 = twins.trailingZeroBitCount
            twins &= twins - 1
            let c1 = f.twin[c2]
            if parts[c1].bitPattern == parts[c2].bitPattern, partial[c1].bitPattern == partial[c2].bitPattern,
               partial[w + c1].bitPattern == partial[w + c2].bitPattern,
               partial[2 * w + c1].bitPattern == partial[2 * w + c2].bitPattern {
                equal |= 1 << UInt32(c2)
            }
        }
        parts[w + 2] = Double(bitPattern: UInt64(equal))
    }

    /// A lower bound on the candidate's score, valid for htools' floating-point value and the real-valued one
    /// alike, with the first `fixed` rows already folded into `partial` (see `preparePartial`) and `parts` its
    /// `prepareParts`; and the statistics of the remaining rows folded into `stats` by maximum (the layout of
    /// `VictimBounds`, the parts of `foldPartStatistics`).
    ///
    /// Only the components the remaining rows change are recomputed; the others keep their prepared parts
    /// (and add nothing to the statistics: their changes are exactly zero).
    /// Without `foldingStatistics` only the bound is computed (`stats` is left alone).
    func boundAndStatistics(_ cand: CandidateRows, fixed: Int, partial: UnsafePointer<Double>, parts: UnsafePointer<Double>,
                            into stats: UnsafeMutablePointer<Double>, foldingStatistics folding: Bool = true) -> Double {
        if !anyOnline { return 0 }
        if cand.count - fixed == 1 {
            assert(fewRowsBoundMatches(cand, fixed: fixed, partial: partial, parts: parts, stats: stats, folding: folding),
                   "the single-row bound differs from the general one")
            return boundAndStatisticsOfOneRow(cand.row(fixed), position: cand.position(fixed), partial: partial,
                                              parts: parts, into: stats, foldingStatistics: folding)
        }
        if cand.count - fixed == 2 && fastView.offline[cand.position(fixed)] == fastView.offline[cand.position(fixed + 1)] {
            assert(fewRowsBoundMatches(cand, fixed: fixed, partial: partial, parts: parts, stats: stats, folding: folding),
                   "the two-row bound differs from the general one")
            return boundAndStatisticsOfTwoRows(cand.row(fixed), position: cand.position(fixed), cand.row(fixed + 1),
                                               position: cand.position(fixed + 1), partial: partial, parts: parts, into: stats,
                                               foldingStatistics: folding)
        }
        return generalBoundAndStatistics(cand, fixed: fixed, partial: partial, parts: parts, into: stats,
                                         foldingStatistics: folding)
    }

    /// `boundAndStatistics` over any number of remaining rows.
    func generalBoundAndStatistics(_ cand: CandidateRows, fixed: Int, partial: UnsafePointer<Double>,
                                   parts: UnsafePointer<Double>, into stats: UnsafeMutablePointer<Double>,
                                   foldingStatistics folding: Bool = true) -> Double {
        if !anyOnline { return 0 }
        let f = fastView
        let w = ScoreEvaluator.rowWidth
        let first = fixed, count = cand.count
        // Which components the remaining rows change, as a bit set.
        var changed: UInt32 = 0
        for k in first..<count {
            let p = cand.position(k)
            let old = f.values + p * w, new = cand.row(k)
            let include = f.offline[p] ? f.offlineMask : f.onlineMask
            var rowChanged: UInt32 = 0
            for c in 0..<w { rowChanged |= (old[c].bitPattern != new[c].bitPattern ? 1 : 0) << UInt32(c) }
            changed |= rowChanged & include
        }
        changed &= f.scoredMask
        // Twins the candidate keeps equal are computed once, with their first component.
        let doubled = mergeTwins(&changed, parts: parts) { c1, c2 in
            (first..<count).allSatisfy { cand.row($0)[c1].bitPattern == cand.row($0)[c2].bitPattern }
        }
        var total = parts[w], magnitude = parts[w + 1]
        while changed != 0 {
            let c = changed.trailingZeroBitCount
            let bit: UInt32 = 1 << UInt32(c)
            changed &= changed - 1
            var d = 0.0, g = 0.0, a = 0.0, qm = 0.0
            for k in first..<count {
                let p = cand.position(k)
                if f.offline[p] == f.online[c] { continue }
                let o = f.values[p * w + c], n = cand.row(k)[c]
                d += n - o
                g += n * n - o * o
                a += abs(n)
                qm += n * n + o * o
            }
            let inv = f.inverseCounts[c]
            let deviation = f.deviationMask & bit != 0
            let part = ScoreEvaluator.lowerPart(kind: deviation ? 1 : 0, sum: partial[c] + d, squares: partial[w + c] + g,
                                                magnitude: partial[2 * w + c] + a, inverseCount: inv)
            let change = f.weights[c] * (part - parts[c])
            total += change
            magnitude += abs(change)
            if folding && deviation && inv != 0 {
                ScoreEvaluator.foldStatistic(c, sum: f.sums[c], inverseCount: inv, d: d, g: g, squares: qm,
                                             improvement: stats, shift: stats + w)
            }
            guard doubled & bit != 0 else { continue }
            // The twin: the same change, the same statistics.
            total += change
            magnitude += abs(change)
            let c2 = f.partner[c]
            if folding && deviation && inv != 0 {
                ScoreEvaluator.foldStatistic(c2, sum: f.sums[c2], inverseCount: inv, d: d, g: g, squares: qm,
                                             improvement: stats, shift: stats + w)
            }
        }
        return ScoreEvaluator.loweredBound(total: total, magnitude: magnitude)
    }

    /// Folds one part of a candidate's statistics into `improvement` and `shift` (per standard-deviation
    /// component, by maximum): for the rows `rows` of `cand`, with input-sum change d and square-sum change g,
    /// the part `(2·S·d + 2·d²)/n − g` and `|d|`.
    ///
    /// A candidate whose rows split into a part fixed per move kind and a part that varies with the target has
    /// n·variance improvement `(2·S·ΔS + ΔS²)/n − ΔQ ≤ fixed part + varying part` (as `(a+b)² ≤ 2a² + 2b²`) and
    /// |ΔS| ≤ |d_fixed| + |d_varying|: the maxima of the two parts, added, bound the victim's statistics.
    func foldPartStatistics(_ cand: CandidateRows, rows: Range<Int>, improvement: UnsafeMutablePointer<Double>,
                            shift: UnsafeMutablePointer<Double>) {
        let f = fastView
        let w = ScoreEvaluator.rowWidth
        for j in 0..<f.deviationCount {
            let c = f.deviationComponents[j]
            let inv = f.inverseCounts[c]
            if inv == 0 { continue }
            let overOnline = f.online[c]
            var d = 0.0, g = 0.0, qm = 0.0
            for k in rows {
                let p = cand.position(k)
                if f.offline[p] == overOnline { continue }
                let old = f.values[p * w + c], new = cand.row(k)[c]
                d += new - old
                g += new * new - old * old
                qm += new * new + old * old
            }
            ScoreEvaluator.foldStatistic(c, sum: f.sums[c], inverseCount: inv, d: d, g: g, squares: qm,
                                         improvement: improvement, shift: shift)
        }
    }

    /// Folds component `c`'s part `(2·S·d + 2·d²)/n − g` (with a rounding allowance from the square magnitudes
    /// `squares`) and `|d|` into `improvement` and `shift` by maximum; NaN propagates.
    @inline(__always)
    static func foldStatistic(_ c: Int, sum base: Double, inverseCount inv: Double, d: Double, g: Double, squares qm: Double,
                              improvement: UnsafeMutablePointer<Double>, shift: UnsafeMutablePointer<Double>) {
        raiseStatistic(c, gain: statisticGain(sum: base, inverseCount: inv, d: d, g: g, squares: qm),
                       size: statisticSize(d), improvement: improvement, shift: shift)
    }

    /// The part `foldStatistic` folds into the improvement.
    @inline(__always)
    static func statisticGain(sum base: Double, inverseCount inv: Double, d: Double, g: Double, squares qm: Double) -> Double {
        (2 * base * d + 2 * d * d) * inv - g + 1e-11 * (qm + (2 * abs(base) * abs(d) + 2 * d * d) * inv)
    }

    /// The part `foldStatistic` folds into the shift.
    @inline(__always) static func statisticSize(_ d: Double) -> Double { abs(d) * (1 + 1e-12) }

    /// Raises component `c`'s improvement and shift to `gain` and `size` where they are below (or NaN).
    @inline(__always)
    static func raiseStatistic(_ c: Int, gain: Double, size: Double, improvement: UnsafeMutablePointer<Double>,
                               shift: UnsafeMutablePointer<Double>) {
        if !(gain <= improvement[c]) { improvement[c] = gain }
        if !(size <= shift[c]) { shift[c] = size }
    }
}
