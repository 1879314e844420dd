/// hsqueeze's decisions: which nodes to power off while a target spare capacity remains, or which
/// standby nodes to power on to regain a minimal one (htools' `Hsqueeze`). Greedy, as htools is.
public enum SqueezePlanner {
    /// Online, non-master nodes without secondaries whose primaries all use shared storage, most
    /// primaries first (stable), as htools lists them.
    public static func offlineCandidates(_ cluster: Cluster) -> [NodeIndex] {
        let eligible = cluster.nodes.filter { node in
            !node.offline && !node.isMaster && node.secondaries.isEmpty
                && !node.primaries.contains { cluster.instances[$0.value].usesLocalStorage }
        }
        return eligible.enumerated().sorted { a, b in
            a.element.primaries.count != b.element.primaries.count
                ? a.element.primaries.count > b.element.primaries.count : a.offset < b.offset
        }.map(\.element.index)
    }

    /// Offline nodes carrying a standby tag, in index order.
    public static func onlineCandidates(_ cluster: Cluster) -> [NodeIndex] {
        cluster.nodes.filter { node in
            node.offline && node.tags.contains { $0.hasPrefix(TagRules.standbyPrefix) }
        }.map(\.index)
    }

    /// The hypothetical instance of `factor` times the standard spec that must fit on every node
    /// (htools' `instanceFromSpecAndFactor`: memory, CPUs and spindles scaled and floored, no disk).
    public static func probeInstance(_ spec: InstanceSpec, factor: Double) -> Instance {
        Instance(name: "targetInstance", memory: Node.floorToInt(factor * Double(spec.memorySize)), disk: 0, disks: [],
                 vcpus: Node.floorToInt(factor * Double(spec.cpuCount)), status: .running, tags: [],
                 autoBalance: false, primary: NodeIndex(-1), secondary: nil, diskTemplate: .ext,
                 spindleUse: Node.floorToInt(factor * Double(spec.spindleUse)), forthcoming: false)
    }

    /// Whether every node, offline ones included, could take `instance` as a new primary.
    public static func everyNodeFits(_ instance: Instance, in cluster: Cluster) -> Bool {
        cluster.nodes.allSatisfy {
            if case .success = $0.addingPrimary(instance) { return true }
            return false
        }
    }

    /// Whether every instance's primary is online.
    public static func allPrimariesOnline(_ cluster: Cluster) -> Bool {
        cluster.instances.allSatisfy { inst in
            !cluster.nodes.indices.contains(inst.primary.value) || !cluster.nodes[inst.primary.value].offline
        }
    }

    /// Whether, after switching `nodes` offline (or online) and balancing, all primaries are on
    /// online nodes and every node still fits `instance`.
    public static func isFeasible(settingOffline offline: Bool, _ nodes: [NodeIndex], in cluster: Cluster,
                                  keeping instance: Instance, threads: Int = 1) -> Bool {
        let balanced = SqueezeBalancing.settingOffline(offline, nodes, in: cluster, threads: threads).cluster
        return allPrimariesOnline(balanced) && everyNodeFits(instance, in: balanced)
    }

    /// The nodes to power off: candidates tried from the last to the first, each kept when it can go
    /// offline together with those already kept (htools' `greedyOfflineNodes`).
    /// - Complexity: one full balancing per candidate.
    public static func nodesToOffline(_ candidates: [NodeIndex], in cluster: Cluster, keeping instance: Instance,
                                      threads: Int = 1) -> [NodeIndex] {
        var chosen: [NodeIndex] = []
        for node in candidates.reversed() {
            let attempt = [node] + chosen
            if isFeasible(settingOffline: true, attempt, in: cluster, keeping: instance, threads: threads) {
                chosen = attempt
            }
        }
        return chosen
    }

    /// The shortest prefix of `candidates` whose onlining restores room for `instance` everywhere,
    /// the empty prefix included; nil when none does (htools' `tryOnline`).
    public static func nodesToOnline(_ candidates: [NodeIndex], in cluster: Cluster, keeping instance: Instance,
                                     threads: Int = 1) -> [NodeIndex]? {
        for length in 0...candidates.count {
            let prefix = Array(candidates.prefix(length))
            if isFeasible(settingOffline: false, prefix, in: cluster, keeping: instance, threads: threads) {
                return prefix
            }
        }
        return nil
    }
}
