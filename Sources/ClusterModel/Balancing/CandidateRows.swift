/// The score inputs of up to three changed nodes of one candidate, plus its spread component.
///
/// Rows live in caller-owned scratch storage (`ScoreEvaluator.rowWidth` doubles per row), so
/// building a candidate allocates nothing.
public struct CandidateRows {
    /// Number of changed member nodes (0...3).
    public internal(set) var count = 0
    var positions: (Int, Int, Int) = (-1, -1, -1)
    /// Start of three consecutive rows.
    let storage: UnsafeMutablePointer<Double>
    /// The location-exclusion spread value (Σ count − distinct pairs) of the candidate.
    public internal(set) var spread = 0

    /// Wraps scratch storage of at least `3 * ScoreEvaluator.rowWidth` doubles.
    init(storage: UnsafeMutablePointer<Double>) { self.storage = storage }

    /// The row slot for the next changed node, at member `position`.
    mutating func appendSlot(position: Int) -> UnsafeMutablePointer<Double> {
        switch count {
        case 0: positions.0 = position
        case 1: positions.1 = position
        default: positions.2 = position
        }
        let slot = storage + count * ScoreEvaluator.rowWidth
        count += 1
        return slot
    }

    /// Sets slot `k` to member `position` and returns its row storage.
    mutating func slot(_ k: Int, position: Int) -> UnsafeMutablePointer<Double> {
        switch k {
        case 0: positions.0 = position
        case 1: positions.1 = position
        default: positions.2 = position
        }
        count = max(count, k + 1)
        return storage + k * ScoreEvaluator.rowWidth
    }

    @inline(__always) func position(_ k: Int) -> Int { k == 0 ? positions.0 : (k == 1 ? positions.1 : positions.2) }
    @inline(__always) func row(_ k: Int) -> UnsafeMutablePointer<Double> { storage + k * ScoreEvaluator.rowWidth }
}
