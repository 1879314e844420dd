/// A physical node with its capacities, usage and the derived values the score needs.
///
/// Field meanings follow htools' `Node` record; `…Forth` fields also count forthcoming instances.
public struct Node: Equatable, Sendable {
    /// Full name.
    public var name: String
    /// Name without the common domain suffix.
    public var alias: String
    /// Total memory (MiB, state of world).
    public var totalMemory: Double
    /// Memory used by the node itself (MiB).
    public var nodeMemory: Int
    /// Memory used by primary instances (MiB, state of record).
    public var instanceMemory: Int
    /// Free memory reported by the node (MiB).
    public var freeMemory: Int
    /// Free memory including forthcoming instances.
    public var freeMemoryForth: Int
    /// Unaccounted memory (MiB).
    public var missingMemory: Int
    /// Total disk (MiB).
    public var totalDisk: Double
    /// Free disk (MiB).
    public var freeDisk: Int
    /// Free disk including forthcoming instances.
    public var freeDiskForth: Int
    /// Physical CPUs.
    public var totalCpus: Double
    /// Relative CPU speed.
    public var cpuSpeed: Double
    /// CPUs used by the node OS.
    public var nodeCpus: Int
    /// Used virtual CPUs.
    public var usedCpus: Int
    /// Used virtual CPUs including forthcoming instances.
    public var usedCpusForth: Int
    /// Total spindles.
    public var totalSpindles: Int
    /// Free spindles (exclusive storage).
    public var freeSpindles: Int
    /// Free spindles including forthcoming instances.
    public var freeSpindlesForth: Int
    /// Primary instances, most recently added last.
    public var primaries: [InstanceIndex]
    /// Primary instances including forthcoming ones.
    public var primariesForth: [InstanceIndex]
    /// Secondary instances, most recently added last.
    public var secondaries: [InstanceIndex]
    /// Secondary instances including forthcoming ones.
    public var secondariesForth: [InstanceIndex]
    /// Position in the cluster's node array.
    public var index: NodeIndex
    /// Failover memory each peer would need here.
    public var peers: PeerMap
    /// Whether the node fails the N+1 memory check.
    public var failsN1: Bool
    /// Reserved memory: the largest peer entry.
    public var reservedMemory: Int
    /// Ratio of unallocated to total memory.
    public var freeMemoryRatio: Double
    /// Free memory ratio including forthcoming instances.
    public var freeMemoryRatioForth: Double
    /// Ratio of free to total disk (or spindles with exclusive storage).
    public var freeDiskRatio: Double
    /// Free disk ratio including forthcoming instances.
    public var freeDiskRatioForth: Double
    /// Ratio of reserved to total memory.
    public var reservedMemoryRatio: Double
    /// Ratio of virtual to physical CPUs.
    public var cpuRatio: Double
    /// CPU ratio including forthcoming instances.
    public var cpuRatioForth: Double
    /// Minimum free disk ratio.
    public var minDiskRatio: Double
    /// Low-disk threshold derived from `minDiskRatio`.
    public var lowDisk: Int
    /// High-CPU threshold derived from the policy's vcpu ratio.
    public var highCpus: Int
    /// Spindle limit derived from the policy's spindle ratio.
    public var highSpindles: Double
    /// Spindles used by instances.
    public var instanceSpindles: Double
    /// Spindles used including forthcoming instances.
    public var instanceSpindlesForth: Double
    /// Whether the node is offline.
    public var offline: Bool
    /// Whether the node is the master.
    public var isMaster: Bool
    /// Node tags in file order.
    public var tags: [String]
    /// Utilisation capacity.
    public var utilisationPool: DynamicUtilisation
    /// Summed instance utilisation.
    public var utilisationLoad: DynamicUtilisation
    /// Summed utilisation including forthcoming instances.
    public var utilisationLoadForth: DynamicUtilisation
    /// Exclusion tag (interned) → number of primaries carrying it.
    public var primaryTags: [Int: Int]
    /// Node group.
    public var group: GroupIndex
    /// Instance policy of the node's group.
    public var policy: InstancePolicy
    /// Effective exclusive storage.
    public var exclusiveStorage: Bool
    /// Migration tags (interned, sorted).
    public var migrationTags: [Int]
    /// Migration tags this node can receive (interned, sorted).
    public var receivableMigrationTags: [Int]
    /// Location tags (interned, sorted).
    public var locationTags: [Int]
    /// Sum of instance location and desired-location scores.
    public var locationScore: Int
    /// (location tag, exclusion tag) pair key → number of primaries.
    public var locationExclusionCounts: [Int: Int]

