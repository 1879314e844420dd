/// Cluster-wide resource totals as hspace reports them (htools' `CStats`, from `totalResources`).
public struct ClusterResources: Equatable, Sendable {
    /// Free (unallocated) memory.
    public var freeMemory = 0
    /// Free disk.
    public var freeDisk = 0
    /// Free spindles.
    public var freeSpindles = 0
    /// Allocatable memory (beyond N+1 reservations).
    public var availableMemory = 0
    /// Allocatable disk.
    public var availableDisk = 0
    /// Allocatable virtual CPUs.
    public var availableCpus = 0
    /// Largest allocatable memory of one node.
    public var maxNodeMemory = 0
    /// Largest allocatable disk of one node.
    public var maxNodeDisk = 0
    /// Largest allocatable CPU count of one node.
    public var maxNodeCpus = 0
    /// Memory used by instances.
    public var instanceMemory = 0
    /// Disk used by instances.
    public var instanceDisk = 0
    /// Spindles used by instances.
    public var instanceSpindles = 0
    /// Virtual CPUs used by instances.
    public var instanceCpus = 0
    /// Total memory.
    public var totalMemory = 0.0
    /// Total disk.
    public var totalDisk = 0.0
    /// Total spindles.
    public var totalSpindles = 0.0
    /// Total physical CPUs.
    public var totalCpus = 0.0
    /// Total virtual CPUs the policies allow.
    public var virtualCpus = 0
    /// Used CPUs in physical-CPU terms (used virtual CPUs over the vcpu ratio).
    public var normalizedCpus = 0.0
    /// Unaccounted memory.
    public var missingMemory = 0
    /// Memory used by the nodes themselves.
    public var nodeMemory = 0
    /// The cluster score.
    public var score = 0.0
    /// Number of instances (primaries counted on their nodes).
    public var instanceCount = 0

    /// The totals over all nodes of `cluster`, offline ones included (htools' `totalResources`).
    public init(_ cluster: Cluster) {
        for n in cluster.nodes {
            freeMemory &+= n.unallocatedMemory
            freeDisk &+= n.freeDisk
            freeSpindles &+= n.freeSpindles
            availableMemory &+= n.availableMemory
            availableDisk &+= n.availableDisk
            availableCpus &+= n.availableCpus
            maxNodeMemory = max(maxNodeMemory, n.availableMemory)
            maxNodeDisk = max(maxNodeDisk, n.availableDisk)
            maxNodeCpus = max(maxNodeCpus, n.availableCpus)
            instanceMemory &+= n.instanceMemory
            instanceDisk &+= Node.truncateToInt(n.totalDisk) &- n.freeDisk
            instanceSpindles &+= n.totalSpindles &- n.freeSpindles
            instanceCpus &+= n.usedCpus
            totalMemory = totalMemory + n.totalMemory
            totalDisk = totalDisk + n.totalDisk
            totalSpindles = totalSpindles + Double(n.totalSpindles)
            totalCpus = totalCpus + n.totalCpus
            virtualCpus &+= n.highCpus
            normalizedCpus = normalizedCpus + Double(n.usedCpus) / n.policy.vcpuRatio
            missingMemory &+= n.missingMemory
            nodeMemory &+= n.nodeMemory
            instanceCount &+= n.primaries.count
        }
        score = cluster.score()
    }

    /// Memory used by instances over total memory.
    public var memoryEfficiency: Double { Double(instanceMemory) / totalMemory }
    /// Disk used by instances over total disk.
    public var diskEfficiency: Double { Double(instanceDisk) / totalDisk }
    /// Used virtual CPUs over the allowed ones.
    public var cpuEfficiency: Double { Double(instanceCpus) / Double(virtualCpus) }
    /// Used spindles over total spindles.
    public var spindleEfficiency: Double { Double(instanceSpindles) / totalSpindles }
}

/// Resources in one allocation-delta category (htools' `AllocInfo`).
public struct ResourceAmounts: Equatable, Sendable {
    /// Virtual CPUs.
    public var vcpus: Int
    /// Physical CPU equivalent.
    public var normalizedCpus: Double
    /// Memory.
    public var memory: Int
    /// Disk.
    public var disk: Int
    /// Spindles.
    public var spindles: Int
}

extension ClusterResources {
    /// What was used before, what the run allocated, and what stays unavailable (htools' `computeAllocationDelta`).
    public static func allocationDelta(initial i: ClusterResources, final f: ClusterResources)
        -> (used: ResourceAmounts, allocated: ResourceAmounts, unavailable: ResourceAmounts) {
        let used = ResourceAmounts(vcpus: i.instanceCpus, normalizedCpus: i.normalizedCpus, memory: i.instanceMemory,
                                   disk: i.instanceDisk, spindles: i.instanceSpindles)
        let allocated = ResourceAmounts(vcpus: f.instanceCpus &- i.instanceCpus,
                                        normalizedCpus: f.normalizedCpus - i.normalizedCpus,
                                        memory: f.instanceMemory &- i.instanceMemory,
                                        disk: f.instanceDisk &- i.instanceDisk,
                                        spindles: f.instanceSpindles &- i.instanceSpindles)
        let unavailable = ResourceAmounts(vcpus: f.virtualCpus &- f.instanceCpus,
                                          normalizedCpus: f.totalCpus - f.normalizedCpus,
                                          memory: Node.truncateToInt(f.totalMemory) &- f.instanceMemory,
                                          disk: Node.truncateToInt(f.totalDisk) &- f.instanceDisk,
                                          spindles: Node.truncateToInt(f.totalSpindles) &- f.instanceSpindles)
        return (used, allocated, unavailable)
    }
}
