import Synchronization

/// The best score any chunk of a step's search has reached so far, shared between the scanning threads: a
/// candidate that cannot get below it cannot win, whichever chunk it is in. Only exact scores of real
/// candidates are published and ties are never cut by it, so the pruning it allows cannot change the step's
/// result, only how much of the step each thread evaluates.
final class SharedCeiling: Sendable {
    private let bits: Atomic<UInt64>

    /// A ceiling at `score` (the score every candidate must beat).
    init(_ score: Double) { bits = Atomic(score.bitPattern) }

    /// Publishes the score of `best` when it is lower, then lowers `best.ceilingLimit` to just above the shared
    /// score (ties with it are never cut).
    @inline(__always) func exchange(_ best: inout BestCandidate) {
        if best.instance != nil { lower(to: best.score) }
        let limit = Double(bitPattern: bits.load(ordering: .relaxed)).nextUp
        if limit < best.ceilingLimit { best.ceilingLimit = limit }
    }

    private func lower(to score: Double) {
        var old = bits.load(ordering: .relaxed)
        while score < Double(bitPattern: old) {
            let (exchanged, now) = bits.compareExchange(expected: old, desired: score.bitPattern, ordering: .relaxed)
            if exchanged { return }
            old = now
        }
    }
}
