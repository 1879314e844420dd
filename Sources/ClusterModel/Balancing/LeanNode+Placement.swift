/// The placement operations of `Node+Placement` on `LeanNode`, same arithmetic in the same order.
extension LeanNode {
    /// htools' `removePri`; `desired` is the desired-location score of the instance on this node.
    mutating func removePrimary(_ i: LeanInstance, desired: Int) {
        let usesDisk = i.usesLocalStorage
        let base = self
        if !i.forthcoming {
            primaryCount -= 1
            pairDelta -= 1
            if i.usesMemory { instanceMemory &-= i.memory }
            let newFree = unallocatedMemory
            freeMemoryRatio = Double(newFree) / totalMemory
            failsN1 = newFree <= reservedMemory
            freeDisk = usesDisk ? base.freeDisk &+ i.disk : base.freeDisk
            freeSpindles = newFreeSpindles(adding: false, i, current: base.freeSpindles)
            instanceSpindles = spindleUse(adding: false, i, current: base.instanceSpindles)
            freeDiskRatio = diskRatio(freeSpindles: freeSpindles, freeDisk: freeDisk)
            if i.notOffline { usedCpus &-= i.vcpus }
            cpuRatio = Double(usedCpus) / totalCpus
            load = base.load - i.utilisation
            locationScore = base.locationScore &- i.locationScore &- desired
        }
        tagDelta -= 1
        freeMemoryForth = base.freeMemoryForth &+ i.memory
        freeDiskForth = usesDisk ? base.freeDiskForth &+ i.disk : base.freeDiskForth
        freeSpindlesForth = newFreeSpindles(adding: false, i, current: base.freeSpindlesForth)
        instanceSpindlesForth = spindleUse(adding: false, i, current: base.instanceSpindlesForth)
        freeMemoryRatioForth = Double(freeMemoryForth) / totalMemory
        freeDiskRatioForth = diskRatio(freeSpindles: freeSpindlesForth, freeDisk: freeDiskForth)
        if i.notOffline { usedCpusForth = base.usedCpusForth &- i.vcpus }
        cpuRatioForth = Double(usedCpusForth) / totalCpus
        loadForth = base.loadForth - i.utilisation
    }

    /// htools' `removeSec` for an instance whose primary is `primaryKey`.
    mutating func removeSecondary(_ i: LeanInstance, primaryKey: Int, peers: PeerTable) {
        let usesDisk = i.usesLocalStorage
        let base = self
        if !i.forthcoming {
            secondaryCount -= 1
            freeDisk = usesDisk ? base.freeDisk &+ i.disk : base.freeDisk
            freeSpindles = newFreeSpindles(adding: false, i, current: base.freeSpindles)
            instanceSpindles = spindleUse(adding: false, i, current: base.instanceSpindles)
            let oldPeer = base.peer(primaryKey, base: peers)
            let newPeer = i.usesSecondaryMemory ? oldPeer &- i.memory : oldPeer
            setPeer(primaryKey, newPeer > 0 ? newPeer : -1)
            reservedMemory = oldPeer < base.reservedMemory ? base.reservedMemory : maxPeer(base: peers)
            reservedMemoryRatio = Double(reservedMemory) / totalMemory
            failsN1 = base.unallocatedMemory <= reservedMemory
            freeDiskRatio = diskRatio(freeSpindles: freeSpindles, freeDisk: freeDisk)
            load.disk = base.load.disk - i.utilisation.disk
        }
        freeDiskForth = usesDisk ? base.freeDiskForth &+ i.disk : base.freeDiskForth
        freeSpindlesForth = newFreeSpindles(adding: false, i, current: base.freeSpindlesForth)
        instanceSpindlesForth = spindleUse(adding: false, i, current: base.instanceSpindlesForth)
        freeDiskRatioForth = diskRatio(freeSpindles: freeSpindlesForth, freeDisk: freeDiskForth)
        loadForth.disk = base.loadForth.disk - i.utilisation.disk
    }

