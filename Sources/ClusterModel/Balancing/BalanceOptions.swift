/// Knobs of the balancing algorithm (htools' `AlgorithmOptions`).
public struct BalanceOptions: Sendable {
    /// Whether moves that relocate disks are allowed.
    public var diskMoves = true
    /// Whether moves that change the primary are allowed.
    public var instanceMoves = true
    /// Whether to avoid replace-primary moves (migrations from a live primary).
    public var restrictedMigration = false
    /// Whether to ignore soft errors (N+1, tags, CPU and disk limits).
    public var ignoreSoftErrors = false
    /// Whether to move only instances on offline nodes.
    public var evacuationMode = false
    /// Minimum gain a step must bring once the score is below `minGainLimit`.
    public var minGain = 1e-2
    /// Score below which `minGain` applies.
    public var minGainLimit = 1e-1
    /// Whether candidate bounds are carried from step to step (the same plan either way; off only for tests).
    public var carryBounds = true
    /// Online nodes from which bounds are carried (below it most candidates touch a step's nodes anyway, and the
    /// plain search is faster); evacuations carry at any size.
    public var carryingMinimumNodes = 32
    /// Worker threads for the candidate search (results do not depend on it).
    public var threads = 1

    /// Creates options with htools' defaults.
    public init() {}
}
