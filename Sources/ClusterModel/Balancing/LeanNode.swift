/// The score- and capacity-relevant state of a node as plain values, for evaluating candidate moves
/// without copying node lists, maps or strings.
///
/// Its operations repeat the arithmetic of `Node+Placement` exactly (same operations, same order);
/// `LeanEvaluationTests` checks the two agree on random clusters and moves.
struct LeanNode {
    // constants
    let totalMemory: Double
    let nodeMemory: Int
    let missingMemory: Int
    let totalDisk: Double
    let lowDisk: Int
    let totalCpus: Double
    let cpuSpeed: Double
    let vcpuRatio: Double
    let exclusiveStorage: Bool
    let totalSpindles: Int
    let highSpindles: Double
    let pool: DynamicUtilisation
    let offline: Bool
    let index: NodeIndex
    let group: GroupIndex
    let hasLocationTags: Bool
    /// The node's own tag-conflict count (`Node.conflictingPrimaries`).
    let baseConflicts: Int
    // variables (a new one must also be compared in `hasSameState`)
    var instanceMemory: Int
    var freeDisk: Int
    var failsN1: Bool
    var freeMemoryRatio: Double
    var freeDiskRatio: Double
    var reservedMemory: Int
    var reservedMemoryRatio: Double
    var usedCpus: Int
    var cpuRatio: Double
    var load: DynamicUtilisation
    var instanceSpindles: Double
    var freeSpindles: Int
    var locationScore: Int
    var primaryCount: Int
    var secondaryCount: Int
    var freeMemoryForth: Int
    var freeDiskForth: Int
    var freeMemoryRatioForth: Double
    var freeDiskRatioForth: Double
    var usedCpusForth: Int
    var cpuRatioForth: Double
    var loadForth: DynamicUtilisation
    var instanceSpindlesForth: Double
    var freeSpindlesForth: Int
    /// Net additions (+) or removals (−) of the moved instance's exclusion tags to the primary-tag map.
    var tagDelta = 0
    /// Net additions (+) or removals (−) of the moved instance as a real primary (location pairs).
    var pairDelta = 0
    /// Peer-map overrides: up to two (key, memory) pairs; memory < 0 means removed.
    var peerKey0 = -1, peerValue0 = 0, peerKey1 = -1, peerValue1 = 0

    init(_ n: __shared Node) {
        self = withUnsafePointer(to: n) { LeanNode(at: $0) }
    }

    /// The fields of the node at `p`, read in place: stored properties only, as a computed one would copy the
    /// whole node out of its buffer first.
    init(at p: UnsafePointer<Node>) {
        totalMemory = p.pointee.totalMemory; nodeMemory = p.pointee.nodeMemory; missingMemory = p.pointee.missingMemory
        totalDisk = p.pointee.totalDisk; lowDisk = p.pointee.lowDisk; totalCpus = p.pointee.totalCpus; cpuSpeed = p.pointee.cpuSpeed
        vcpuRatio = p.pointee.policy.vcpuRatio; exclusiveStorage = p.pointee.exclusiveStorage; totalSpindles = p.pointee.totalSpindles
        highSpindles = p.pointee.highSpindles; pool = p.pointee.utilisationPool; offline = p.pointee.offline; index = p.pointee.index
        group = p.pointee.group; hasLocationTags = !p.pointee.locationTags.isEmpty; baseConflicts = Node.conflictingPrimaries(p.pointee.primaryTags)
        instanceMemory = p.pointee.instanceMemory; freeDisk = p.pointee.freeDisk; failsN1 = p.pointee.failsN1
        freeMemoryRatio = p.pointee.freeMemoryRatio; freeDiskRatio = p.pointee.freeDiskRatio; reservedMemory = p.pointee.reservedMemory
        reservedMemoryRatio = p.pointee.reservedMemoryRatio; usedCpus = p.pointee.usedCpus; cpuRatio = p.pointee.cpuRatio
        load = p.pointee.utilisationLoad; instanceSpindles = p.pointee.instanceSpindles; freeSpindles = p.pointee.freeSpindles
        locationScore = p.pointee.locationScore; primaryCount = p.pointee.primaries.count; secondaryCount = p.pointee.secondaries.count
        freeMemoryForth = p.pointee.freeMemoryForth; freeDiskForth = p.pointee.freeDiskForth
        freeMemoryRatioForth = p.pointee.freeMemoryRatioForth; freeDiskRatioForth = p.pointee.freeDiskRatioForth
        usedCpusForth = p.pointee.usedCpusForth; cpuRatioForth = p.pointee.cpuRatioForth; loadForth = p.pointee.utilisationLoadForth
        instanceSpindlesForth = p.pointee.instanceSpindlesForth; freeSpindlesForth = p.pointee.freeSpindlesForth
    }

