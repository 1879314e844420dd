/// Lower bounds on the scores of each victim's candidate moves, carried from step to step of a balancing run.
///
/// When candidates are scanned with statistics, each one's lower bound goes into its victim's slot for its
/// target (slot 0: the target-free failover), and its per-component statistics are folded into the victim's
/// record: per standard-deviation component the largest improvement of n·variance over the base (`m`) and the
/// largest |change of the input sum| (`M`). After a step that did not touch the victim's own nodes, its
/// candidates towards untouched targets keep their rows, so every slot moves by the same drift
/// (`StepDrift`): each such candidate's n·variance moved by `ΔV − 2·ΔS_cand·ΔS/n ≥ ΔV − 2·M·|ΔS|/n` from at
/// least `V − m`, and the square root's change is bounded from below on that range. The drift is kept once per
/// victim (`offset`): a slot holds its bound minus the offset at the time it was computed. Candidates towards
/// the step's touched nodes are evaluated afresh, as are the slots whose carried bound cannot be told apart
/// from the best candidate so far; a victim whose least bound cannot beat it needs nothing else in that step.
final class VictimBounds: @unchecked Sendable {
    /// Doubles of statistics per record: `m` then `M`, one per component.
    @inline(__always) static var statsWidth: Int { 2 * ScoreComponent.count }

    /// Slots per victim: the failover and one per online target.
    let slots: Int
    /// Per instance: the step the record is current at, or -1.
    let step: UnsafeMutablePointer<Int>
    /// Per instance: the drift added to every slot since the record was started.
    let offset: UnsafeMutablePointer<Double>
    /// Per instance: the least stored slot value.
    let least: UnsafeMutablePointer<Double>
    private let statsStorage: UnsafeMutablePointer<Double>
    private let fixedStorage: UnsafeMutablePointer<Double>
    private let slotStorage: UnsafeMutablePointer<Double>

    /// Empty records for `instances` instances and `targets` online targets.
    init(instances: Int, targets: Int) {
        slots = targets + 1
        step = .allocate(capacity: max(1, instances))
        step.initialize(repeating: -1, count: max(1, instances))
        offset = .allocate(capacity: max(1, instances))
        offset.initialize(repeating: 0, count: max(1, instances))
        least = .allocate(capacity: max(1, instances))
        least.initialize(repeating: .infinity, count: max(1, instances))
        statsStorage = .allocate(capacity: max(1, instances) * VictimBounds.statsWidth)
        fixedStorage = .allocate(capacity: max(1, instances) * VictimBounds.statsWidth)
        // Slot rows are initialised when a record starts (most pages of unused rows are never touched).
        slotStorage = .allocate(capacity: max(1, instances) * slots)
    }

    deinit {
        step.deallocate(); offset.deallocate(); least.deallocate(); statsStorage.deallocate(); fixedStorage.deallocate()
        slotStorage.deallocate()
    }

    /// The statistics of instance `i`.
    @inline(__always) func stats(_ i: Int) -> UnsafeMutablePointer<Double> { statsStorage + i * VictimBounds.statsWidth }

    /// The fixed-row statistics of instance `i` (`LeanVictimMoves.fixedStatistics` of its fresh scan, carried along
    /// with `m`; the same layout as `stats`, and meaningful only for victims scanned with prepared moves).
    @inline(__always) func fixed(_ i: Int) -> UnsafeMutablePointer<Double> { fixedStorage + i * VictimBounds.statsWidth }

    /// The slot row of instance `i`.
    @inline(__always) func slotRow(_ i: Int) -> UnsafeMutablePointer<Double> { slotStorage + i * slots }

    /// A stored slot value with `offset` added, lowered to cover the rounding of the addition.
    @inline(__always) static func carried(_ stored: Double, offset o: Double) -> Double {
        // An empty slot (every candidate refused) stays empty: ∞ − ∞ would make it NaN, which beats nothing
        // and so would be scanned again.
        stored == .infinity ? stored : stored + o - 4e-16 * (abs(stored) + abs(o))
    }

    /// The carried lower bound on every candidate of instance `i`.
    @inline(__always) func low(_ i: Int) -> Double { VictimBounds.carried(least[i], offset: offset[i]) }

    /// Starts a fresh record for instance `i` at step `s` (no candidate folded in yet).
    func reset(_ i: Int, step s: Int) {
        step[i] = s
        offset[i] = 0
        least[i] = .infinity
        stats(i).initialize(repeating: 0, count: VictimBounds.statsWidth)
        fixed(i).initialize(repeating: 0, count: VictimBounds.statsWidth)
        slotRow(i).initialize(repeating: .infinity, count: slots)
    }

