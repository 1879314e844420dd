/// Rounding-safe lower and upper bounds on score components computed from running sums instead of htools'
/// in-order recomputation (the margins of `ScoreEvaluator.cannotBeat`, property-tested against exact scores).
enum ScoreBounds {
    /// Bounds on one component's value from the sum, sum of squares and sum of magnitudes of its `count` inputs.
    /// The spread component is not covered (callers add its exact value).
    @inline(__always)
    static func part(_ aggregation: Aggregation, sum s: Double, squares q: Double, magnitude m: Double,
                     count: Double) -> (low: Double, high: Double) {
        switch aggregation {
        case .sum:
            let margin = 1e-9 * (1 + m)
            return (s - margin, s + margin)
        case .standardDeviation:
            if count == 0 { return (0, 0) }
            let (variance, margin) = varianceWithMargin(s, q, m, count)
            let low = variance - margin, high = variance + margin
            return (low > 0 ? low.squareRoot() : 0, high > 0 ? high.squareRoot() : 0)
        case .spread:
            return (0, 0)
        }
    }

    /// The lower bound of `part` alone (one square root instead of two).
    @inline(__always)
    static func lowPart(_ aggregation: Aggregation, sum s: Double, squares q: Double, magnitude m: Double,
                        count: Double) -> Double {
        switch aggregation {
        case .sum:
            return s - 1e-9 * (1 + m)
        case .standardDeviation:
            if count == 0 { return 0 }
            let (variance, margin) = varianceWithMargin(s, q, m, count)
            let low = variance - margin
            return low > 0 ? low.squareRoot() : 0
        case .spread:
            return 0
        }
    }

    /// The population variance from running sums, and the rounding margin around it.
    @inline(__always)
    private static func varianceWithMargin(_ s: Double, _ q: Double, _ m: Double,
                                           _ count: Double) -> (variance: Double, margin: Double) {
        let mean = s / count, meanSquare = q / count, spread = m / count
        return (meanSquare - mean * mean, 1e-10 * (abs(meanSquare) + mean * mean + spread * spread) + 1e-300)
    }

    /// Bounds on a weighted total from its bounded parts; `magnitude` is the sum of the parts' absolute weighted
    /// values.
    @inline(__always)
    static func total(low: Double, high: Double, magnitude: Double) -> (low: Double, high: Double) {
        (low - 1e-12 * magnitude - 1e-300, high + 1e-12 * magnitude + 1e-300)
    }
}
