/// Per-component constants as flat tables (no `allCases` arrays in hot loops).
struct ComponentTables: Sendable {
    let weightList: [Double]
    let aggregation: [Aggregation]
    let online: [Bool]

    static let shared = ComponentTables()

    private init() {
        weightList = ScoreComponent.allCases.map(\.weight)
        aggregation = ScoreComponent.allCases.map(\.aggregation)
        online = ScoreComponent.allCases.map(\.overOnlineNodes)
    }
}

/// The raw pointers of a `FastTables`, copied without reference counting into hot loops (valid while the
/// tables live).
struct FastView {
    let values: UnsafeMutablePointer<Double>
    let sums: UnsafeMutablePointer<Double>
    let squares: UnsafeMutablePointer<Double>
    let magnitudes: UnsafeMutablePointer<Double>
    let counts: UnsafeMutablePointer<Double>
    let basePartial: UnsafeMutablePointer<Double>
    let inverseCounts: UnsafeMutablePointer<Double>
    let weights: UnsafeMutablePointer<Double>
    let kind: UnsafeMutablePointer<UInt8>
    let online: UnsafeMutablePointer<Bool>
    let offline: UnsafeMutablePointer<Bool>
    let order: UnsafeMutablePointer<Int>
    let onlineMask: UInt32
    let offlineMask: UInt32
    let baseParts: UnsafeMutablePointer<Double>
    let deviationComponents: UnsafeMutablePointer<Int>
    let deviationCount: Int
    let positions: UnsafeMutablePointer<Int>
    let scoredMask: UInt32
    let deviationMask: UInt32
    let twinMask: UInt32
    let twin: UnsafeMutablePointer<Int>
    let partner: UnsafeMutablePointer<Int>
}

/// Immutable raw buffers shared by the scanning threads (freed with the last reference).
final class FastTables: @unchecked Sendable {
    let values: UnsafeMutablePointer<Double>
    let sums: UnsafeMutablePointer<Double>
    let squares: UnsafeMutablePointer<Double>
    let magnitudes: UnsafeMutablePointer<Double>
    let counts: UnsafeMutablePointer<Double>
    /// Base sums, squares and magnitudes laid out as a `preparePartial` result.
    let basePartial: UnsafeMutablePointer<Double>
    /// 1/count per component (0 when the count is 0).
    let inverseCounts: UnsafeMutablePointer<Double>
    let weights: UnsafeMutablePointer<Double>
    let kind: UnsafeMutablePointer<UInt8>
    let online: UnsafeMutablePointer<Bool>
    let offline: UnsafeMutablePointer<Bool>
    let order: UnsafeMutablePointer<Int>
    /// The components an online node's row takes part in, as a bit set (bit c for component c).
    let onlineMask: UInt32
    /// The components an offline node's row takes part in (the complement of `onlineMask`).
    let offlineMask: UInt32
    /// The base's `ScoreEvaluator.prepareParts` (before the spread is known: filled by the evaluator).
    let baseParts: UnsafeMutablePointer<Double>
    /// The standard-deviation components.
    let deviationComponents: UnsafeMutablePointer<Int>
    let deviationCount: Int
    /// Member position of each node index, or -1 (`ScoreEvaluator.position`).
    let positions: UnsafeMutablePointer<Int>
    /// The sum and standard-deviation components (not the spread), as a bit set.
    let scoredMask: UInt32
    /// The standard-deviation components, as a bit set.
    let deviationMask: UInt32
    /// Components with a twin: an earlier component of the same kind, weight and node set whose input equals
    /// theirs bit for bit on every member (`twin`). A candidate whose rows keep the equality scores both alike.
    let twinMask: UInt32
    /// Per component: its twin, or -1.
    let twin: UnsafeMutablePointer<Int>
    /// Per component: the later component it is the twin of, or -1 (each component has at most one).
    let partner: UnsafeMutablePointer<Int>

    static let empty = FastTables(values: [], sums: [], squares: [], magnitudes: [], counts: [], offline: [],
                                  order: Array(0..<ScoreComponent.count))

