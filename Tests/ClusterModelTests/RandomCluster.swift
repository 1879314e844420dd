@testable import ClusterModel

/// A small deterministic pseudo-random generator (SplitMix64) for reproducible property tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// Builds random but valid clusters exercising tags, offline nodes, forthcoming instances and templates.
enum RandomCluster {
    static func make(seed: UInt64, nodes nodeCount: Int = 8, instances instanceCount: Int = 30,
                     features: Bool = true, locationTags: Bool = true, tags: Bool = true,
                     uniformNodes: Bool = false) -> Cluster {
        var rng = SeededGenerator(seed: seed)
        let group = NodeGroup(name: "g1", uuid: "uuid-g1", index: GroupIndex(0), allocPolicy: .preferred, networks: [], tags: [])
        var nodes: [Node] = []
        for k in 0..<nodeCount {
            let mem = Double(Int.random(in: 8...64, using: &rng) * 1024)
            let disk = Double(Int.random(in: 100...800, using: &rng) * 1024)
            let exclusive = features && Int.random(in: 0..<6, using: &rng) == 0
            var n = Node(name: "node\(k).example.com", totalMemory: mem, nodeMemory: Int.random(in: 0...1024, using: &rng),
                         freeMemory: Int(mem) - Int.random(in: 0...4096, using: &rng), totalDisk: disk,
                         freeDisk: Int(disk) - Int.random(in: 0...20000, using: &rng),
                         totalCpus: Double(Int.random(in: 4...32, using: &rng)), nodeCpus: Int.random(in: 0...2, using: &rng),
                         offline: features && Int.random(in: 0..<8, using: &rng) == 0,
                         totalSpindles: Int.random(in: 1...12, using: &rng), freeSpindles: Int.random(in: 0...12, using: &rng),
                         group: GroupIndex(0), exclusiveStorage: exclusive)
            if uniformNodes {
                n = Node(name: "node\(k).example.com", totalMemory: 32768, nodeMemory: 512, freeMemory: 32256,
                         totalDisk: 409600, freeDisk: 409600, totalCpus: 16, nodeCpus: 1, offline: false,
                         totalSpindles: 12, freeSpindles: 12, group: GroupIndex(0), exclusiveStorage: false)
            }
            n.index = NodeIndex(k)
            n.cpuSpeed = features && Int.random(in: 0..<4, using: &rng) == 0 ? 1.5 : 1.0
            if features && tags {
                n.tags = ["htools:standby:x"].filter { _ in false } + (Int.random(in: 0..<2, using: &rng) == 0 ? ["power:a\(k % 2)"] : [])
                    + (Int.random(in: 0..<3, using: &rng) == 0 ? ["mig:x86"] : [])
            }
            nodes.append(n)
        }
        var instances: [Instance] = []
        let templates: [DiskTemplate] = features ? [.drbd, .drbd, .drbd, .plain, .ext, .diskless] : [.drbd]
        let statuses: [InstanceStatus] = features ? [.running, .running, .running, .adminDown, .adminOffline, .errorUp] : [.running]
        for k in 0..<instanceCount {
            let t = templates.randomElement(using: &rng)!
            let p = Int.random(in: 0..<nodeCount, using: &rng)
            var s: Int? = nil
            if t == .drbd {
                var c = Int.random(in: 0..<nodeCount, using: &rng)
                if c == p { c = (c + 1) % nodeCount }
                s = c
            }
            let disk = Int.random(in: 1...40, using: &rng) * 1024
            let spindles: Int? = Int.random(in: 0..<3, using: &rng) == 0 ? nil : Int.random(in: 1...2, using: &rng)
            var instanceTags: [String] = []
            if features && Int.random(in: 0..<3, using: &rng) == 0 { instanceTags.append("svc:web") }
            if features && Int.random(in: 0..<4, using: &rng) == 0 { instanceTags.append("svc:db") }
            if features && Int.random(in: 0..<5, using: &rng) == 0 { instanceTags.append("want:power:a1") }
            var inst = Instance(name: "inst\(k).example.com", memory: Int.random(in: 1...16, using: &rng) * 256, disk: disk,
                                disks: [Disk(size: disk, spindles: spindles)], vcpus: Int.random(in: 1...4, using: &rng),
                                status: statuses.randomElement(using: &rng)!, tags: tags ? instanceTags : [],
                                autoBalance: !features || Int.random(in: 0..<6, using: &rng) != 0,
                                primary: NodeIndex(p), secondary: s.map(NodeIndex.init), diskTemplate: t,
                                spindleUse: Int.random(in: 1...2, using: &rng),
                                forthcoming: features && Int.random(in: 0..<10, using: &rng) == 0 && tags)
            inst.index = InstanceIndex(k)
            if features && Int.random(in: 0..<3, using: &rng) == 0 {
                inst.utilisation = DynamicUtilisation(cpu: Double.random(in: 0...4, using: &rng), memory: Double.random(in: 0...2, using: &rng),
                                                      disk: Double.random(in: 0...3, using: &rng), network: Double.random(in: 0...1, using: &rng))
            }
            instances.append(inst)
        }
        var clusterTags = features ? ["htools:iextags:svc", "htools:nlocation:power", "htools:desiredlocation:want",
                                      "htools:migration:mig", "htools:allowmigration:mig:x86::mig:arm"] : []
        if !locationTags { clusterTags.removeAll { $0.hasPrefix("htools:nlocation:") } }
        if !tags { clusterTags = [] }
        var cluster = Cluster(groups: [group], nodes: nodes, instances: instances, tags: clusterTags, policy: .htoolsDefault)
        cluster = (try? assembleCluster(cluster)) ?? cluster
        _ = reconcileNodeResources(&cluster)
        return cluster
    }

    /// Every move kind for an instance against every other node.
    static func candidateMoves(_ inst: Instance, nodeCount: Int) -> [InstanceMove] {
        var moves: [InstanceMove] = [.failover]
        for t in 0..<nodeCount {
            let n = NodeIndex(t)
            moves += [.failoverToAny(n), .replacePrimary(n), .replaceSecondary(n), .replaceAndFailover(n), .failoverAndReplace(n)]
        }
        return moves.filter { move in
            switch move {
            case .failover: return true
            case .failoverToAny(let n), .replacePrimary(let n), .replaceSecondary(let n),
                 .replaceAndFailover(let n), .failoverAndReplace(let n):
                return n != inst.primary && n != inst.secondary
            }
        }
    }
}
