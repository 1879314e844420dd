/// The per-node inputs of every score component (htools' `compDetailedCVNode`).
public struct NodeScoreValues: Sendable {
    /// Numeric values by `ScoreComponent.rawValue` (the spread entry is unused).
    public var numbers: [Double]
    /// (location, exclusion) pair counts for the spread component.
    public var pairCounts: [Int: Int]

    /// Computes the values of `node`.
    public init(_ node: Node) {
        var v = [Double](repeating: 0, count: ScoreComponent.count)
        v[ScoreComponent.freeMemory.rawValue] = node.freeMemoryRatio
        v[ScoreComponent.freeDisk.rawValue] = node.freeDiskRatio
        v[ScoreComponent.n1Count.rawValue] = node.failsN1 ? Double(node.secondaries.count + node.primaries.count) : 0
        v[ScoreComponent.reservedMemory.rawValue] = node.reservedMemoryRatio
        let pri = Double(node.primaries.count)
        let sec = Double(node.secondaries.count)
        v[ScoreComponent.offlineAll.rawValue] = pri + sec
        v[ScoreComponent.offlinePrimary.rawValue] = pri
        v[ScoreComponent.vcpuRatio.rawValue] = node.effectiveCpuRatio
        let load = node.utilisationLoad, pool = node.utilisationPool
        v[ScoreComponent.cpuLoad.rawValue] = load.cpu / pool.cpu
        v[ScoreComponent.memoryLoad.rawValue] = load.memory / pool.memory
        v[ScoreComponent.diskLoad.rawValue] = load.disk / pool.disk
        v[ScoreComponent.networkLoad.rawValue] = load.network / pool.network
        v[ScoreComponent.primaryTags.rawValue] = Double(node.conflictingPrimaries)
        v[ScoreComponent.spindles.rawValue] = node.instanceSpindles / node.highSpindles
        v[ScoreComponent.freeMemoryForth.rawValue] = node.freeMemoryRatioForth
        v[ScoreComponent.freeDiskForth.rawValue] = node.freeDiskRatioForth
        v[ScoreComponent.vcpuRatioForth.rawValue] = node.effectiveCpuRatioForth
        v[ScoreComponent.spindlesForth.rawValue] = node.instanceSpindlesForth / node.highSpindles
        v[ScoreComponent.locationScore.rawValue] = Double(node.locationScore)
        v[ScoreComponent.reservedMemoryTotal.rawValue] = node.reservedMemoryRatio
        numbers = v
        pairCounts = node.locationExclusionCounts
    }
}