    /// Lean copies of all `nodes`, in order (without copying the nodes themselves).
    static func copies(of nodes: [Node]) -> [LeanNode] {
        nodes.withUnsafeBufferPointer { buf in
            var out: [LeanNode] = []
            out.reserveCapacity(buf.count)
            for k in buf.indices { out.append(LeanNode(at: buf.baseAddress.unsafelyUnwrapped + k)) }
            return out
        }
    }

    @inline(__always) var unallocatedMemory: Int {
        Node.truncateToInt(totalMemory) &- nodeMemory &- instanceMemory &- max(0, missingMemory)
    }

    @inline(__always) func diskRatio(freeSpindles sp: Int, freeDisk d: Int) -> Double {
        exclusiveStorage ? Node.diskRatio(free: sp, total: Double(totalSpindles)) : Node.diskRatio(free: d, total: totalDisk)
    }

    @inline(__always) func spindleUse(adding: Bool, _ i: LeanInstance, current: Double) -> Double {
        if exclusiveStorage { return 0 }
        guard i.usesLocalStorage else { return current }
        return adding ? current + Double(i.spindleUse) : current - Double(i.spindleUse)
    }

    @inline(__always) func newFreeSpindles(adding: Bool, _ i: LeanInstance, current: Int) -> Int {
        if !exclusiveStorage { return 0 }
        guard let s = i.totalSpindles else { return adding ? -1 : current }
        return adding ? current &- s : current &+ s
    }

    /// Peer memory for `key`, honouring the overrides.
    @inline(__always) func peer(_ key: Int, base: PeerTable) -> Int {
        if key == peerKey0 { return max(0, peerValue0) }
        if key == peerKey1 { return max(0, peerValue1) }
        return base.memory(node: index.value, peer: key)
    }

    /// Largest peer entry with the overrides applied.
    func maxPeer(base: PeerTable) -> Int {
        var best = 0
        var seen0 = false, seen1 = false
        base.forEachEntry(node: index.value) { k, value in
            var v = value
            if k == peerKey0 { v = peerValue0; seen0 = true } else if k == peerKey1 { v = peerValue1; seen1 = true }
            if v > best { best = v }
        }
        if !seen0 && peerKey0 >= 0 && peerValue0 > best { best = peerValue0 }
        if !seen1 && peerKey1 >= 0 && peerValue1 > best { best = peerValue1 }
        return best
    }

    mutating func setPeer(_ key: Int, _ value: Int) {
        if key == peerKey0 || peerKey0 < 0 { peerKey0 = key; peerValue0 = value }
        else if key == peerKey1 || peerKey1 < 0 { peerKey1 = key; peerValue1 = value }
        else { peerKey1 = key; peerValue1 = value }
    }

    /// `writeScoreRow` for a node read through a pointer (`mutating` only to pass the node's address instead of a
    /// copy, as `primaryFailureInPlace`). Changes nothing.
    mutating func writeScoreRowInPlace(_ v: UnsafeMutablePointer<Double>, conflicts: Int) {
        writeScoreRow(v, conflicts: conflicts)
    }

    /// Writes the per-component score inputs of this state (see `NodeScoreValues`); `conflicts` is the tag conflict count.
    func writeScoreRow(_ v: UnsafeMutablePointer<Double>, conflicts: Int) {
        v[ScoreComponent.freeMemory.rawValue] = freeMemoryRatio
        v[ScoreComponent.freeDisk.rawValue] = freeDiskRatio
        v[ScoreComponent.n1Count.rawValue] = failsN1 ? Double(secondaryCount + primaryCount) : 0
        v[ScoreComponent.reservedMemory.rawValue] = reservedMemoryRatio
        let pri = Double(primaryCount), sec = Double(secondaryCount)
        v[ScoreComponent.offlineAll.rawValue] = pri + sec
        v[ScoreComponent.offlinePrimary.rawValue] = pri
        v[ScoreComponent.vcpuRatio.rawValue] = cpuRatio / cpuSpeed
        v[ScoreComponent.cpuLoad.rawValue] = load.cpu / pool.cpu
        v[ScoreComponent.memoryLoad.rawValue] = load.memory / pool.memory
        v[ScoreComponent.diskLoad.rawValue] = load.disk / pool.disk
        v[ScoreComponent.networkLoad.rawValue] = load.network / pool.network
        v[ScoreComponent.primaryTags.rawValue] = Double(conflicts)
        v[ScoreComponent.spindles.rawValue] = instanceSpindles / highSpindles
        v[ScoreComponent.freeMemoryForth.rawValue] = freeMemoryRatioForth
        v[ScoreComponent.freeDiskForth.rawValue] = freeDiskRatioForth
        v[ScoreComponent.vcpuRatioForth.rawValue] = cpuRatioForth / cpuSpeed
        v[ScoreComponent.spindlesForth.rawValue] = instanceSpindlesForth / highSpindles
        v[ScoreComponent.locationScore.rawValue] = Double(locationScore)
        v[ScoreComponent.locationExclusion.rawValue] = 0
        v[ScoreComponent.reservedMemoryTotal.rawValue] = reservedMemoryRatio
    }
}

