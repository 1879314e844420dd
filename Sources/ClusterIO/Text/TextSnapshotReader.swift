import ClusterModel

/// Reads htools' text snapshot format (`-t FILE`) into an unassembled `Cluster` (htools' `Text.parseData`).
///
/// Sections, separated by empty lines: groups, nodes, instances, cluster tags, policies.
public enum TextSnapshotReader {
    /// Parses snapshot text; the result still needs `assembleCluster`.
    public static func parse(_ text: String) throws(ClusterLoadError) -> Cluster {
        let sections = splitSections(FieldParsing.lines(text))
        guard sections.count >= 4 else {
            throw ClusterLoadError("Invalid format of the input file: \(sections.count) sections instead of 4 or more")
        }
        var groups: [NodeGroup] = []
        var groupByUUID: [String: GroupIndex] = [:]
        for line in sections[0] {
            var g = try parseGroup(FieldParsing.split(line, "|"))
            g.index = GroupIndex(groups.count)
            groupByUUID[g.uuid] = g.index
            groups.append(g)
        }
        var nodes: [Node] = []
        var nodeByName: [String: NodeIndex] = [:]
        for line in sections[1] {
            var n = try parseNode(FieldParsing.split(line, "|"), groups: groupByUUID)
            n.index = NodeIndex(nodes.count)
            nodeByName[n.name] = n.index
            nodes.append(n)
        }
        var instances: [Instance] = []
        for line in sections[2] {
            var i = try parseInstance(FieldParsing.split(line, "|"), nodes: nodeByName)
            i.index = InstanceIndex(instances.count)
            instances.append(i)
        }
        let tags = sections[3]
        var clusterPolicy = InstancePolicy.htoolsDefault
        if sections.count > 4 {
            for line in sections[4] {
                let (owner, policy) = try PolicyText.parsePolicyLine(FieldParsing.split(line, "|"))
                if owner.isEmpty {
                    clusterPolicy = policy
                } else {
                    let matches = groups.indices.filter { groups[$0].name == owner || groups[$0].uuid == owner }
                    guard matches.count == 1 else { throw ClusterLoadError("Wrong number of elems found with name \(owner)") }
                    groups[matches[0]].policy = policy
                }
            }
        }
        return Cluster(groups: groups, nodes: nodes, instances: instances, tags: tags, policy: clusterPolicy)
    }

    /// htools' `sepSplit ""` over lines.
    static func splitSections(_ lines: [String]) -> [[String]] {
        if lines.isEmpty { return [] }
        var sections: [[String]] = [[]]
        for line in lines {
            if line.isEmpty { sections.append([]) } else { sections[sections.count - 1].append(line) }
        }
        return sections
    }

    static func parseGroup(_ f: [String]) throws(ClusterLoadError) -> NodeGroup {
        guard f.count >= 4 else {
            throw ClusterLoadError("Invalid/incomplete group data: '\(HaskellShow.stringList(f))'")
        }
        let policy = try FieldParsing.readEnum(AllocPolicy.self, "AllocPolicy", f[2])
        let networks = f.count >= 5 ? FieldParsing.split(f[4], ",") : []
        return NodeGroup(name: f[0], uuid: f[1], allocPolicy: policy, networks: networks,
                         tags: FieldParsing.split(f[3], ","))
    }

