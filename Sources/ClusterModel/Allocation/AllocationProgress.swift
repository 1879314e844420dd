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
    /// A plain-value redundancy form (whole cluster in scope) of this or an earlier state of `cluster`, with that
    /// state's instance count; `cluster` grew from it only by placing the instances since (see `currentLean`).
    var lean: (base: LeanRedundancy, instances: Int)?
    /// Which nodes failed redundancy checks lately, shared by every state derived from this one.
    var hint: RedundancyHint

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
        let (r, used) = GlobalRedundancy.isRedundant(cluster, lean: currentLean(), hint: hint, options: options)
        lean = used.map { ($0, cluster.instances.count) }
        redundancyVerdict = (settings, r)
        return r
    }

    /// The lean redundancy form of exactly `cluster`, caught up with the placements since it was made (nil when
    /// unknown or unsupported).
    mutating func currentLean() -> LeanRedundancy? {
        guard let l = lean else { return nil }
        let count = cluster.instances.count
        if l.instances == count { return l.base }
        let caught = l.base.catchingUp(to: cluster)
        lean = caught.map { ($0, count) }
        return caught
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
