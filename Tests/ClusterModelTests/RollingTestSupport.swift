@testable import ClusterModel

/// Small hand-written clusters for the reboot planner and squeeze tests.
enum SmallCluster {
    /// A node description: name, group, free memory (MiB), offline, master, tags.
    struct NodeSpec {
        var name: String
        var group = 0
        var freeMemory = 30_000
        var offline = false
        var master = false
        var tags: [String] = []
    }

    /// An instance description: name, primary, optional secondary, template, memory (MiB).
    struct InstanceSpec {
        var name: String
        var primary: Int
        var secondary: Int? = nil
        var template: DiskTemplate = .drbd
        var memory = 1024
    }

    /// Builds and assembles a cluster of 32 GiB, 8-CPU nodes with 100 GiB disks.
    static func make(nodes: [NodeSpec], instances: [InstanceSpec], groups: Int = 1) -> Cluster {
        let groupList = (0..<groups).map {
            NodeGroup(name: "g\($0)", uuid: "uuid-g\($0)", index: GroupIndex($0), allocPolicy: .preferred, networks: [], tags: [])
        }
        var nodeList: [Node] = []
        for (k, spec) in nodes.enumerated() {
            var n = Node(name: spec.name, totalMemory: 32_768, nodeMemory: 512, freeMemory: spec.freeMemory,
                         totalDisk: 102_400, freeDisk: 90_000, totalCpus: 8, nodeCpus: 1, offline: spec.offline,
                         totalSpindles: 4, freeSpindles: 4, group: GroupIndex(spec.group), exclusiveStorage: false)
            n.index = NodeIndex(k)
            n.isMaster = spec.master
            n.tags = spec.tags
            nodeList.append(n)
        }
        var instList: [Instance] = []
        for (k, spec) in instances.enumerated() {
            let disk = spec.template.usesLocalStorage ? 1024 : 0
            var inst = Instance(name: spec.name, memory: spec.memory, disk: disk, disks: [Disk(size: disk, spindles: nil)],
                                vcpus: 1, status: .running, tags: [], autoBalance: true, primary: NodeIndex(spec.primary),
                                secondary: spec.secondary.map(NodeIndex.init), diskTemplate: spec.template,
                                spindleUse: 1, forthcoming: false)
            inst.index = InstanceIndex(k)
            instList.append(inst)
        }
        var cluster = Cluster(groups: groupList, nodes: nodeList, instances: instList, tags: [], policy: .htoolsDefault)
        cluster = (try? assembleCluster(cluster)) ?? cluster
        _ = reconcileNodeResources(&cluster)
        return cluster
    }

    /// The planner configuration of a cluster.
    static func configuration(_ c: Cluster) -> RollingConfiguration {
        RollingConfiguration(nodes: c.nodes, instances: c.instances)
    }
}
