import ClusterModel

/// The `--simulate` backend: builds an empty cluster from group descriptions (htools' `Backend.Simu`).
///
/// Each spec is `policy,nodes,disk,memory,cpus[,spindles[,exclusive storage]]`; spec k (from 1) becomes group
/// `group-0k` with UUID `fake-uuid-0k` and nodes `node-0k-00j`. The first node of the first group is the master.
public enum SimulationBackend {
    /// Parses the specs, in htools' order (the first one is group 1), into an unassembled cluster.
    public static func parse(_ specs: [String]) throws(ClusterLoadError) -> Cluster {
        var groups: [NodeGroup] = []
        var nodes: [Node] = []
        for (k, spec) in specs.enumerated() {
            let groupNumber = k + 1
            let d = try SimulationSpec(spec)
            let group = GroupIndex(k)
            groups.append(NodeGroup(name: "group-" + twoDigits(groupNumber), uuid: "fake-uuid-" + twoDigits(groupNumber),
                                    index: group, allocPolicy: d.policy, networks: [], tags: []))
            if d.nodeCount >= 1 {
                for j in 1...d.nodeCount {
                    var n = Node(name: "node-\(twoDigits(groupNumber))-\(threeDigits(j))", totalMemory: Double(d.memory),
                                 nodeMemory: 0, freeMemory: d.memory, totalDisk: Double(d.disk), freeDisk: d.disk,
                                 totalCpus: Double(d.cpus), nodeCpus: 1, offline: false, totalSpindles: d.spindles,
                                 freeSpindles: 0, group: group, exclusiveStorage: d.exclusiveStorage)
                    n.isMaster = groupNumber == 1 && j == 1
                    n.index = NodeIndex(nodes.count)
                    nodes.append(n)
                }
            }
        }
        return Cluster(groups: groups, nodes: nodes, instances: [], tags: [], policy: .htoolsDefault)
    }

    /// `printf "%02d"`.
    static func twoDigits(_ n: Int) -> String { pad(n, 2) }
    /// `printf "%03d"`.
    static func threeDigits(_ n: Int) -> String { pad(n, 3) }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n.magnitude)
        let body = digits.count >= width - (n < 0 ? 1 : 0) ? digits
            : String(repeating: "0", count: width - (n < 0 ? 1 : 0) - digits.count) + digits
        return (n < 0 ? "-" : "") + body
    }
}
