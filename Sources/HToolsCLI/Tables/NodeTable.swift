import ClusterModel

/// The node listing of `-p`/`--print-nodes` (htools' `Node.showField`, `showHeader`, `printNodes`).
public enum NodeTable {
    /// The fields shown when `-p` has no field list.
    public static let defaultFields = ["status", "name", "tmem", "nmem", "imem", "xmem", "fmem", "umem",
                                       "rmem", "tdsk", "fdsk", "tcpu", "ucpu", "pcnt", "scnt",
                                       "pfmem", "pfdsk", "rcpu", "cload", "mload", "dload", "nload"]

    /// Renders the table for `fields` (empty: defaults; leading `+`: defaults plus the rest), for `nodes` (all when nil).
    public static func render(_ cluster: Cluster, fields requested: [String], nodes: [NodeIndex]? = nil) -> String {
        let fields: [String]
        if requested.isEmpty {
            fields = defaultFields
        } else if requested.first == "+" {
            fields = defaultFields + requested.dropFirst()
        } else {
            fields = requested
        }
        let headers = fields.map(header)
        let chosen = nodes.map { $0.map { cluster.nodes[$0.value] } } ?? cluster.nodes
        let rows = chosen.map { n in fields.map { value(n, $0, cluster) } }
        return TextTable.render(prefix: "", header: headers.map(\.0), rows: rows, numeric: headers.map(\.1))
    }

    /// Header text and right-alignment of a field.
    public static func header(_ field: String) -> (String, Bool) {
        switch field {
        case "idx": return ("Index", true)
        case "name", "fqdn": return ("Name", false)
        case "status": return ("F", false)
        case "tmem": return ("t_mem", true)
        case "nmem": return ("n_mem", true)
        case "xmem": return ("x_mem", true)
        case "fmem": return ("f_mem", true)
        case "umem": return ("u_mem", true)
        case "amem": return ("a_mem", true)
        case "imem": return ("i_mem", true)
        case "rmem": return ("r_mem", true)
        case "tdsk": return ("t_dsk", true)
        case "fdsk": return ("f_dsk", true)
        case "tcpu": return ("pcpu", true)
        case "ucpu": return ("vcpu", true)
        case "pcnt": return ("pcnt", true)
        case "scnt": return ("scnt", true)
        case "plist": return ("primaries", true)
        case "slist": return ("secondaries", true)
        case "pfmem": return ("p_fmem", true)
        case "pfdsk": return ("p_fdsk", true)
        case "rcpu": return ("r_cpu", true)
        case "cload": return ("lCpu", true)
        case "mload": return ("lMem", true)
        case "dload": return ("lDsk", true)
        case "nload": return ("lNet", true)
        case "ptags": return ("PrimaryTags", false)
        case "peermap": return ("PeerMap", false)
        case "spindle_count": return ("NodeSpindles", true)
        case "hi_spindles": return ("MaxSpindles", true)
        case "inst_spindles": return ("InstSpindles", true)
        default: return ("<unknown field>", false)
        }
    }

    /// One cell.
    public static func value(_ n: Node, _ field: String, _ cluster: Cluster) -> String {
        typealias F = HaskellNumberFormat
        switch field {
        case "idx": return F.integer(n.index.value, width: 4)
        case "name": return n.alias
        case "fqdn": return n.name
        case "status": return n.offline ? "-" : (n.failsN1 ? "*" : " ")
        case "tmem": return F.fixed(n.totalMemory, width: 5, decimals: 0)
        case "nmem": return F.integer(n.nodeMemory, width: 5)
        case "xmem": return F.integer(n.missingMemory, width: 5)
        case "fmem": return F.integer(n.freeMemory, width: 5)
        case "umem": return F.integer(n.unallocatedMemory, width: 5)
        case "imem": return F.integer(n.instanceMemory, width: 5)
        case "rmem": return F.integer(n.reservedMemory, width: 5)
        case "amem": return F.integer(n.availableMemory, width: 5)
        case "tdsk": return F.fixed(n.totalDisk / 1024, width: 5, decimals: 0)
        case "fdsk": return F.integer(floorDiv(n.freeDisk, 1024), width: 5)
        case "tcpu": return F.fixed(n.totalCpus, width: 4, decimals: 0)
        case "ucpu": return F.integer(n.usedCpus, width: 4)
        case "pcnt": return F.integer(n.primaries.count, width: 3)
        case "scnt": return F.integer(n.secondaries.count, width: 3)
        case "plist": return showIntList(n.primaries.reversed().map(\.value))
        case "slist": return showIntList(n.secondaries.reversed().map(\.value))
        case "pfmem": return F.fixed(n.freeMemoryRatio, width: 6, decimals: 4)
        case "pfdsk": return F.fixed(n.freeDiskRatio, width: 6, decimals: 4)
        case "rcpu": return F.fixed(n.cpuRatio, width: 5, decimals: 2)
        case "cload": return F.fixed(n.utilisationLoad.cpu, width: 5, decimals: 3)
        case "mload": return F.fixed(n.utilisationLoad.memory, width: 5, decimals: 3)
        case "dload": return F.fixed(n.utilisationLoad.disk, width: 5, decimals: 3)
        case "nload": return F.fixed(n.utilisationLoad.network, width: 5, decimals: 3)
        case "ptags":
            return n.primaryTags.map { (cluster.symbols.name($0.key), $0.value) }
                .sorted { $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars) }
                .map { "\($0.0)=\($0.1)" }.joined(separator: ",")
        case "peermap":
            return "[" + n.peers.entries.map { "(\($0.node.value),\($0.memory))" }.joined(separator: ",") + "]"
        case "spindle_count": return String(n.totalSpindles)
        case "hi_spindles": return F.show(n.highSpindles)
        case "inst_spindles": return F.show(n.instanceSpindles)
        default: return "<unknown field>"
        }
    }

    private static func showIntList(_ xs: [Int]) -> String {
        "[" + xs.map(String.init).joined(separator: ",") + "]"
    }
}
