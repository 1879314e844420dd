/// Capacity-checked placement and removal of instances on a node (htools' `addPriEx`, `addSecExEx`,
/// `removePri`, `removeSec`). Each returns the updated node and never mutates on failure.
extension Node {
    /// The node without `instance` as primary.
    public func removingPrimary(_ instance: Instance) -> Node {
        var n = self
        let usesDisk = instance.usesLocalStorage
        if !instance.forthcoming {
            removeLast(&n.primaries, instance.index)
            if instance.usesMemory { n.instanceMemory &-= instance.memory }
            let newFree = n.unallocatedMemory
            n.freeMemoryRatio = Double(newFree) / totalMemory
            n.failsN1 = newFree <= reservedMemory
            n.freeDisk = usesDisk ? freeDisk &+ instance.disk : freeDisk
            n.freeSpindles = newFreeSpindles(adding: false, instance)
            n.instanceSpindles = spindleUse(adding: false, instance, current: instanceSpindles)
            n.freeDiskRatio = newDiskRatio(freeSpindles: n.freeSpindles, freeDisk: n.freeDisk)
            if instance.notOffline { n.usedCpus &-= instance.vcpus }
            n.cpuRatio = Double(n.usedCpus) / totalCpus
            n.utilisationLoad = utilisationLoad - instance.utilisation
            n.locationScore = locationScore &- instance.locationScore &- desiredLocationScore(of: instance)
            for key in locationExclusionKeys(of: instance) { Node.decrement(&n.locationExclusionCounts, key) }
        }
        // forthcoming view (applies to real and forthcoming instances alike)
        n.primaryTags = primaryTags
        for t in instance.exclusionTags { Node.decrement(&n.primaryTags, t) }
        removeLast(&n.primariesForth, instance.index)
        n.freeMemoryForth = freeMemoryForth &+ instance.memory
        n.freeDiskForth = usesDisk ? freeDiskForth &+ instance.disk : freeDiskForth
        n.freeSpindlesForth = newFreeSpindlesForth(adding: false, instance)
        n.instanceSpindlesForth = spindleUse(adding: false, instance, current: instanceSpindlesForth)
        n.freeMemoryRatioForth = Double(n.freeMemoryForth) / totalMemory
        n.freeDiskRatioForth = newDiskRatio(freeSpindles: n.freeSpindlesForth, freeDisk: n.freeDiskForth)
        if instance.notOffline { n.usedCpusForth = usedCpusForth &- instance.vcpus }
        n.cpuRatioForth = Double(n.usedCpusForth) / totalCpus
        n.utilisationLoadForth = utilisationLoadForth - instance.utilisation
        return n
    }

    /// The node without `instance` as secondary.
    public func removingSecondary(_ instance: Instance) -> Node {
        var n = self
        let usesDisk = instance.usesLocalStorage
        if !instance.forthcoming {
            removeLast(&n.secondaries, instance.index)
            n.freeDisk = usesDisk ? freeDisk &+ instance.disk : freeDisk
            n.freeSpindles = newFreeSpindles(adding: false, instance)
            n.instanceSpindles = spindleUse(adding: false, instance, current: instanceSpindles)
            let oldPeer = peers.memory(for: instance.primary)
            let newPeer = instance.usesSecondaryMemory ? oldPeer &- instance.memory : oldPeer
            if newPeer > 0 { n.peers.set(instance.primary, newPeer) } else { n.peers.remove(instance.primary) }
            n.reservedMemory = oldPeer < reservedMemory ? reservedMemory : n.peers.maximum
            n.reservedMemoryRatio = Double(n.reservedMemory) / totalMemory
            n.failsN1 = unallocatedMemory <= n.reservedMemory
            n.freeDiskRatio = newDiskRatio(freeSpindles: n.freeSpindles, freeDisk: n.freeDisk)
            n.utilisationLoad.disk = utilisationLoad.disk - instance.utilisation.disk
        }
        removeLast(&n.secondariesForth, instance.index)
        n.freeDiskForth = usesDisk ? freeDiskForth &+ instance.disk : freeDiskForth
        n.freeSpindlesForth = newFreeSpindlesForth(adding: false, instance)
        n.instanceSpindlesForth = spindleUse(adding: false, instance, current: instanceSpindlesForth)
        n.freeDiskRatioForth = newDiskRatio(freeSpindles: n.freeSpindlesForth, freeDisk: n.freeDiskForth)
        n.utilisationLoadForth.disk = utilisationLoadForth.disk - instance.utilisation.disk
        return n
    }

