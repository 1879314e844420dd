extension Node {
    /// Records `instance` as a primary while loading (htools' `setPri`): no capacity checks.
    public mutating func attachPrimary(_ instance: Instance) {
        if !instance.forthcoming {
            primaries.append(instance.index)
            if instance.notOffline { usedCpus &+= instance.vcpus }
            cpuRatio = Double(usedCpus) / totalCpus
            utilisationLoad = utilisationLoad + instance.utilisation
            instanceSpindles = spindleUse(adding: true, instance, current: instanceSpindles)
            locationScore &+= instance.locationScore &+ desiredLocationScore(of: instance)
            for key in locationExclusionKeys(of: instance) { locationExclusionCounts[key, default: 0] &+= 1 }
            attachPrimaryForthFields(instance)
        } else {
            attachPrimaryForthFields(instance)
            let uses = instance.usesLocalStorage
            freeDiskForth = uses ? freeDiskForth &- instance.disk : freeDiskForth
            freeSpindlesForth = newFreeSpindlesForth(adding: true, instance)
            freeDiskRatioForth = newDiskRatio(freeSpindles: freeSpindlesForth, freeDisk: freeDiskForth)
        }
    }

    private mutating func attachPrimaryForthFields(_ instance: Instance) {
        for t in instance.exclusionTags { primaryTags[t, default: 0] &+= 1 }
        primariesForth.append(instance.index)
        if instance.notOffline { usedCpusForth &+= instance.vcpus }
        cpuRatioForth = Double(usedCpusForth) / totalCpus
        utilisationLoadForth = utilisationLoadForth + instance.utilisation
        if !instance.usesMemory { freeMemoryForth &-= instance.memory }
        freeMemoryRatioForth = Double(freeMemoryForth) / totalMemory
        instanceSpindlesForth = spindleUse(adding: true, instance, current: instanceSpindlesForth)
    }

    /// Records `instance` as a secondary while loading (htools' `setSec`): no capacity checks.
    public mutating func attachSecondary(_ instance: Instance) {
        if !instance.forthcoming {
            secondaries.append(instance.index)
            utilisationLoad.disk += instance.utilisation.disk
            instanceSpindles = spindleUse(adding: true, instance, current: instanceSpindles)
            attachSecondaryForthFields(instance)
        } else {
            attachSecondaryForthFields(instance)
            let uses = instance.usesLocalStorage
            freeDiskForth = uses ? freeDiskForth &- instance.disk : freeDiskForth
            freeSpindlesForth = newFreeSpindlesForth(adding: true, instance)
            freeDiskRatioForth = newDiskRatio(freeSpindles: freeSpindlesForth, freeDisk: freeDiskForth)
        }
    }

    private mutating func attachSecondaryForthFields(_ instance: Instance) {
        secondariesForth.append(instance.index)
        utilisationLoadForth.disk += instance.utilisation.disk
        instanceSpindlesForth = spindleUse(adding: true, instance, current: instanceSpindlesForth)
    }

    /// Rebuilds the peer map and N+1 state from the secondaries (htools' `buildPeers`).
    public mutating func buildPeers(instances: [Instance]) {
        // htools walks its prepend-ordered list; ours is append-ordered, so walk it reversed.
        var pairs: [(NodeIndex, Int)] = []
        pairs.reserveCapacity(secondaries.count)
        for i in secondaries.reversed() {
            let inst = instances[i.value]
            let mem = inst.usesSecondaryMemory && !inst.forthcoming ? inst.memory : 0
            pairs.append((inst.primary, mem))
        }
        peers = PeerMap(accumulating: pairs)
        reservedMemory = peers.maximum
        failsN1 = freeMemory < reservedMemory
        reservedMemoryRatio = Double(reservedMemory) / totalMemory
    }

    /// Applies a group policy: vcpu and spindle limits follow it.
    public mutating func applyPolicy(_ newPolicy: InstancePolicy) {
        policy = newPolicy
        highCpus = Node.floorToInt(newPolicy.vcpuRatio * totalCpus)
        highSpindles = newPolicy.spindleRatio * Double(totalSpindles)
    }

    /// Sets the minimum free disk ratio (`--min-disk`).
    public mutating func setMinDiskRatio(_ ratio: Double) {
        minDiskRatio = ratio
        lowDisk = Node.floorToInt(ratio * totalDisk)
    }

    /// Overrides the vcpu ratio (`--max-cpu`), updating the node's policy copy.
    public mutating func setMaxCpuRatio(_ ratio: Double) {
        policy.vcpuRatio = ratio
        highCpus = Node.floorToInt(ratio * totalCpus)
    }

    /// Unsatisfied desired locations of `instance` if it ran here as primary.
    public func desiredLocationScore(of instance: Instance) -> Int {
        var satisfied = 0
        for t in instance.desiredLocationTags where locationTags.contains(t) { satisfied += 1 }
        return instance.desiredLocationTags.count - satisfied
    }

    /// Keys of the (node location tag, instance exclusion tag) pairs for `instance` here.
    public func locationExclusionKeys(of instance: Instance) -> [Int] {
        if locationTags.isEmpty || instance.exclusionTags.isEmpty { return [] }
        var keys: [Int] = []
        for loc in locationTags { for ex in instance.exclusionTags { keys.append(Node.pairKey(loc, ex)) } }
        return keys
    }

    /// Packs two interned tags into one dictionary key.
    public static func pairKey(_ a: Int, _ b: Int) -> Int { (a << 32) | b }

    /// New instance-spindle usage after adding or removing `instance` (zero with exclusive storage).
    public func spindleUse(adding: Bool, _ instance: Instance, current: Double) -> Double {
        if exclusiveStorage { return 0 }
        guard instance.usesLocalStorage else { return current }
        return adding ? current + Double(instance.spindleUse) : current - Double(instance.spindleUse)
    }

    /// New free spindles after adding or removing `instance` (only meaningful with exclusive storage).
    public func newFreeSpindles(adding: Bool, _ instance: Instance) -> Int {
        newFreeSpindles(adding: adding, instance, current: freeSpindles)
    }

    /// New free spindles (forthcoming view) after adding or removing `instance`.
    public func newFreeSpindlesForth(adding: Bool, _ instance: Instance) -> Int {
        newFreeSpindles(adding: adding, instance, current: freeSpindlesForth)
    }

    private func newFreeSpindles(adding: Bool, _ instance: Instance, current: Int) -> Int {
        if !exclusiveStorage { return 0 }
        guard let s = instance.totalSpindles else { return adding ? -1 : current }
        return adding ? current &- s : current &+ s
    }

    /// Free disk ratio for the given free amounts, honouring exclusive storage.
    public func newDiskRatio(freeSpindles: Int, freeDisk: Int) -> Double {
        exclusiveStorage
            ? Node.diskRatio(free: freeSpindles, total: Double(totalSpindles))
            : Node.diskRatio(free: freeDisk, total: totalDisk)
    }
}
