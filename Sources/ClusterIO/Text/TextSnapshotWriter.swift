import ClusterModel

/// Writes a cluster in htools' text snapshot format, byte for byte as htools' `-S` does.
public enum TextSnapshotWriter {
    /// The snapshot text of `cluster`, limited to `nodes` and `instances` when given.
    public static func serialize(_ cluster: Cluster, nodes nodeIndices: [NodeIndex]? = nil,
                                 instances instanceIndices: [InstanceIndex]? = nil) -> String {
        let groups = unlines(cluster.groups.map(groupLine))
        let chosenNodes = nodeIndices.map { $0.map { cluster.nodes[$0.value] } } ?? cluster.nodes
        let chosenInstances = instanceIndices.map { $0.map { cluster.instances[$0.value] } } ?? cluster.instances
        let nodes = unlines(chosenNodes.map { nodeLine($0, cluster) })
        let instances = unlines(chosenInstances.map { instanceLine($0, cluster) })
        let policies = unlines([PolicyText.format(owner: "", cluster.policy)]
                               + cluster.groups.map { PolicyText.format(owner: $0.name, $0.policy) })
        return [groups, nodes, instances, unlines(cluster.tags), policies].joined(separator: "\n")
    }

    private static func unlines(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }

    /// One group line.
    public static func groupLine(_ g: NodeGroup) -> String {
        [g.name, g.uuid, g.allocPolicy.rawValue, g.tags.joined(separator: ","), g.networks.joined(separator: ",")]
            .joined(separator: "|")
    }

    /// One node line.
    public static func nodeLine(_ n: Node, _ cluster: Cluster) -> String {
        let flag = n.offline ? "Y" : (n.isMaster ? "M" : "N")
        let fields: [String] = [
            n.name, HaskellNumberFormat.fixed(n.totalMemory, decimals: 0), String(n.nodeMemory), String(n.freeMemory),
            HaskellNumberFormat.fixed(n.totalDisk, decimals: 0), String(n.freeDisk),
            HaskellNumberFormat.fixed(n.totalCpus, decimals: 0), flag, cluster.groups[n.group.value].uuid,
            String(n.totalSpindles), n.tags.joined(separator: ","), n.exclusiveStorage ? "Y" : "N",
            String(n.freeSpindles), String(n.nodeCpus), HaskellNumberFormat.fixed(n.cpuSpeed, decimals: nil),
        ]
        return fields.joined(separator: "|")
    }

    /// One instance line.
    public static func instanceLine(_ i: Instance, _ cluster: Cluster) -> String {
        let fields: [String] = [
            i.name, String(i.memory), String(i.disk), String(i.vcpus), i.status.rawValue, i.autoBalance ? "Y" : "N",
            cluster.nodes[i.primary.value].name, i.secondary.map { cluster.nodes[$0.value].name } ?? "",
            i.diskTemplate.rawValue, i.tags.joined(separator: ","), String(i.spindleUse),
            i.totalSpindles.map(String.init) ?? "-", i.forthcoming ? "Y" : "N",
        ]
        return fields.joined(separator: "|")
    }
}
