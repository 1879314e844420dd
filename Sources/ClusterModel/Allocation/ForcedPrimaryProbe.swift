/// The score inputs of a node after adding an instance as primary with soft checks off (htools' `addPriEx True`),
/// computed from the node's fields without building the new node.
///
/// Used where many targets are scored but only the winner is kept (the global N+1 check's relocations).
/// Mirrors `Node.addingPrimary(_:force: true)` for non-forthcoming instances; tests compare both.
enum ForcedPrimaryProbe {
    /// The hard failure, if any; otherwise writes the new node's component values into `row`
    /// (`ScoreComponent.count` entries) and returns nil. `pairs` receives the new (location, exclusion) counts
    /// only when they change.
    static func evaluate(_ node: Node, _ inst: Instance, row: inout [Double], pairs: inout [Int: Int]?) -> FailMode? {
        precondition(!inst.forthcoming, "forthcoming instances take the full path")
        let usesDisk = inst.usesLocalStorage
        let newInstanceMemory = inst.usesMemory ? node.instanceMemory &+ inst.memory : node.instanceMemory
        let recorded = Node.truncateToInt(node.totalMemory) &- node.nodeMemory &- newInstanceMemory
        let newFreeMem = recorded &- max(0, node.missingMemory)
        let newDisk = usesDisk ? node.freeDisk &- inst.disk : node.freeDisk
        let newFreeSp = node.newFreeSpindles(adding: true, inst)
        if newFreeMem <= 0 { return .memory }
        if usesDisk && newDisk <= 0 { return .disk }
        if usesDisk && node.exclusiveStorage && newFreeSp < 0 { return .spindles }

        let newInstSp = node.spindleUse(adding: true, inst, current: node.instanceSpindles)
        let newUsedCpu = inst.notOffline ? node.usedCpus &+ inst.vcpus : node.usedCpus
        let newMemForth = node.freeMemoryForth &- inst.memory
        let newDiskForth = usesDisk ? node.freeDiskForth &- inst.disk : node.freeDiskForth
        let newFreeSpForth = node.newFreeSpindlesForth(adding: true, inst)
        let newInstSpForth = node.spindleUse(adding: true, inst, current: node.instanceSpindlesForth)
        let newUsedCpuForth = inst.notOffline ? node.usedCpusForth &+ inst.vcpus : node.usedCpusForth
        let primaries = node.primaries.count &+ 1
        let load = node.utilisationLoad + inst.utilisation
        let pool = node.utilisationPool

        var tagSum = 0
        for (_, c) in node.primaryTags { tagSum &+= c }
        var tagKeys = node.primaryTags.count
        var seen: [Int] = []
        for t in inst.exclusionTags {
            tagSum &+= 1
            if node.primaryTags[t] == nil && !seen.contains(t) { tagKeys += 1; seen.append(t) }
        }

        row[ScoreComponent.freeMemory.rawValue] = Double(newFreeMem) / node.totalMemory
        row[ScoreComponent.freeDisk.rawValue] = node.newDiskRatio(freeSpindles: newFreeSp, freeDisk: newDisk)
        row[ScoreComponent.n1Count.rawValue] = newFreeMem <= node.reservedMemory
            ? Double(node.secondaries.count &+ primaries) : 0
        row[ScoreComponent.reservedMemory.rawValue] = node.reservedMemoryRatio
        row[ScoreComponent.offlineAll.rawValue] = Double(primaries) + Double(node.secondaries.count)
        row[ScoreComponent.offlinePrimary.rawValue] = Double(primaries)
        row[ScoreComponent.vcpuRatio.rawValue] = Double(newUsedCpu) / node.totalCpus / node.cpuSpeed
        row[ScoreComponent.cpuLoad.rawValue] = load.cpu / pool.cpu
        row[ScoreComponent.memoryLoad.rawValue] = load.memory / pool.memory
        row[ScoreComponent.diskLoad.rawValue] = load.disk / pool.disk
        row[ScoreComponent.networkLoad.rawValue] = load.network / pool.network
        row[ScoreComponent.primaryTags.rawValue] = Double(tagSum &- tagKeys)
        row[ScoreComponent.spindles.rawValue] = newInstSp / node.highSpindles
        row[ScoreComponent.freeMemoryForth.rawValue] = Double(newMemForth) / node.totalMemory
        row[ScoreComponent.freeDiskForth.rawValue] = node.newDiskRatio(freeSpindles: newFreeSpForth, freeDisk: newDiskForth)
        row[ScoreComponent.vcpuRatioForth.rawValue] = Double(newUsedCpuForth) / node.totalCpus / node.cpuSpeed
        row[ScoreComponent.spindlesForth.rawValue] = newInstSpForth / node.highSpindles
        row[ScoreComponent.locationScore.rawValue] =
            Double(node.locationScore &+ inst.locationScore &+ node.desiredLocationScore(of: inst))
        row[ScoreComponent.locationExclusion.rawValue] = 0
        row[ScoreComponent.reservedMemoryTotal.rawValue] = node.reservedMemoryRatio
        let keys = node.locationExclusionKeys(of: inst)
        if keys.isEmpty {
            pairs = nil
        } else {
            var m = node.locationExclusionCounts
            for k in keys { m[k, default: 0] &+= 1 }
            pairs = m
        }
        return nil
    }
}
