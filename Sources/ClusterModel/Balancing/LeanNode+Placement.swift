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
        var reserved = reservedMemory
        if !i.forthcoming {
            let oldPeer = peer(primaryKey, base: peers)
            let newPeer = i.usesSecondaryMemory ? oldPeer &- i.memory : oldPeer
            setPeer(primaryKey, newPeer > 0 ? newPeer : -1)
            reserved = oldPeer < reservedMemory ? reservedMemory : maxPeer(base: peers)
        }
        removeSecondary(i, newReservedMemory: reserved)
    }

    /// htools' `removeSec` once the peer map is updated: `newReservedMemory` is the reserved memory it implies.
    mutating func removeSecondary(_ i: LeanInstance, newReservedMemory: Int) {
        let usesDisk = i.usesLocalStorage
        let base = self
        if !i.forthcoming {
            secondaryCount -= 1
            freeDisk = usesDisk ? base.freeDisk &+ i.disk : base.freeDisk
            freeSpindles = newFreeSpindles(adding: false, i, current: base.freeSpindles)
            instanceSpindles = spindleUse(adding: false, i, current: base.instanceSpindles)
            reservedMemory = newReservedMemory
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

    /// Why htools' `addPriEx` would refuse `i` here, or nil when it fits (the checks of `addPrimary`, nothing changed).
    @inline(__always)
    func primaryFailure(_ i: LeanInstance, force: Bool, tagClash: Bool) -> FailMode? {
        var node = self
        return node.primaryFailureInPlace(i, force: force, tagClash: tagClash)
    }

    /// `primaryFailure`, for a node read through a pointer. Marked `mutating` only so that the call passes
    /// the node's address: a non-mutating call through a pointer first copies the whole node. Changes nothing.
    @inline(__always)
    mutating func primaryFailureInPlace(_ i: LeanInstance, force: Bool, tagClash: Bool) -> FailMode? {
        let strict = !force
        let usesDisk = i.usesLocalStorage
        if i.forthcoming { return strict ? forthcomingPrimaryFailure(i) : nil }
        let newInstanceMemory = i.usesMemory ? instanceMemory &+ i.memory : instanceMemory
        let newFreeMem = Node.truncateToInt(totalMemory) &- nodeMemory &- newInstanceMemory &- max(0, missingMemory)
        let newDisk = usesDisk ? freeDisk &- i.disk : freeDisk
        if newFreeMem <= 0 { return .memory }
        if usesDisk && newDisk <= 0 { return .disk }
        if strict && usesDisk && newDisk < lowDisk { return .disk }
        if usesDisk && exclusiveStorage && newFreeSpindles(adding: true, i, current: freeSpindles) < 0 { return .spindles }
        if strict && usesDisk && spindleUse(adding: true, i, current: instanceSpindles) > highSpindles { return .disk }
        if strict && newFreeMem <= reservedMemory && !failsN1 { return .memory }
        let newUsedCpu = i.notOffline ? usedCpus &+ i.vcpus : usedCpus
        if strict && vcpuRatio >= 0 && vcpuRatio < Double(newUsedCpu) / totalCpus { return .cpu }
        if strict && tagClash { return .tags }
        return strict ? forthcomingPrimaryFailure(i) : nil
    }

    /// The forthcoming-resource checks of htools' `addPriEx` (strict mode only).
    @inline(__always)
    private func forthcomingPrimaryFailure(_ i: LeanInstance) -> FailMode? {
        let usesDisk = i.usesLocalStorage
        if freeMemoryForth &- i.memory <= 0 { return .memory }
        let newDiskForth = usesDisk ? freeDiskForth &- i.disk : freeDiskForth
        if usesDisk && newDiskForth <= 0 { return .disk }
        if usesDisk && newDiskForth < lowDisk { return .disk }
        if usesDisk && exclusiveStorage && newFreeSpindles(adding: true, i, current: freeSpindlesForth) < 0 {
            return .spindles
        }
        if usesDisk && spindleUse(adding: true, i, current: instanceSpindlesForth) > highSpindles { return .disk }
        let newUsedCpuForth = i.notOffline ? usedCpusForth &+ i.vcpus : usedCpusForth
        if vcpuRatio >= 0 && vcpuRatio < Double(newUsedCpuForth) / totalCpus { return .cpu }
        return nil
    }

    /// The values of this node after adding `i` as primary (htools' `addPriEx`, checks passed), shared by
    /// `addPrimary` and `writeRowAfterAddingPrimary` so both use the same arithmetic.
    struct PrimaryAddition {
        var memForth: Int, diskForth: Int, freeSpForth: Int, instSpForth: Double
        var usedCpuForth: Int, cpuRatioForth: Double, loadForth: DynamicUtilisation
        var memRatioForth: Double, diskRatioForth: Double
        var instanceMemory: Int, freeMem: Int, failsN1: Bool, disk: Int, freeSp: Int, instSp: Double
        var usedCpu: Int, cpuRatio: Double, load: DynamicUtilisation, locationScore: Int
        var freeMemoryRatio: Double, freeDiskRatio: Double
    }

    /// `PrimaryAddition` for `i` (the non-forthcoming part is meaningful only for non-forthcoming instances).
    @inline(__always)
    func primaryAddition(_ i: LeanInstance, desired: Int) -> PrimaryAddition {
        let usesDisk = i.usesLocalStorage
        let memForth = freeMemoryForth &- i.memory
        let diskForth = usesDisk ? freeDiskForth &- i.disk : freeDiskForth
        let freeSpForth = newFreeSpindles(adding: true, i, current: freeSpindlesForth)
        let usedCpuForth = i.notOffline ? usedCpusForth &+ i.vcpus : usedCpusForth
        let newInstanceMemory = i.usesMemory ? instanceMemory &+ i.memory : instanceMemory
        let freeMem = Node.truncateToInt(totalMemory) &- nodeMemory &- newInstanceMemory &- max(0, missingMemory)
        let disk = usesDisk ? freeDisk &- i.disk : freeDisk
        let freeSp = newFreeSpindles(adding: true, i, current: freeSpindles)
        let usedCpu = i.notOffline ? usedCpus &+ i.vcpus : usedCpus
        return PrimaryAddition(
            memForth: memForth, diskForth: diskForth, freeSpForth: freeSpForth,
            instSpForth: spindleUse(adding: true, i, current: instanceSpindlesForth),
            usedCpuForth: usedCpuForth, cpuRatioForth: Double(usedCpuForth) / totalCpus, loadForth: loadForth + i.utilisation,
            memRatioForth: Double(memForth) / totalMemory,
            diskRatioForth: diskRatio(freeSpindles: freeSpForth, freeDisk: diskForth),
            instanceMemory: newInstanceMemory, freeMem: freeMem, failsN1: freeMem <= reservedMemory, disk: disk,
            freeSp: freeSp, instSp: spindleUse(adding: true, i, current: instanceSpindles),
            usedCpu: usedCpu, cpuRatio: Double(usedCpu) / totalCpus, load: load + i.utilisation,
            locationScore: locationScore &+ i.locationScore &+ desired,
            freeMemoryRatio: Double(freeMem) / totalMemory, freeDiskRatio: diskRatio(freeSpindles: freeSp, freeDisk: disk))
    }

    /// htools' `addPriEx`; `tagClash` says whether the instance's exclusion tags meet the node's primary tags.
    mutating func addPrimary(_ i: LeanInstance, force: Bool, desired: Int, tagClash: Bool) -> FailMode? {
        if let f = primaryFailure(i, force: force, tagClash: tagClash) { return f }
        let a = primaryAddition(i, desired: desired)
        if !i.forthcoming {
            primaryCount += 1
            pairDelta += 1
            instanceMemory = a.instanceMemory
            freeDisk = a.disk
            failsN1 = a.failsN1
            freeMemoryRatio = a.freeMemoryRatio
            freeDiskRatio = a.freeDiskRatio
            usedCpus = a.usedCpu
            cpuRatio = a.cpuRatio
            load = a.load
            instanceSpindles = a.instSp
            freeSpindles = a.freeSp
            locationScore = a.locationScore
        }
        tagDelta += 1
        freeMemoryForth = a.memForth; freeDiskForth = a.diskForth
        freeMemoryRatioForth = a.memRatioForth; freeDiskRatioForth = a.diskRatioForth
        usedCpusForth = a.usedCpuForth; cpuRatioForth = a.cpuRatioForth; loadForth = a.loadForth
        instanceSpindlesForth = a.instSpForth; freeSpindlesForth = a.freeSpForth
        return nil
    }

    /// The score row `addPrimary` followed by `writeScoreRow` would give, without building the new node, for a
    /// non-forthcoming instance that `primaryFailure` accepts.
    @inline(__always)
    func writeRowAfterAddingPrimary(_ i: LeanInstance, desired: Int, conflicts: Int, into v: UnsafeMutablePointer<Double>) {
        var node = self
        node.writeRowAfterAddingPrimaryInPlace(i, desired: desired, conflicts: conflicts, into: v)
    }

    /// `writeRowAfterAddingPrimary`, for a node read through a pointer (`mutating` only to pass the node's
    /// address, as `primaryFailureInPlace`). Changes nothing.
    mutating func writeRowAfterAddingPrimaryInPlace(_ i: LeanInstance, desired: Int, conflicts: Int,
                                                    into v: UnsafeMutablePointer<Double>) {
        let a = primaryAddition(i, desired: desired)
        let pri = primaryCount + 1
        v[ScoreComponent.freeMemory.rawValue] = a.freeMemoryRatio
        v[ScoreComponent.freeDisk.rawValue] = a.freeDiskRatio
        v[ScoreComponent.n1Count.rawValue] = a.failsN1 ? Double(secondaryCount + pri) : 0
        v[ScoreComponent.reservedMemory.rawValue] = reservedMemoryRatio
        v[ScoreComponent.offlineAll.rawValue] = Double(pri) + Double(secondaryCount)
        v[ScoreComponent.offlinePrimary.rawValue] = Double(pri)
        v[ScoreComponent.vcpuRatio.rawValue] = a.cpuRatio / cpuSpeed
        v[ScoreComponent.cpuLoad.rawValue] = a.load.cpu / pool.cpu
        v[ScoreComponent.memoryLoad.rawValue] = a.load.memory / pool.memory
        v[ScoreComponent.diskLoad.rawValue] = a.load.disk / pool.disk
        v[ScoreComponent.networkLoad.rawValue] = a.load.network / pool.network
        v[ScoreComponent.primaryTags.rawValue] = Double(conflicts)
        v[ScoreComponent.spindles.rawValue] = a.instSp / highSpindles
        v[ScoreComponent.freeMemoryForth.rawValue] = a.memRatioForth
        v[ScoreComponent.freeDiskForth.rawValue] = a.diskRatioForth
        v[ScoreComponent.vcpuRatioForth.rawValue] = a.cpuRatioForth / cpuSpeed
        v[ScoreComponent.spindlesForth.rawValue] = a.instSpForth / highSpindles
        v[ScoreComponent.locationScore.rawValue] = Double(a.locationScore)
        v[ScoreComponent.locationExclusion.rawValue] = 0
        v[ScoreComponent.reservedMemoryTotal.rawValue] = reservedMemoryRatio
    }

    /// Debug check: `writeRowAfterAddingPrimary` equals the real update's row, bit for bit.
    func rowShortcutMatches(_ i: LeanInstance, force: Bool, desired: Int, conflicts: Int) -> Bool {
        var real = self
        guard real.addPrimary(i, force: force, desired: desired, tagClash: false) == nil else { return true }
        var a = [Double](repeating: 0, count: ScoreComponent.count), b = a
        a.withUnsafeMutableBufferPointer { real.writeScoreRow($0.baseAddress!, conflicts: conflicts) }
        b.withUnsafeMutableBufferPointer { writeRowAfterAddingPrimary(i, desired: desired, conflicts: conflicts, into: $0.baseAddress!) }
        return zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    /// The values of this node after adding `i` as a secondary whose primary's peer entry is `currentPeer`
    /// (htools' `addSecExEx`, before its checks), shared by `addSecondary` and `writeRowAfterAddingSecondary` so
    /// both use the same arithmetic: the memory it needs, the forthcoming disk, spindles and spindle use, the
    /// memory before, the disk, spindles and spindle use, the reserved memory and the N+1 verdict.
    @inline(__always)
    func secondaryAddition(_ i: LeanInstance, currentPeer: Int)
        -> (Int, Int, Int, Double, Int, Int, Int, Double, Int, Bool) {
        let neededMemory = i.usesSecondaryMemory ? i.memory : 0
        let newReserved = max(reservedMemory, currentPeer &+ neededMemory)
        let oldMemory = unallocatedMemory
        return (neededMemory, freeDiskForth &- i.disk, newFreeSpindles(adding: true, i, current: freeSpindlesForth),
                spindleUse(adding: true, i, current: instanceSpindlesForth), oldMemory, freeDisk &- i.disk,
                newFreeSpindles(adding: true, i, current: freeSpindles), spindleUse(adding: true, i, current: instanceSpindles),
                newReserved, oldMemory <= newReserved)
    }

    /// Whether adding `i` as a secondary with `currentPeer` gives the same row and verdict as with no current
    /// peer memory: the peer entry matters only through the new reserved memory.
    @inline(__always)
    func addsSecondaryAsWithoutPeer(_ i: LeanInstance, currentPeer: Int) -> Bool {
        let neededMemory = i.usesSecondaryMemory ? i.memory : 0
        return max(reservedMemory, currentPeer &+ neededMemory) == max(reservedMemory, neededMemory)
    }

    /// The score row `addSecondary(i, currentPeer:force:ignoreDisks: false)` followed by `writeScoreRow` would
    /// give, without building the new node, for a non-forthcoming instance; false when it would be refused.
    /// `baseRow` is this node's own score row (its tag conflicts do not change with a secondary).
    @inline(__always)
    func writeRowAfterAddingSecondary(_ i: LeanInstance, currentPeer: Int, force: Bool, baseRow: UnsafePointer<Double>,
                                      into v: UnsafeMutablePointer<Double>) -> Bool {
        var node = self
        return node.writeRowAfterAddingSecondaryInPlace(i, currentPeer: currentPeer, force: force, baseRow: baseRow, into: v)
    }

    /// `writeRowAfterAddingSecondary`, for a node read through a pointer (`mutating` only to pass the node's
    /// address, as `primaryFailureInPlace`). Changes nothing.
    @inline(__always)
    mutating func writeRowAfterAddingSecondaryInPlace(_ i: LeanInstance, currentPeer: Int, force: Bool,
                                                      baseRow: UnsafePointer<Double>, into v: UnsafeMutablePointer<Double>) -> Bool {
        let strict = !force
        let (neededMemory, newDiskForth, newFreeSpForth, newInstSpForth, oldMemory, newDisk, newFreeSp, newInstSp,
             newReserved, newFailsN1) = secondaryAddition(i, currentPeer: currentPeer)
        if !i.hasSecondary { return false }
        if newDisk <= 0 { return false }
        if exclusiveStorage && newFreeSp < 0 { return false }
        if strict {
            if newDisk < lowDisk || newInstSp > highSpindles || neededMemory >= oldMemory { return false }
            if newFailsN1 && !failsN1 { return false }
            if newDiskForth <= 0 || newDiskForth < lowDisk { return false }
            if exclusiveStorage && newFreeSpForth < 0 { return false }
            if newInstSpForth > highSpindles || neededMemory >= freeMemoryForth { return false }
        }
        for c in 0..<ScoreComponent.count { v[c] = baseRow[c] }  // a fixed-size copy, no memmove call
        let secondaries = secondaryCount + 1
        let reservedRatio = Double(newReserved) / totalMemory
        v[ScoreComponent.freeDisk.rawValue] = diskRatio(freeSpindles: newFreeSp, freeDisk: newDisk)
        v[ScoreComponent.n1Count.rawValue] = newFailsN1 ? Double(secondaries + primaryCount) : 0
        v[ScoreComponent.reservedMemory.rawValue] = reservedRatio
        v[ScoreComponent.offlineAll.rawValue] = Double(primaryCount) + Double(secondaries)
        v[ScoreComponent.diskLoad.rawValue] = (load.disk + i.utilisation.disk) / pool.disk
        v[ScoreComponent.spindles.rawValue] = newInstSp / highSpindles
        v[ScoreComponent.freeDiskForth.rawValue] = diskRatio(freeSpindles: newFreeSpForth, freeDisk: newDiskForth)
        v[ScoreComponent.spindlesForth.rawValue] = newInstSpForth / highSpindles
        v[ScoreComponent.reservedMemoryTotal.rawValue] = reservedRatio
        return true
    }

    /// The refusals of htools' `addSecExEx` (strict) that do not depend on the primary: before the N+1 check and
    /// after it (forthcoming resources). `SecondaryProbe` and the plain-value attempt pass both use it.
    func secondaryFailures(_ i: LeanInstance) -> (early: FailMode?, late: FailMode?) {
        let needed = i.usesSecondaryMemory ? i.memory : 0
        let newDisk = freeDisk &- i.disk
        let newFreeSp = newFreeSpindles(adding: true, i, current: freeSpindles)
        let newInstSp = spindleUse(adding: true, i, current: instanceSpindles)
        let early: FailMode?
        if !i.hasSecondary { early = .disk }
        else if newDisk <= 0 || newDisk < lowDisk { early = .disk }
        else if exclusiveStorage && newFreeSp < 0 { early = .spindles }
        else if newInstSp > highSpindles { early = .disk }
        else if needed >= unallocatedMemory { early = .memory }
        else { early = nil }
        let newDiskForth = freeDiskForth &- i.disk
        let newFreeSpForth = newFreeSpindles(adding: true, i, current: freeSpindlesForth)
        let newInstSpForth = spindleUse(adding: true, i, current: instanceSpindlesForth)
        let late: FailMode?
        if newDiskForth <= 0 || newDiskForth < lowDisk { late = .disk }
        else if exclusiveStorage && newFreeSpForth < 0 { late = .spindles }
        else if newInstSpForth > highSpindles { late = .disk }
        else if needed >= freeMemoryForth { late = .memory }
        else { late = nil }
        return (early, late)
    }

    /// htools' `addSecExEx` for an instance whose primary is `primaryKey`.
    mutating func addSecondary(_ i: LeanInstance, primaryKey: Int, peers: PeerTable, force: Bool, ignoreDisks: Bool) -> FailMode? {
        let current = peer(primaryKey, base: peers)
        if let f = addSecondary(i, currentPeer: current, force: force, ignoreDisks: ignoreDisks) { return f }
        if !i.forthcoming { setPeer(primaryKey, current &+ (i.usesSecondaryMemory ? i.memory : 0)) }
        return nil
    }

    /// htools' `addSecExEx` with the peer entry of the instance's primary given as `currentPeer`; on success the
    /// caller records the new peer entry (`currentPeer` plus the instance's secondary memory), unless forthcoming.
    mutating func addSecondary(_ i: LeanInstance, currentPeer: Int, force: Bool, ignoreDisks: Bool) -> FailMode? {
        let strict = !force
        let (neededMemory, newDiskForth, newFreeSpForth, newInstSpForth, oldMemory, newDisk, newFreeSp, newInstSp,
             newReserved, newFailsN1) = secondaryAddition(i, currentPeer: currentPeer)

        // (A nested function here would capture, and so copy, the whole node.)
        let forthcomingViolation: FailMode?
        if !i.hasSecondary { forthcomingViolation = .disk }
        else if newDiskForth <= 0 { forthcomingViolation = .disk }
        else if newDiskForth < lowDisk { forthcomingViolation = .disk }
        else if exclusiveStorage && newFreeSpForth < 0 { forthcomingViolation = .spindles }
        else if newInstSpForth > highSpindles { forthcomingViolation = .disk }
        else if neededMemory >= freeMemoryForth { forthcomingViolation = .memory }
        else { forthcomingViolation = nil }
        let newDiskLoadForth = loadForth.disk + i.utilisation.disk
        let newDiskRatioForth = diskRatio(freeSpindles: newFreeSpForth, freeDisk: newDiskForth)
        if i.forthcoming {
            if strict, let f = forthcomingViolation { return f }
            freeDiskForth = newDiskForth; freeDiskRatioForth = newDiskRatioForth
            loadForth.disk = newDiskLoadForth
            instanceSpindlesForth = newInstSpForth; freeSpindlesForth = newFreeSpForth
            return nil
        }
        if !i.hasSecondary { return .disk }
        if !ignoreDisks && newDisk <= 0 { return .disk }
        if strict && newDisk < lowDisk { return .disk }
        if exclusiveStorage && newFreeSp < 0 { return .spindles }
        if strict && newInstSp > highSpindles { return .disk }
        if strict && neededMemory >= oldMemory { return .memory }
        if strict && newFailsN1 && !failsN1 { return .memory }
        if strict, let f = forthcomingViolation { return f }

        let oldDiskLoad = load.disk
        secondaryCount += 1
        freeDisk = newDisk
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
