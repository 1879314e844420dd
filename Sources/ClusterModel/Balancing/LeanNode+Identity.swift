extension LeanNode {
    /// Whether this node's state is bit for bit that of `other` (the same node before or after a step) in every
    /// field candidate evaluation reads: then candidates on or towards it are as before.
    func hasSameState(as other: LeanNode) -> Bool {
        func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern }
        func same(_ a: DynamicUtilisation, _ b: DynamicUtilisation) -> Bool {
            same(a.cpu, b.cpu) && same(a.memory, b.memory) && same(a.disk, b.disk) && same(a.network, b.network)
        }
        return index == other.index && baseConflicts == other.baseConflicts
            && instanceMemory == other.instanceMemory && freeDisk == other.freeDisk && failsN1 == other.failsN1
            && same(freeMemoryRatio, other.freeMemoryRatio) && same(freeDiskRatio, other.freeDiskRatio)
            && reservedMemory == other.reservedMemory && same(reservedMemoryRatio, other.reservedMemoryRatio)
            && usedCpus == other.usedCpus && same(cpuRatio, other.cpuRatio) && same(load, other.load)
            && same(instanceSpindles, other.instanceSpindles) && freeSpindles == other.freeSpindles
            && locationScore == other.locationScore && primaryCount == other.primaryCount
            && secondaryCount == other.secondaryCount
            && freeMemoryForth == other.freeMemoryForth && freeDiskForth == other.freeDiskForth
            && same(freeMemoryRatioForth, other.freeMemoryRatioForth) && same(freeDiskRatioForth, other.freeDiskRatioForth)
            && usedCpusForth == other.usedCpusForth && same(cpuRatioForth, other.cpuRatioForth)
            && same(loadForth, other.loadForth) && same(instanceSpindlesForth, other.instanceSpindlesForth)
            && freeSpindlesForth == other.freeSpindlesForth
            && tagDelta == other.tagDelta && pairDelta == other.pairDelta
            && peerKey0 == other.peerKey0 && peerValue0 == other.peerValue0
            && peerKey1 == other.peerKey1 && peerValue1 == other.peerValue1
    }
}

extension Node {
    /// Whether `other` (this node after a step) evaluates candidates exactly as this one: the same lean state,
    /// peer map and primary tag counts. Such a node is not counted as touched by the step (a replace-secondary
    /// move removes and re-adds its instance on the primary, which usually leaves the primary as it was).
    func evaluatesAlike(_ other: Node) -> Bool {
        peers == other.peers && primaryTags == other.primaryTags && LeanNode(self).hasSameState(as: LeanNode(other))
    }
}
