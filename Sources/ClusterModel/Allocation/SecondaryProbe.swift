/// What adding a new instance as secondary would do to one node, precomputed once per search so that each
/// (primary, secondary) pair costs a few arithmetic operations (mirrors htools' `addSecExEx` with `force = False`).
///
/// Only the N+1 reservation depends on the primary; everything else is fixed per node.
struct SecondaryProbe {
    /// The first failing check before the N+1 check, if any.
    var earlyFailure: FailMode?
    /// The first failing forthcoming-resource check (after the N+1 check), if any.
    var lateFailure: FailMode?
    /// Memory the instance reserves here for failover.
    var neededMemory: Int
    /// Current N+1 reservation.
    var reservedMemory: Int
    /// Guaranteed free memory.
    var unallocatedMemory: Int
    /// Current N+1 state.
    var failsN1: Bool
    /// Total memory, for the reservation ratio.
    var totalMemory: Double
    /// `n1_cnt` inputs: instance count before and after.
    var countBefore: Double
    var countAfter: Double
    /// Score inputs before (`x…`) and after (`y…`) for the primary-independent changed components.
    var xFreeDisk: Double, yFreeDisk: Double
    var xDiskLoad: Double, yDiskLoad: Double
    var xSpindles: Double, ySpindles: Double
    var xFreeDiskForth: Double, yFreeDiskForth: Double
    var xSpindlesForth: Double, ySpindlesForth: Double
    /// Reservation ratio before.
    var xReserved: Double
    /// Whether the node is online and every score input finite, so unchanged components are exact no-ops.
    var isExact: Bool

    /// Precomputes the probe of `node` for `instance` (a non-forthcoming instance).
    init(_ node: Node, _ instance: Instance) {
        let needed = instance.usesSecondaryMemory ? instance.memory : 0
        let unallocated = node.unallocatedMemory
        let newDisk = node.freeDisk &- instance.disk
        let newFreeSp = node.newFreeSpindles(adding: true, instance)
        let newInstSp = node.spindleUse(adding: true, instance, current: node.instanceSpindles)
        (earlyFailure, lateFailure) = LeanNode(node).secondaryFailures(LeanInstance(instance))
        let newDiskForth = node.freeDiskForth &- instance.disk
        let newFreeSpForth = node.newFreeSpindlesForth(adding: true, instance)
        let newInstSpForth = node.spindleUse(adding: true, instance, current: node.instanceSpindlesForth)
        neededMemory = needed
        reservedMemory = node.reservedMemory
        unallocatedMemory = unallocated
        failsN1 = node.failsN1
        totalMemory = node.totalMemory
        countBefore = Double(node.secondaries.count &+ node.primaries.count)
        countAfter = Double(node.secondaries.count &+ 1 &+ node.primaries.count)
        let old = NodeScoreValues(node)
        xFreeDisk = old.numbers[ScoreComponent.freeDisk.rawValue]
        yFreeDisk = node.newDiskRatio(freeSpindles: newFreeSp, freeDisk: newDisk)
        xDiskLoad = old.numbers[ScoreComponent.diskLoad.rawValue]
        yDiskLoad = (node.utilisationLoad.disk + instance.utilisation.disk) / node.utilisationPool.disk
        xSpindles = old.numbers[ScoreComponent.spindles.rawValue]
        ySpindles = newInstSp / node.highSpindles
        xFreeDiskForth = old.numbers[ScoreComponent.freeDiskForth.rawValue]
        yFreeDiskForth = node.newDiskRatio(freeSpindles: newFreeSpForth, freeDisk: newDiskForth)
        xSpindlesForth = old.numbers[ScoreComponent.spindlesForth.rawValue]
        ySpindlesForth = newInstSpForth / node.highSpindles
        xReserved = old.numbers[ScoreComponent.reservedMemory.rawValue]
        // Offline nodes count in other components (offline_all_cnt) than the fast terms update.
        isExact = !node.offline && old.numbers.allSatisfy(SecondaryProbe.isTame)
            && [yFreeDisk, yDiskLoad, ySpindles, yFreeDiskForth, ySpindlesForth].allSatisfy(SecondaryProbe.isTame)
    }

    /// Finite with a finite square: updating a statistic with an unchanged tame value changes nothing.
    static func isTame(_ x: Double) -> Bool { x.isFinite && abs(x) < 1e150 }
}
