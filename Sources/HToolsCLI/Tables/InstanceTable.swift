import ClusterModel

/// The instance listing of `--print-instances` (htools' `printInsts`).
public enum InstanceTable {
    /// Renders `instances` (all when nil) in index order.
    public static func render(_ cluster: Cluster, instances: [InstanceIndex]? = nil) -> String {
        typealias F = HaskellNumberFormat
        let header = ["F", "Name", "Pri_node", "Sec_node", "Auto_bal", "vcpu", "mem", "dsk", "lCpu", "lMem", "lDsk", "lNet"]
        let chosen = instances.map { $0.map { cluster.instances[$0.value] } } ?? cluster.instances
        let rows: [[String]] = chosen.map { i in
            let u = i.utilisation
            return [i.isRunning ? "R" : " ", i.name, cluster.nodes[i.primary.value].name,
                    i.secondary.map { cluster.nodes[$0.value].name } ?? "", i.autoBalance ? "Y" : "N",
                    F.integer(i.vcpus, width: 3), F.integer(i.memory, width: 5), F.integer(floorDiv(i.disk, 1024), width: 5),
                    F.fixed(u.cpu, width: 5, decimals: 3), F.fixed(u.memory, width: 5, decimals: 3),
                    F.fixed(u.disk, width: 5, decimals: 3), F.fixed(u.network, width: 5, decimals: 3)]
        }
        return TextTable.render(prefix: "", header: header, rows: rows,
                                numeric: [false, false, false, false, false] + [Bool](repeating: true, count: 7))
    }

    /// When an instance refers to a node outside `visible`, htools' lazy table printing crashes part-way:
    /// returns the partial header it prints first and the missing node index.
    public static func partialRenderBeforeMissingNode(_ cluster: Cluster, instances: [InstanceIndex],
                                                     visible: [NodeIndex]) -> (String, Int)? {
        let visibleSet = Set(visible)
        let chosen = instances.map { cluster.instances[$0.value] }
        var missingColumn: Int? = nil
        var missingKey = 0
        for (column, pick) in [(2, { (i: Instance) in Optional(i.primary) }), (3, { (i: Instance) in i.secondary })] {
            if let bad = chosen.first(where: { pick($0).map { !visibleSet.contains($0) } ?? false }), let key = pick(bad) {
                missingColumn = column; missingKey = key.value; break
            }
        }
        guard let column = missingColumn else { return nil }
        let header = ["F", "Name", "Pri_node"]
        let cells: [[String]] = [chosen.map { $0.isRunning ? "R" : " " }, chosen.map(\.name),
                                 chosen.map { cluster.nodes[$0.primary.value].name }]
        var out = " "
        for c in 0..<column {
            let width = max(header[c].unicodeScalars.count, cells[c].map { $0.unicodeScalars.count }.max() ?? 0)
            out += HaskellNumberFormat.pad(header[c], -width) + " "
        }
        return (out, missingKey)
    }
}