    static func parseNode(_ raw: [String], groups: [String: GroupIndex]) throws(ClusterLoadError) -> Node {
        guard raw.count >= 9 else {
            throw ClusterLoadError("Invalid/incomplete node data: '\(HaskellShow.stringList(raw))'")
        }
        let defaults = ["1", "", "N", "0", "1", "1.0"]
        var f = raw
        if f.count < 15 { f += defaults[(f.count - 9)...] }
        let name = f[0]
        guard let group = groups[f[8]] else { throw ClusterLoadError("Unknown group '\(f[8])' for node \(name)") }
        if f[1...6].contains("?") {
            return Node(name: name, totalMemory: 0, nodeMemory: 0, freeMemory: 0, totalDisk: 0, freeDisk: 0,
                        totalCpus: 0, nodeCpus: 0, offline: true, totalSpindles: 0, freeSpindles: 0,
                        group: group, exclusiveStorage: false)
        }
        let totalMemory = try FieldParsing.readDouble(name, f[1])
        let nodeMemory = try FieldParsing.readInt(name, f[2])
        let freeMemory = try FieldParsing.readInt(name, f[3])
        let totalDisk = try FieldParsing.readDouble(name, f[4])
        let freeDisk = try FieldParsing.readInt(name, f[5])
        let totalCpus = try FieldParsing.readDouble(name, f[6])
        let nodeCpus = try FieldParsing.readInt(name, f[13])
        let spindles = try FieldParsing.readInt(name, f[9])
        let cpuSpeed = try FieldParsing.readDouble(name, f[14])
        let freeSpindles = try FieldParsing.readInt(name, f[12])
        let exclusive: Bool
        switch f[11] {
        case "Y": exclusive = true
        case "N": exclusive = false
        default: throw ClusterLoadError("Invalid exclusive_storage value for node '\(name)': \(f[11])")
        }
        var node = Node(name: name, totalMemory: totalMemory, nodeMemory: nodeMemory, freeMemory: freeMemory,
                        totalDisk: totalDisk, freeDisk: freeDisk, totalCpus: totalCpus, nodeCpus: nodeCpus,
                        offline: f[7] == "Y", totalSpindles: spindles, freeSpindles: freeSpindles,
                        group: group, exclusiveStorage: exclusive)
        node.cpuSpeed = cpuSpeed
        node.tags = FieldParsing.split(f[10], ",")
        node.isMaster = f[7] == "M"
        return node
    }

    static func parseInstance(_ raw: [String], nodes: [String: NodeIndex]) throws(ClusterLoadError) -> Instance {
        guard raw.count >= 10 else {
            throw ClusterLoadError("Invalid/incomplete instance data: '\(HaskellShow.stringList(raw))'")
        }
        let defaults = ["1", "-", "N"]
        var f = raw
        if f.count < 13 { f += defaults[(f.count - 10)...] }
        let name = f[0]
        guard let primary = nodes[f[6]] else { throw ClusterLoadError("Unknown node '\(f[6])' for instance \(name)") }
        var secondary: NodeIndex? = nil
        if !f[7].isEmpty {
            guard let s = nodes[f[7]] else { throw ClusterLoadError("Unknown node '\(f[7])' for instance \(name)") }
            secondary = s
        }
        let memory = try FieldParsing.readInt(name, f[1])
        let disk = try FieldParsing.readInt(name, f[2])
        let vcpus = try FieldParsing.readInt(name, f[3])
        let status = try FieldParsing.readEnum(InstanceStatus.self, "InstanceStatus", f[4])
        let autoBalance: Bool
        switch f[5] {
        case "Y": autoBalance = true
        case "N": autoBalance = false
        default: throw ClusterLoadError("Invalid auto_balance value '\(f[5])' for instance \(name)")
        }
        let template: DiskTemplate
        do {
            template = try FieldParsing.readEnum(DiskTemplate.self, "DiskTemplate", f[8])
        } catch {
            throw ClusterLoadError("Instance \(name): \(error.message)")
        }
        let spindleUse = try FieldParsing.readInt(name, f[10])
        let spindles: Int? = f[11] == "-" ? nil : try FieldParsing.readInt(name, f[11])
        let forthcoming: Bool
        switch f[12] {
        case "Y": forthcoming = true
        case "N": forthcoming = false
        default: throw ClusterLoadError("Invalid forthcoming value '\(f[12])' for instance \(name)")
        }
        if template.hasSecondary && secondary == primary {
            throw ClusterLoadError("Instance \(name) has same primary and secondary node - \(f[6])")
        }
        return Instance(name: name, memory: memory, disk: disk, disks: [Disk(size: disk, spindles: spindles)],
                        vcpus: vcpus, status: status, tags: FieldParsing.split(f[9], ","), autoBalance: autoBalance,
                        primary: primary, secondary: secondary, diskTemplate: template, spindleUse: spindleUse,
                        forthcoming: forthcoming)
    }
}
