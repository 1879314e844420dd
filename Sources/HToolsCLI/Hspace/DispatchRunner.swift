import Dispatch
import ClusterModel

/// A `ParallelRunner` on Dispatch's concurrent loop, for the allocation engine.
public enum DispatchRunner {
    /// A runner using up to `width` threads; nil when `width` is 1 or less (sequential scans).
    public static func make(width: Int) -> ParallelRunner? {
        guard width > 1 else { return nil }
        return ParallelRunner(width: width) { count, job in
            DispatchQueue.concurrentPerform(iterations: count) { job($0) }
        }
    }
}