    /// The node with `instance` added as primary, or why it does not fit. `force` skips the soft checks.
    public func addingPrimary(_ instance: Instance, force: Bool = false) -> Result<Node, FailMode> {
        let strict = !force
        let usesDisk = instance.usesLocalStorage
        let cpuLimit = policy.vcpuRatio
        let newMemForth = freeMemoryForth &- instance.memory
        let newDiskForth = usesDisk ? freeDiskForth &- instance.disk : freeDiskForth
        let newFreeSpForth = newFreeSpindlesForth(adding: true, instance)
        let newInstSpForth = spindleUse(adding: true, instance, current: instanceSpindlesForth)
        let newUsedCpuForth = instance.notOffline ? usedCpusForth &+ instance.vcpus : usedCpusForth
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
        func withForthFields(_ base: Node) -> Node {
            var n = base
            for t in instance.exclusionTags { n.primaryTags[t, default: 0] &+= 1 }
            n.primariesForth.append(instance.index)
            n.freeMemoryForth = newMemForth
            n.freeDiskForth = newDiskForth
            n.freeMemoryRatioForth = Double(newMemForth) / totalMemory
            n.freeDiskRatioForth = newDiskRatio(freeSpindles: newFreeSpForth, freeDisk: newDiskForth)
            n.usedCpusForth = newUsedCpuForth
            n.cpuRatioForth = newCpuRatioForth
            n.utilisationLoadForth = utilisationLoadForth + instance.utilisation
            n.instanceSpindlesForth = newInstSpForth
            n.freeSpindlesForth = newFreeSpForth
            return n
        }

        if instance.forthcoming {
            if strict, let f = forthcomingViolation() { return .failure(f) }
            return .success(withForthFields(self))
        }
        let newInstanceMemory = instance.usesMemory ? instanceMemory &+ instance.memory : instanceMemory
        let newFreeMem = Node.truncateToInt(totalMemory) &- nodeMemory &- newInstanceMemory &- max(0, missingMemory)
        let newFailsN1 = newFreeMem <= reservedMemory
        let newDisk = usesDisk ? freeDisk &- instance.disk : freeDisk
        let newFreeSp = newFreeSpindles(adding: true, instance)
        let newInstSp = spindleUse(adding: true, instance, current: instanceSpindles)
        let newUsedCpu = instance.notOffline ? usedCpus &+ instance.vcpus : usedCpus
        let newCpuRatio = Double(newUsedCpu) / totalCpus

        if newFreeMem <= 0 { return .failure(.memory) }
        if usesDisk && newDisk <= 0 { return .failure(.disk) }
        if strict && usesDisk && newDisk < lowDisk { return .failure(.disk) }
        if usesDisk && exclusiveStorage && newFreeSp < 0 { return .failure(.spindles) }
        if strict && usesDisk && newInstSp > highSpindles { return .failure(.disk) }
        if strict && newFailsN1 && !failsN1 { return .failure(.memory) }
        if strict && cpuLimit >= 0 && cpuLimit < newCpuRatio { return .failure(.cpu) }
        if strict && instance.exclusionTags.contains(where: { primaryTags[$0] != nil }) { return .failure(.tags) }
        if strict, let f = forthcomingViolation() { return .failure(f) }

        var n = self
        n.primaries.append(instance.index)
        n.instanceMemory = newInstanceMemory
        n.freeDisk = newDisk
        n.failsN1 = newFailsN1
        n.freeMemoryRatio = Double(newFreeMem) / totalMemory
        n.freeDiskRatio = newDiskRatio(freeSpindles: newFreeSp, freeDisk: newDisk)
        n.usedCpus = newUsedCpu
        n.cpuRatio = newCpuRatio
        n.utilisationLoad = utilisationLoad + instance.utilisation
        n.instanceSpindles = newInstSp
        n.freeSpindles = newFreeSp
        n.locationScore = locationScore &+ instance.locationScore &+ desiredLocationScore(of: instance)
        for key in locationExclusionKeys(of: instance) { n.locationExclusionCounts[key, default: 0] &+= 1 }
        return .success(withForthFields(n))
    }

