/// The algorithm settings allocation honours (the allocation part of htools' `AlgorithmOptions`).
public struct AllocationOptions: Sendable {
    /// Ignore soft placement errors on the primary (`--ignore-soft-errors`).
    public var ignoreSoftErrors: Bool
    /// Check global N+1 redundancy of the result (cleared by `--no-capacity-checks`).
    public var capacityChecks: Bool
    /// Groups left out of the global N+1 check (hspace `--independent-groups`).
    public var capacityIgnoredGroups: [GroupIndex]
    /// Only these node names may receive instances (`--restrict-allocation-to`, iallocator node restrictions).
    public var restrictToNodes: [String]?
    /// Accept existing N+1 violations: offline nodes are left out of the global check (`--accept-existing-errors`).
    public var acceptExisting: Bool
    /// Splits independent work across threads; nil scans sequentially (the result is identical).
    public var parallelism: ParallelRunner?

    /// Creates options with htools' defaults (capacity checks on, nothing ignored).
    public init(ignoreSoftErrors: Bool = false, capacityChecks: Bool = true, capacityIgnoredGroups: [GroupIndex] = [],
                restrictToNodes: [String]? = nil, acceptExisting: Bool = false, parallelism: ParallelRunner? = nil) {
        self.ignoreSoftErrors = ignoreSoftErrors
        self.capacityChecks = capacityChecks
        self.capacityIgnoredGroups = capacityIgnoredGroups
        self.restrictToNodes = restrictToNodes
        self.acceptExisting = acceptExisting
        self.parallelism = parallelism
    }
}

/// Runs `count` independent jobs, possibly concurrently, and returns when all are done.
///
/// ClusterModel has no threads of its own; a program may inject one (e.g. built on `DispatchQueue.concurrentPerform`).
/// Each job writes only its own result slot, so the outcome never depends on scheduling.
public struct ParallelRunner: Sendable {
    /// How many jobs are worth creating (usually the number of cores).
    public var width: Int
    /// Calls the closure once for every job number in `0..<count`.
    public var run: @Sendable (_ count: Int, _ job: (Int) -> Void) -> Void

    /// Wraps a job runner.
    public init(width: Int, run: @escaping @Sendable (_ count: Int, _ job: (Int) -> Void) -> Void) {
        self.width = width
        self.run = run
    }
}
