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
    /// Per component, all ones where an online node's row takes part in it, else zero; then the same for an
    /// offline node (`2 * rowWidth` words, to mask row values bit for bit).
    let includeWords: UnsafeMutablePointer<UInt64>
}

/// Immutable raw buffers shared by the scanning threads (freed with the last reference).
final class FastTables: @unchecked Sendable {
    /// The buffers.
    let view: FastView

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
        let w = ScoreComponent.count, members = v.count / max(1, w)
        var onlineBits: UInt32 = 0, scored: UInt32 = 0, deviation: UInt32 = 0
        for c in 0..<w {
            if t.online[c] { onlineBits |= 1 << UInt32(c) }
            if t.aggregation[c] != .spread { scored |= 1 << UInt32(c) }
            if t.aggregation[c] == .standardDeviation { deviation |= 1 << UInt32(c) }
        }
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
        let deviations = (0..<w).filter { t.aggregation[$0] == .standardDeviation }
        view = FastView(
            values: copy(v), sums: copy(s), squares: copy(q), magnitudes: copy(m), counts: copy(c),
            basePartial: copy(s.isEmpty ? [Double](repeating: 0, count: 3 * w) : s + q + m),
            inverseCounts: copy(c.map { $0 == 0 ? 0 : 1 / $0 }), weights: copy(t.weightList),
            kind: copy(t.aggregation.map { a -> UInt8 in
                switch a { case .sum: return 0; case .standardDeviation: return 1; case .spread: return 2 }
            }),
            online: copy(t.online), offline: copy(o), order: copy(ord),
            onlineMask: onlineBits, offlineMask: ~onlineBits & ((1 << UInt32(w)) - 1),
            baseParts: copy([Double](repeating: 0, count: ScoreEvaluator.partsSize)),
            deviationComponents: copy(deviations), deviationCount: deviations.count, positions: copy(pos),
            scoredMask: scored, deviationMask: deviation, twinMask: twinBits, twin: copy(twins), partner: copy(partners),
            includeWords: copy(t.online.map { $0 ? UInt64.max : 0 } + t.online.map { $0 ? 0 : UInt64.max }))
    }

    deinit {
        let f = view
        f.values.deallocate(); f.sums.deallocate(); f.squares.deallocate(); f.magnitudes.deallocate()
        f.counts.deallocate(); f.basePartial.deallocate(); f.inverseCounts.deallocate(); f.weights.deallocate()
        f.kind.deallocate(); f.online.deallocate(); f.offline.deallocate(); f.order.deallocate()
        f.baseParts.deallocate(); f.deviationComponents.deallocate(); f.positions.deallocate()
        f.twin.deallocate(); f.partner.deallocate(); f.includeWords.deallocate()
    }
}