    /// Folds a candidate's `bound` into slot `j` of a record given as raw pointers (its slot row, its least value
    /// and its offset): the slot keeps the least of the candidates evaluated for it since it was last cleared.
    @inline(__always)
    static func fold(_ bound: Double, offset o: Double, into row: UnsafeMutablePointer<Double>, slot j: Int,
                     least: UnsafeMutablePointer<Double>) {
        let v = bound - o
        // Lowered to cover the rounding of the subtraction.
        let stored = v.isNaN ? -Double.infinity : v - 4e-16 * (abs(v) + abs(o))
        if stored < row[j] { row[j] = stored }
        if stored < least.pointee { least.pointee = stored }
    }

    /// Recomputes the least slot value of instance `i`.
    func refreshLeast(_ i: Int) {
        let row = slotRow(i)
        var m = Double.infinity
        for j in 0..<slots where row[j] < m { m = row[j] }
        least[i] = m
    }

    /// Advances the record of instance `i` across `drift` to step `s`; returns the carried bound (the record is
    /// dropped, and -∞ returned, when the drift is not finite).
    func advance(_ i: Int, drift: StepDrift, to s: Int) -> Double {
        guard let o = carriedOffset(i, drift: drift, updatingStatistics: true) else {
            step[i] = -1
            return -.infinity
        }
        offset[i] = o
        step[i] = s
        return low(i)
    }

    /// Component `c`'s fixed-row improvement share `value` carried across `drift`: with the victim's own rows
    /// unchanged it moves by exactly 2·d·ΔS/n, where |d| is at most the stored `shift` (which stays).
    @inline(__always)
    static func carriedFixedImprovement(_ value: Double, shift: Double, drift: StepDrift, component c: Int) -> Double {
        value + 2 * shift * (abs(drift.sumChange[c]) + drift.sumError[c]) * drift.inverseCounts[c] * (1 + 1e-12)
            + drift.varianceError[c]
    }

    /// The fixed-row statistics of instance `i` carried across `drift`, without changing the record (for checks).
    func carriedFixed(_ i: Int, drift: StepDrift) -> [Double] {
        let w = ScoreComponent.count
        let t = ComponentTables.shared
        var out = (0..<VictimBounds.statsWidth).map { fixed(i)[$0] }
        for c in 0..<w where drift.changed[c] && t.aggregation[c] == .standardDeviation {
            out[c] = VictimBounds.carriedFixedImprovement(out[c], shift: out[w + c], drift: drift, component: c)
        }
        return out
    }

    /// The offset of instance `i` after `drift`, or nil when it is not finite; with `updatingStatistics` the
    /// record's `m` and fixed-row share are moved along (the statistics after the step).
    func carriedOffset(_ i: Int, drift: StepDrift, updatingStatistics: Bool) -> Double? {
        let w = ScoreComponent.count
        let t = ComponentTables.shared
        let m = stats(i), big = m + w
        let fixedM = fixed(i), fixedBig = fixedM + w
        var moved = 0.0, magnitude = 0.0
        for c in 0..<w where drift.changed[c] {
            switch t.aggregation[c] {
            case .sum:
                moved += t.weightList[c] * (drift.sumChange[c] - drift.sumError[c])
                magnitude += t.weightList[c] * abs(drift.sumChange[c])
            case .standardDeviation:
                let cross = 2 * big[c] * abs(drift.sumChange[c]) * drift.inverseCounts[c] * (1 + 1e-12)
                let dLow = drift.varianceChangeLow[c] - cross
                let aLow = max(0, drift.varianceBeforeLow[c] - m[c])
                if updatingStatistics {
                    m[c] = m[c] + cross + drift.varianceError[c]
                    fixedM[c] = VictimBounds.carriedFixedImprovement(fixedM[c], shift: fixedBig[c], drift: drift, component: c)
                }
                if dLow >= 0 { continue }
                let rootChange = aLow + dLow >= 0
                    ? dLow / ((aLow + dLow).squareRoot() + aLow.squareRoot())
                    : -(-dLow).squareRoot()
                let part = t.weightList[c] * rootChange * drift.inverseRootCounts[c] * (1 + 1e-12)
                moved += part
                magnitude += abs(part)
            case .spread:
                // Only without location tags, where the spread never changes.
                continue
            }
        }
        // A record without a finite slot (every candidate refused) carries as it is.
        let o = offset[i] + moved - 1e-13 * ((least[i].isFinite ? abs(low(i)) : 0) + magnitude) - 1e-300
        return o.isFinite ? o : nil
    }
}
