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

    /// The starting point: nothing placed yet, no failures recorded.
    public init(cluster: Cluster) {
        failures = FailureCounts()
        self.cluster = cluster
        allocated = []
        failuresAreEmpty = true
    }

    /// The progress with `failures` as the outcome of the last attempt.
    func stopped(with failures: FailureCounts) -> AllocationProgress {
        var p = self
        p.failures = failures
        p.failuresAreEmpty = false
        return p
    }
}