    init(values v: [Double], sums s: [Double], squares q: [Double], magnitudes m: [Double], counts c: [Double],
         offline o: [Bool], order ord: [Int], positions pos: [Int] = []) {
        func copy<T>(_ a: [T]) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, a.count))
            if !a.isEmpty { _ = UnsafeMutableBufferPointer(start: p, count: a.count).initialize(from: a) }
            return p
        }
        let t = ComponentTables.shared
        values = copy(v); sums = copy(s); squares = copy(q); magnitudes = copy(m); counts = copy(c)
        inverseCounts = copy(c.map { $0 == 0 ? 0 : 1 / $0 })
        basePartial = copy(s.isEmpty ? [Double](repeating: 0, count: 3 * ScoreComponent.count) : s + q + m)
        weights = copy(t.weightList)
        kind = copy(t.aggregation.map { a -> UInt8 in
            switch a { case .sum: return 0; case .standardDeviation: return 1; case .spread: return 2 }
        })
        online = copy(t.online)
        offline = copy(o)
        order = copy(ord)
        var mask: UInt32 = 0
        for (k, on) in t.online.enumerated() where on { mask |= 1 << UInt32(k) }
        onlineMask = mask
        offlineMask = ~mask & ((1 << UInt32(ScoreComponent.count)) - 1)
        baseParts = copy([Double](repeating: 0, count: ScoreEvaluator.partsSize))
        let deviations = (0..<ScoreComponent.count).filter { t.aggregation[$0] == .standardDeviation }
        deviationComponents = copy(deviations)
        deviationCount = deviations.count
        positions = copy(pos)
        var scored: UInt32 = 0, deviation: UInt32 = 0
        for c in 0..<ScoreComponent.count {
            if t.aggregation[c] != .spread { scored |= 1 << UInt32(c) }
            if t.aggregation[c] == .standardDeviation { deviation |= 1 << UInt32(c) }
        }
        scoredMask = scored
        deviationMask = deviation
        let w = ScoreComponent.count, members = v.count / max(1, w)
        var twins = [Int](repeating: -1, count: w), partners = twins, twinBits: UInt32 = 0
        for c2 in 0..<w where members > 0 && t.aggregation[c2] != .spread {
            for c1 in 0..<c2 where twins[c1] < 0 && partners[c1] < 0 && t.aggregation[c1] == t.aggregation[c2]
                && t.weightList[c1] == t.weightList[c2] && t.online[c1] == t.online[c2] {
                if (0..<members).allSatisfy({ v[$0 * w + c1].bitPattern == v[$0 * w + c2].bitPattern }) {
                    twins[c2] = c1
                    partners[c1] = c2
                    twinBits |= 1 << UInt32(c2)
                    break
                }
            }
        }
        twin = copy(twins)
        partner = copy(partners)
        twinMask = twinBits
    }

    /// The tables' pointers as a plain value.
    var view: FastView {
        FastView(values: values, sums: sums, squares: squares, magnitudes: magnitudes, counts: counts,
                 basePartial: basePartial, inverseCounts: inverseCounts, weights: weights, kind: kind, online: online,
                 offline: offline, order: order, onlineMask: onlineMask, offlineMask: offlineMask, baseParts: baseParts,
                 deviationComponents: deviationComponents, deviationCount: deviationCount, positions: positions,
                 scoredMask: scoredMask, deviationMask: deviationMask, twinMask: twinMask, twin: twin, partner: partner)
    }

    deinit {
        values.deallocate(); sums.deallocate(); squares.deallocate(); magnitudes.deallocate()
        counts.deallocate(); inverseCounts.deallocate(); basePartial.deallocate(); weights.deallocate(); kind.deallocate(); online.deallocate(); offline.deallocate()
        order.deallocate(); baseParts.deallocate(); deviationComponents.deallocate(); positions.deallocate(); twin.deallocate(); partner.deallocate()
    }
}
