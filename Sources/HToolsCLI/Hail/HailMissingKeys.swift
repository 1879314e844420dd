import ClusterModel
import ClusterIO

/// htools' behaviour when a lookup by index fails: GHC's `IntMap.!` error, exit code 1.
///
/// This happens when `-t`/`--simulate` replaces the request's cluster and the request names
/// instances by indices that the new cluster does not have.
enum HailMissingKeys {
    /// The first instance index the request uses that `cluster` lacks, in htools' evaluation order.
    static func firstMissingInstance(_ kind: IAllocatorRequestKind, in cluster: Cluster) -> Int? {
        let used: [InstanceIndex]
        switch kind {
        case .relocate(let i, let required, _): used = required == 1 ? [i] : []
        case .allocateSecondary(let i): used = [i]
        case .nodeEvacuate(let insts, _), .changeGroup(let insts, _): used = insts
        case .allocate, .multiAllocate: used = []
        }
        return used.first { $0.value < 0 || $0.value >= cluster.instances.count }?.value
    }

    /// Prints GHC's message for a missing `IntMap` key and exits with code 1.
    static func die(key: Int) -> Never {
        Console.errLine("hail: IntMap.!: key \(key) is not an element of the map")
        Console.errLine("CallStack (from HasCallStack):")
        Console.errLine("  error, called at libraries/containers/containers/src/Data/IntMap/Internal.hs:619:17 "
                        + "in containers-0.6.4.1:Data.IntMap.Internal")
        Console.exit(1)
    }
}