    /// Creates a node as htools' `Node.create` does (no instances yet).
    public init(name: String, totalMemory: Double, nodeMemory: Int, freeMemory: Int, totalDisk: Double, freeDisk: Int,
                totalCpus: Double, nodeCpus: Int, offline: Bool, totalSpindles: Int, freeSpindles: Int,
                group: GroupIndex, exclusiveStorage: Bool) {
        self.name = name; alias = name
        self.totalMemory = totalMemory; self.nodeMemory = nodeMemory; instanceMemory = 0; missingMemory = 0
        freeMemoryRatio = 0
        self.freeMemory = freeMemory; freeMemoryForth = freeMemory
        self.totalDisk = totalDisk; self.freeDisk = freeDisk; freeDiskForth = freeDisk
        self.totalCpus = totalCpus; cpuSpeed = 1; self.nodeCpus = nodeCpus; usedCpus = nodeCpus; usedCpusForth = nodeCpus
        self.totalSpindles = totalSpindles; self.freeSpindles = freeSpindles; freeSpindlesForth = freeSpindles
        primaries = []; primariesForth = []; secondaries = []; secondariesForth = []
        failsN1 = true; index = NodeIndex(-1); peers = PeerMap(); reservedMemory = 0
        freeMemoryRatioForth = Double(freeMemory) / totalMemory
        let diskRatio = exclusiveStorage
            ? Node.diskRatio(free: freeSpindles, total: Double(totalSpindles))
            : Node.diskRatio(free: freeDisk, total: totalDisk)
        freeDiskRatio = diskRatio; freeDiskRatioForth = diskRatio
        reservedMemoryRatio = 0
        cpuRatio = Double(nodeCpus) / totalCpus; cpuRatioForth = cpuRatio
        self.offline = offline; isMaster = false; tags = []
        minDiskRatio = 0; lowDisk = Node.floorToInt(0 * totalDisk)
        highCpus = Node.floorToInt(InstancePolicy.htoolsDefault.vcpuRatio * totalCpus)
        highSpindles = InstancePolicy.htoolsDefault.spindleRatio * Double(totalSpindles)
        instanceSpindles = 0; instanceSpindlesForth = 0
        utilisationPool = .base; utilisationLoad = .zero; utilisationLoadForth = .zero
        primaryTags = [:]; self.group = group; policy = .htoolsDefault; self.exclusiveStorage = exclusiveStorage
        migrationTags = []; receivableMigrationTags = []; locationTags = []; locationScore = 0
        locationExclusionCounts = [:]
    }

    /// Free ratio of a disk resource; a node without any counts as entirely free.
    public static func diskRatio(free: Int, total: Double) -> Double {
        total == 0 ? 1 : Double(free) / total
    }

    /// Haskell's `floor` to Int; like GHC on x86-64, out-of-range values and NaN give `Int.min`.
    public static func floorToInt(_ x: Double) -> Int {
        let f = x.rounded(.down)
        guard f.isFinite, f >= -9.223372036854775808e18, f < 9.223372036854775808e18 else { return Int.min }
        return Int(f)
    }

    /// Haskell's `truncate` to Int; like GHC on x86-64, out-of-range values and NaN give `Int.min`.
    public static func truncateToInt(_ x: Double) -> Int {
        let f = x.rounded(.towardZero)
        guard f.isFinite, f >= -9.223372036854775808e18, f < 9.223372036854775808e18 else { return Int.min }
        return Int(f)
    }
}
