/// The state of a capacity simulation: the cluster so far, what was placed, and why the last attempt stopped
/// (htools' `AllocResult`).
public struct AllocationProgress: Sendable {
    /// Failure counts of the attempt that ended the run.
    public var failures: FailureCounts
    /// The cluster with every placed instance.
    public var cluster: Cluster
    /// The placed instances, in allocation order (htools keeps them newest first).
    public var allocated: [Instance]
    /// Whether `failures` is htools' empty list rather than a collapsed count list (only before any attempt).
    public var failuresAreEmpty: Bool
    /// The global N+1 verdict already computed for exactly this cluster state, with the settings it used.
    var redundancyVerdict: (settings: RedundancySettings, redundant: Bool)?
    /// The plain-value redundancy form of `cluster` (whole cluster in scope) when known; the allocation loops keep
    /// it in step with every placement they apply.
    var lean: LeanRedundancy?
    /// Which nodes failed redundancy checks lately, shared by every state derived from this one.
    let hint: RedundancyHint

    /// The starting point: nothing placed yet, no failures recorded.
    public init(cluster: Cluster) {
        failures = FailureCounts()
        self.cluster = cluster
        allocated = []
        failuresAreEmpty = true
        redundancyVerdict = nil
        lean = nil
        hint = RedundancyHint()
    }

    /// Whether the cluster is globally N+1 redundant under `options`, reusing a verdict for the same state.
    mutating func isRedundant(_ options: AllocationOptions) -> Bool {
        let settings = RedundancySettings(options)
        if let v = redundancyVerdict, v.settings == settings { return v.redundant }
        let (r, used) = GlobalRedundancy.isRedundant(cluster, lean: lean, hint: hint, options: options)
        lean = used
        redundancyVerdict = (settings, r)
        return r
    }

    /// The progress with `failures` as the outcome of the last attempt.
    func stopped(with failures: FailureCounts) -> AllocationProgress {
        var p = self
        p.failures = failures
        p.failuresAreEmpty = false
        return p
    }
}

/// The options the global N+1 verdict depends on.
struct RedundancySettings: Equatable, Sendable {
    var acceptExisting: Bool
    var ignoredGroups: [GroupIndex]

    init(_ options: AllocationOptions) {
        acceptExisting = options.acceptExisting
        ignoredGroups = options.capacityIgnoredGroups
    }
}