    /// htools' `addPriEx`; `tagClash` says whether the instance's exclusion tags meet the node's primary tags.
    mutating func addPrimary(_ i: LeanInstance, force: Bool, desired: Int, tagClash: Bool) -> FailMode? {
        let strict = !force
        let usesDisk = i.usesLocalStorage
        let cpuLimit = vcpuRatio
        let newMemForth = freeMemoryForth &- i.memory
        let newDiskForth = usesDisk ? freeDiskForth &- i.disk : freeDiskForth
        let newFreeSpForth = newFreeSpindles(adding: true, i, current: freeSpindlesForth)
        let newInstSpForth = spindleUse(adding: true, i, current: instanceSpindlesForth)
        let newUsedCpuForth = i.notOffline ? usedCpusForth &+ i.vcpus : usedCpusForth
        let newCpuRatioForth = Double(newUsedCpuForth) / totalCpus

        func forthcomingViolation() -> FailMode? {
            if newMemForth <= 0 { return .memory }
            if usesDisk && newDiskForth <= 0 { return .disk }
            if usesDisk && newDiskForth < lowDisk { return .disk }
            if usesDisk && exclusiveStorage && newFreeSpForth < 0 { return .spindles }
            if usesDisk && newInstSpForth > highSpindles { return .disk }
            if cpuLimit >= 0 && cpuLimit < newCpuRatioForth { return .cpu }
            return nil
        }
        let newLoadForth = loadForth + i.utilisation
        let newMemRatioForth = Double(newMemForth) / totalMemory
        let newDiskRatioForth = diskRatio(freeSpindles: newFreeSpForth, freeDisk: newDiskForth)
        if i.forthcoming {
            if strict, let f = forthcomingViolation() { return f }
            tagDelta += 1
            freeMemoryForth = newMemForth; freeDiskForth = newDiskForth
            freeMemoryRatioForth = newMemRatioForth; freeDiskRatioForth = newDiskRatioForth
            usedCpusForth = newUsedCpuForth; cpuRatioForth = newCpuRatioForth; loadForth = newLoadForth
            instanceSpindlesForth = newInstSpForth; freeSpindlesForth = newFreeSpForth
            return nil
        }
        let newInstanceMemory = i.usesMemory ? instanceMemory &+ i.memory : instanceMemory
        let newFreeMem = Node.truncateToInt(totalMemory) &- nodeMemory &- newInstanceMemory &- max(0, missingMemory)
        let newFailsN1 = newFreeMem <= reservedMemory
        let newDisk = usesDisk ? freeDisk &- i.disk : freeDisk
        let newFreeSp = newFreeSpindles(adding: true, i, current: freeSpindles)
        let newInstSp = spindleUse(adding: true, i, current: instanceSpindles)
        let newUsedCpu = i.notOffline ? usedCpus &+ i.vcpus : usedCpus
        let newCpuRatio = Double(newUsedCpu) / totalCpus

        if newFreeMem <= 0 { return .memory }
        if usesDisk && newDisk <= 0 { return .disk }
        if strict && usesDisk && newDisk < lowDisk { return .disk }
        if usesDisk && exclusiveStorage && newFreeSp < 0 { return .spindles }
        if strict && usesDisk && newInstSp > highSpindles { return .disk }
        if strict && newFailsN1 && !failsN1 { return .memory }
        if strict && cpuLimit >= 0 && cpuLimit < newCpuRatio { return .cpu }
        if strict && tagClash { return .tags }
        if strict, let f = forthcomingViolation() { return f }

        let oldLoad = load, oldLocation = locationScore
        primaryCount += 1
        pairDelta += 1
        instanceMemory = newInstanceMemory
        freeDisk = newDisk
        failsN1 = newFailsN1
        freeMemoryRatio = Double(newFreeMem) / totalMemory
        freeDiskRatio = diskRatio(freeSpindles: newFreeSp, freeDisk: newDisk)
        usedCpus = newUsedCpu
        cpuRatio = newCpuRatio
        load = oldLoad + i.utilisation
        instanceSpindles = newInstSp
        freeSpindles = newFreeSp
        locationScore = oldLocation &+ i.locationScore &+ desired
        tagDelta += 1
            freeMemoryForth = newMemForth; freeDiskForth = newDiskForth
            freeMemoryRatioForth = newMemRatioForth; freeDiskRatioForth = newDiskRatioForth
            usedCpusForth = newUsedCpuForth; cpuRatioForth = newCpuRatioForth; loadForth = newLoadForth
            instanceSpindlesForth = newInstSpForth; freeSpindlesForth = newFreeSpForth
        return nil
    }