/// The instance fields the lean operations read.
struct LeanInstance {
    let memory: Int
    let disk: Int
    let vcpus: Int
    let usesMemory: Bool
    let usesLocalStorage: Bool
    let notOffline: Bool
    let forthcoming: Bool
    let totalSpindles: Int?
    let spindleUse: Int
    let usesSecondaryMemory: Bool
    let hasSecondary: Bool
    let utilisation: DynamicUtilisation
    /// Location score the instance carries in this operation.
    var locationScore: Int

    init(_ i: __shared Instance) {
        self = withUnsafePointer(to: i) { LeanInstance(at: $0) }
    }

    /// The fields of the instance at `p`, read in place (no copy of the instance).
    init(at p: UnsafePointer<Instance>) {
        // Stored fields only: computed properties would copy the instance out of the buffer first.
        let status = p.pointee.status, template = p.pointee.diskTemplate
        memory = p.pointee.memory; disk = p.pointee.disk; vcpus = p.pointee.vcpus
        forthcoming = p.pointee.forthcoming
        usesMemory = Instance.usesMemory(status: status, forthcoming: forthcoming)
        usesLocalStorage = template.usesLocalStorage; notOffline = !status.isOffline
        totalSpindles = Instance.totalSpindles(p.pointee.disks); spindleUse = p.pointee.spindleUse
        usesSecondaryMemory = notOffline && p.pointee.autoBalance; hasSecondary = template.hasSecondary
        utilisation = p.pointee.utilisation; locationScore = p.pointee.locationScore
    }
}

/// All nodes' peer maps in flat arrays, for allocation-free lookups (a dense node × peer matrix as well on
/// groups small enough for one).
struct PeerTable {
    private let start: [Int]
    private let keys: [Int]
    private let values: [Int]
    /// The dense matrix, or nil above `DensePeers.maximumNodes` nodes.
    private let dense: DensePeers?

    init(_ nodes: [Node]) {
        var st: [Int] = [0], ks: [Int] = [], vs: [Int] = []
        st.reserveCapacity(nodes.count + 1)
        // Read in place: iterating the array would copy every node (and retain its lists and maps).
        nodes.withUnsafeBufferPointer { b in
            for k in b.indices {
                for e in b[k].peers.entries { ks.append(e.node.value); vs.append(e.memory) }
                st.append(ks.count)
            }
        }
        start = st; keys = ks; values = vs
        dense = nodes.count <= DensePeers.maximumNodes ? DensePeers(nodes.count, start: st, keys: ks, values: vs) : nil
    }

    /// Memory of `peer` in `node`'s map (0 when absent).
    @inline(__always) func memory(node: Int, peer: Int) -> Int {
        if let dense, peer >= 0 && peer < dense.count { return dense.matrix[node &* dense.count &+ peer] }
        var k = start[node]
        let end = start[node + 1]
        while k < end {
            if keys[k] == peer { return values[k] }
            k += 1
        }
        return 0
    }

    /// Visits `node`'s entries.
    @inline(__always) func forEachEntry(node: Int, _ body: (Int, Int) -> Void) {
        var k = start[node]
        let end = start[node + 1]
        while k < end { body(keys[k], values[k]); k += 1 }
    }
}

/// A dense node × peer memory matrix (the first entry of each key, as the list lookup finds it).
final class DensePeers: @unchecked Sendable {
    /// Largest node count given a matrix (8 MiB at this size).
    static let maximumNodes = 1024
    let count: Int
    let matrix: UnsafeMutablePointer<Int>

    init(_ n: Int, start: [Int], keys: [Int], values: [Int]) {
        count = n
        matrix = .allocate(capacity: max(1, n * n))
        matrix.initialize(repeating: 0, count: max(1, n * n))
        for node in 0..<n {
            // Later duplicates of a key must not override the first one (the list lookup stops at the first).
            var k = start[node + 1] - 1
            while k >= start[node] {
                if keys[k] >= 0 && keys[k] < n { matrix[node * n + keys[k]] = values[k] }
                k -= 1
            }
        }
    }

    deinit { matrix.deallocate() }
}
