import ClusterModel

/// The instance listing of `--print-instances` (htools' `printInsts`).
public enum InstanceTable {
    /// Renders all instances in index order.
    public static func render(_ cluster: Cluster) -> String {
        typealias F = HaskellNumberFormat
        let header = ["F", "Name", "Pri_node", "Sec_node", "Auto_bal", "vcpu", "mem", "dsk", "lCpu", "lMem", "lDsk", "lNet"]
        let rows: [[String]] = cluster.instances.map { i in
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
}
