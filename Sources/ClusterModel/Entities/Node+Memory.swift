extension Node {
    /// Free memory by our records: total − node − instances.
    public var recordedFreeMemory: Int { Node.truncateToInt(totalMemory) &- nodeMemory &- instanceMemory }

    /// Memory the node reports missing: recorded free − reported free.
    public var computedMissingMemory: Int { recordedFreeMemory &- freeMemory }

    /// Guaranteed free memory: recorded free less any positive missing memory.
    public var unallocatedMemory: Int { recordedFreeMemory &- max(0, missingMemory) }

    /// Unallocated memory beyond the N+1 reservation (never negative).
    public var availableMemory: Int { max(0, unallocatedMemory &- reservedMemory) }

    /// Free disk above the low-disk threshold (never negative).
    public var availableDisk: Int { freeDisk < lowDisk ? 0 : freeDisk &- lowDisk }

    /// Disk used by instances: total − free.
    public var usedDisk: Int { Node.truncateToInt(totalDisk) &- freeDisk }

    /// Virtual CPUs left below the high-CPU threshold (never negative).
    public var availableCpus: Int { highCpus >= usedCpus ? highCpus &- usedCpus : 0 }

    /// CPU ratio weighted by CPU speed.
    public var effectiveCpuRatio: Double { cpuRatio / cpuSpeed }

    /// CPU ratio including forthcoming instances, weighted by CPU speed.
    public var effectiveCpuRatioForth: Double { cpuRatioForth / cpuSpeed }

    /// Number of primaries whose exclusion tags collide with another primary's.
    public var conflictingPrimaries: Int { Node.conflictingPrimaries(primaryTags) }

    /// `conflictingPrimaries` of a primary-tag count map (for callers that read the map in place).
    static func conflictingPrimaries(_ tags: [Int: Int]) -> Int {
        var sum = 0
        for (_, c) in tags { sum &+= c }
        return sum &- tags.count
    }
}