    /// The node with `instance` added as secondary of `primary`, or why it does not fit.
    /// `ignoreDisks` skips the free-disk check (failover away from an offline primary).
    public func addingSecondary(_ instance: Instance, primary: NodeIndex, force: Bool = false,
                                ignoreDisks: Bool = false) -> Result<Node, FailMode> {
        let strict = !force
        let neededMemory = instance.usesSecondaryMemory ? instance.memory : 0
        let newPeer = peers.memory(for: primary) &+ neededMemory
        let newDiskForth = freeDiskForth &- instance.disk
        let newFreeSpForth = newFreeSpindlesForth(adding: true, instance)
        let newInstSpForth = spindleUse(adding: true, instance, current: instanceSpindlesForth)

        func forthcomingViolation() -> FailMode? {
            if !instance.hasSecondary { return .disk }
            if newDiskForth <= 0 { return .disk }
            if newDiskForth < lowDisk { return .disk }
            if exclusiveStorage && newFreeSpForth < 0 { return .spindles }
            if newInstSpForth > highSpindles { return .disk }
            if neededMemory >= freeMemoryForth { return .memory }
            return nil
        }
        func withForthFields(_ base: Node) -> Node {
            var n = base
            n.secondariesForth.append(instance.index)
            n.freeDiskForth = newDiskForth
            n.freeDiskRatioForth = newDiskRatio(freeSpindles: newFreeSpForth, freeDisk: newDiskForth)
            n.utilisationLoadForth.disk = utilisationLoadForth.disk + instance.utilisation.disk
            n.instanceSpindlesForth = newInstSpForth
            n.freeSpindlesForth = newFreeSpForth
            return n
        }

        if instance.forthcoming {
            if strict, let f = forthcomingViolation() { return .failure(f) }
            return .success(withForthFields(self))
        }
        let oldMemory = unallocatedMemory
        let newDisk = freeDisk &- instance.disk
        let newFreeSp = newFreeSpindles(adding: true, instance)
        let newInstSp = spindleUse(adding: true, instance, current: instanceSpindles)
        let newReserved = max(reservedMemory, newPeer)
        let newFailsN1 = oldMemory <= newReserved

        if !instance.hasSecondary { return .failure(.disk) }
        if !ignoreDisks && newDisk <= 0 { return .failure(.disk) }
        if strict && newDisk < lowDisk { return .failure(.disk) }
        if exclusiveStorage && newFreeSp < 0 { return .failure(.spindles) }
        if strict && newInstSp > highSpindles { return .failure(.disk) }
        if strict && neededMemory >= oldMemory { return .failure(.memory) }
        if strict && newFailsN1 && !failsN1 { return .failure(.memory) }
        if strict, let f = forthcomingViolation() { return .failure(f) }

        var n = self
        n.secondaries.append(instance.index)
        n.freeDisk = newDisk
        n.peers.set(primary, newPeer)
        n.failsN1 = newFailsN1
        n.reservedMemory = newReserved
        n.freeDiskRatio = newDiskRatio(freeSpindles: newFreeSp, freeDisk: newDisk)
        n.reservedMemoryRatio = Double(newReserved) / totalMemory
        n.utilisationLoad.disk = utilisationLoad.disk + instance.utilisation.disk
        n.instanceSpindles = newInstSp
        n.freeSpindles = newFreeSp
        return .success(withForthFields(n))
    }

    /// Whether instances may migrate from `self` to `target` (migration tags).
    public func canMigrate(to target: Node) -> Bool {
        migrationTags.allSatisfy { target.receivableMigrationTags.contains($0) }
    }

    private func removeLast(_ list: inout [InstanceIndex], _ i: InstanceIndex) {
        if let pos = list.lastIndex(of: i) { list.remove(at: pos) }
    }

    static func decrement(_ map: inout [Int: Int], _ key: Int) {
        if let v = map[key] { if v > 1 { map[key] = v - 1 } else { map[key] = nil } }
    }
}
