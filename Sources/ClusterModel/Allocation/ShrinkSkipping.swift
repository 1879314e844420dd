extension AllocationSearch {
    /// How many further one-unit shrinks of `mode` (memory or disk) certainly leave an attempt's outcome unchanged,
    /// given that every target of `instance` refuses already at its primary node (`primaryStageFailures` is non-nil).
    ///
    /// Every check of that stage that reads the shrinking resource compares it with a fixed threshold (node free
    /// memory or disk, N+1 reserve, forthcoming headroom, the policies' minimum and maximum). While the resource
    /// stays at or above the largest threshold not above it, every comparison keeps its result, so the refusals
    /// (and their counts) repeat. Returns 0 for other modes or when unsure; never counts a shrink `shrink(by:)`
    /// would refuse.
    static func unchangedShrinkSteps(_ cache: SearchCache, instance: Instance, targets: AllocationTargets,
                                     mode: FailMode) -> Int {
        var primaries: [Int] = []
        switch targets {
        case .pairs(let pairs): primaries = pairs.map(\.primary.value)
        case .singles(let nodes): primaries = nodes.map(\.value)
        }
        let lean = cache.leanNodes
        // Policies of the primaries' groups, once per group.
        var groups: [GroupIndex] = []
        var ranges: [MinMaxSpec] = []
        for p in primaries where !groups.contains(lean[p].group) {
            groups.append(lean[p].group)
            ranges += cache.cluster.nodes[p].policy.minMaxSpecs
        }
        // Thresholds X of conditions "value ≥ X"; the result is the number of steps staying at or above the
        // largest X not above the current value.
        func steps(value: Int, unit: Int, thresholds: [Int]) -> Int {
            var floor = Int.min
            for x in thresholds where x <= value && x > floor { floor = x }
            guard floor != Int.min else { return Int.max }
            return (value - floor) / unit
        }
        let limit = 1 << 52
        switch mode {
        case .memory:
            let m = instance.memory
            guard m > 64, m < limit, !instance.forthcoming else { return 0 }
            var xs: [Int] = []
            for p in primaries {
                let n = lean[p]
                let bound = UInt(limit)
                guard n.freeMemoryForth.magnitude < bound, n.nodeMemory.magnitude < bound, n.instanceMemory.magnitude < bound,
                      n.missingMemory.magnitude < bound, n.reservedMemory.magnitude < bound,
                      n.totalMemory.magnitude < Double(limit)
                else { return 0 }
                if instance.usesMemory {
                    let free = Node.truncateToInt(n.totalMemory) - n.nodeMemory - n.instanceMemory - max(0, n.missingMemory)
                    xs.append(free)
                    xs.append(free - n.reservedMemory)
                }
                xs.append(n.freeMemoryForth)
            }
            for r in ranges { xs.append(r.minimum.memorySize); xs.append(r.maximum.memorySize &+ 1) }
            return max(0, min(steps(value: m, unit: 64, thresholds: xs), (m - 64) / 64))
        case .disk:
            let d = instance.disk, count = instance.disks.count
            guard count > 0, d < limit, d > 0, !instance.forthcoming else { return 0 }
            var total: [Int] = []
            if instance.usesLocalStorage {
                for p in primaries {
                    let n = lean[p]
                    let bound = UInt(limit)
                    guard n.freeDisk.magnitude < bound, n.freeDiskForth.magnitude < bound, n.lowDisk.magnitude < bound
                    else { return 0 }
                    total += [n.freeDisk, n.freeDisk - n.lowDisk + 1, n.freeDiskForth, n.freeDiskForth - n.lowDisk + 1]
                }
            }
            var result = steps(value: d, unit: count * 256, thresholds: total)
            var sizeThresholds: [Int] = []
            for r in ranges { sizeThresholds.append(r.minimum.diskSize); sizeThresholds.append(r.maximum.diskSize &+ 1) }
            for disk in instance.disks {
                guard disk.size > 256, disk.size < limit else { return 0 }
                result = min(result, steps(value: disk.size, unit: 256, thresholds: sizeThresholds), (disk.size - 256) / 256)
            }
            return max(0, result)
        default:
            return 0
        }
    }
}

extension Instance {
    /// `steps` shrinks of `mode` at once (memory or disk; the caller has checked each would succeed).
    mutating func shrink(by mode: FailMode, steps: Int) {
        guard steps > 0 else { return }
        switch mode {
        case .memory:
            memory -= 64 * steps
        case .disk:
            for k in disks.indices { disks[k].size -= 256 * steps }
            disk = disk &- disks.count &* 256 &* steps
        default:
            preconditionFailure("only memory and disk shrink in bulk")
        }
    }
}