    /// htools' `addSecExEx` for an instance whose primary is `primaryKey`.
    mutating func addSecondary(_ i: LeanInstance, primaryKey: Int, peers: PeerTable, force: Bool, ignoreDisks: Bool) -> FailMode? {
        let strict = !force
        let neededMemory = i.usesSecondaryMemory ? i.memory : 0
        let newPeer = peer(primaryKey, base: peers) &+ neededMemory
        let newDiskForth = freeDiskForth &- i.disk
        let newFreeSpForth = newFreeSpindles(adding: true, i, current: freeSpindlesForth)
        let newInstSpForth = spindleUse(adding: true, i, current: instanceSpindlesForth)

        func forthcomingViolation() -> FailMode? {
            if !i.hasSecondary { return .disk }
            if newDiskForth <= 0 { return .disk }
            if newDiskForth < lowDisk { return .disk }
            if exclusiveStorage && newFreeSpForth < 0 { return .spindles }
            if newInstSpForth > highSpindles { return .disk }
            if neededMemory >= freeMemoryForth { return .memory }
            return nil
        }
        let newDiskLoadForth = loadForth.disk + i.utilisation.disk
        let newDiskRatioForth = diskRatio(freeSpindles: newFreeSpForth, freeDisk: newDiskForth)
        if i.forthcoming {
            if strict, let f = forthcomingViolation() { return f }
            freeDiskForth = newDiskForth; freeDiskRatioForth = newDiskRatioForth
            loadForth.disk = newDiskLoadForth
            instanceSpindlesForth = newInstSpForth; freeSpindlesForth = newFreeSpForth
            return nil
        }
        let oldMemory = unallocatedMemory
        let newDisk = freeDisk &- i.disk
        let newFreeSp = newFreeSpindles(adding: true, i, current: freeSpindles)
        let newInstSp = spindleUse(adding: true, i, current: instanceSpindles)
        let newReserved = max(reservedMemory, newPeer)
        let newFailsN1 = oldMemory <= newReserved

        if !i.hasSecondary { return .disk }
        if !ignoreDisks && newDisk <= 0 { return .disk }
        if strict && newDisk < lowDisk { return .disk }
        if exclusiveStorage && newFreeSp < 0 { return .spindles }
        if strict && newInstSp > highSpindles { return .disk }
        if strict && neededMemory >= oldMemory { return .memory }
        if strict && newFailsN1 && !failsN1 { return .memory }
        if strict, let f = forthcomingViolation() { return f }

        let oldDiskLoad = load.disk
        secondaryCount += 1
        freeDisk = newDisk
        setPeer(primaryKey, newPeer)
        failsN1 = newFailsN1
        reservedMemory = newReserved
        freeDiskRatio = diskRatio(freeSpindles: newFreeSp, freeDisk: newDisk)
        reservedMemoryRatio = Double(newReserved) / totalMemory
        load.disk = oldDiskLoad + i.utilisation.disk
        instanceSpindles = newInstSp
        freeSpindles = newFreeSp
        freeDiskForth = newDiskForth; freeDiskRatioForth = newDiskRatioForth
            loadForth.disk = newDiskLoadForth
            instanceSpindlesForth = newInstSpForth; freeSpindlesForth = newFreeSpForth
        return nil
    }
}
