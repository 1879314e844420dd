import ClusterModel

/// Reads a cluster from RAPI resources (htools' `Backend.Rapi`): `groups`, `nodes`, `instances`
/// and `info`. Only the file method (`file://DIR` with `groups.json`, `nodes.json`,
/// `instances.json`, `info.json`) is available; there is no HTTP client.
public enum RapiSnapshotReader {
    /// The cluster and the default hypervisor named by `info`.
    public struct Snapshot: Sendable {
        /// The unassembled cluster.
        public var cluster: Cluster
        /// `default_hypervisor` (e.g. `kvm`, `xen-pvm`).
        public var hypervisor: String
    }

    /// The four resource bodies, each read lazily (errors are reported in htools' order).
    public struct Resources {
        /// Reads `groups`.
        public var groups: () -> Result<String, ClusterLoadError>
        /// Reads `nodes`.
        public var nodes: () -> Result<String, ClusterLoadError>
        /// Reads `instances`.
        public var instances: () -> Result<String, ClusterLoadError>
        /// Reads `info`.
        public var info: () -> Result<String, ClusterLoadError>

        /// Creates the resource readers.
        public init(groups: @escaping () -> Result<String, ClusterLoadError>, nodes: @escaping () -> Result<String, ClusterLoadError>,
                    instances: @escaping () -> Result<String, ClusterLoadError>, info: @escaping () -> Result<String, ClusterLoadError>) {
            self.groups = groups; self.nodes = nodes; self.instances = instances; self.info = info
        }
    }

    /// Parses the resources into a cluster (htools' `Rapi.parseData`).
    public static func parse(_ r: Resources) throws(ClusterLoadError) -> Snapshot {
        do throws(IAllocatorError) {
            let groupObjects = try array(try body(r.groups()), "Parsing group data")
            var groups: [NodeGroup] = []
            var groupByUUID: [String: GroupIndex] = [:]
            for o in groupObjects {
                var g = try parseGroup(o)
                g.index = GroupIndex(groups.count)
                groupByUUID[g.uuid] = g.index
                groups.append(g)
            }
            let nodeObjects = try array(try body(r.nodes()), "Parsing node data")
            var nodes: [Node] = []
            var nodeByName: [String: NodeIndex] = [:]
            for o in nodeObjects {
                var n = try parseNode(o, groups: groupByUUID)
                n.index = NodeIndex(nodes.count)
                nodeByName[n.name] = n.index
                nodes.append(n)
            }
            let instanceObjects = try array(try body(r.instances()), "Parsing instance data")
            var instances: [Instance] = []
            for o in instanceObjects {
                var i = try parseInstance(o, nodes: nodeByName)
                i.index = InstanceIndex(instances.count)
                instances.append(i)
            }
            let info = try object(try body(r.info()), "Parsing cluster info")
            let owner = "Parsing cluster data"
            let master = try info.require("master", .string, owner: owner)
            let tags = try info.require("tags", .list(.string), owner: owner)
            let policy = try info.require("ipolicy", PolicyJSON.policy, owner: owner)
            let hypervisor = try info.require("default_hypervisor", .string, owner: owner)
            guard let m = nodeByName[master] else { throw IAllocatorError("Master node \(master) unknown") }
            nodes[m.value].isMaster = true
            return Snapshot(cluster: Cluster(groups: groups, nodes: nodes, instances: instances, tags: tags, policy: policy),
                            hypervisor: hypervisor)
        } catch {
            throw ClusterLoadError(error.message)
        }
    }

    private static func body(_ r: Result<String, ClusterLoadError>) throws(IAllocatorError) -> String {
        switch r {
        case .success(let s): return s
        case .failure(let e): throw IAllocatorError(e.message)
        }
    }

    private static func decode(_ text: String, _ what: String) throws(IAllocatorError) -> JSONValue {
        let outcome = TextJSONSyntax.check(text)
        if let message = outcome.error { throw IAllocatorError(message).annotated(what) }
        switch JSONCParser.parse(outcome.sanitized, numberLiterals: outcome.numberLiterals) {
        case .failure(let e): throw e.annotated(what)
        case .success(let v): return v
        }
    }

    private static func array(_ text: String, _ what: String) throws(IAllocatorError) -> [JSONObject] {
        switch JSONReader.list(JSONReader<JSONObject>.object).read(try decode(text, what)) {
        case .success(let objects): return objects
        case .failure(let e): throw e.annotated(what)
        }
    }

    private static func object(_ text: String, _ what: String) throws(IAllocatorError) -> JSONObject {
        switch JSONReader<JSONObject>.object.read(try decode(text, what)) {
        case .success(let o): return o
        case .failure(let e): throw e.annotated(what)
        }
    }

    static func parseGroup(_ a: JSONObject) throws(IAllocatorError) -> NodeGroup {
        let name = try a.require("name", .string, owner: "Parsing new group")
        let owner = "Group '\(name)'"
        let uuid = try a.require("uuid", .string, owner: owner)
        let policy = try a.require("alloc_policy", .rawEnum("AllocPolicy") { AllocPolicy(rawValue: $0) }, owner: owner)
        let ipolicy = try a.require("ipolicy", PolicyJSON.policy, owner: owner)
        let tags = try a.require("tags", .list(.string), owner: owner)
        return NodeGroup(name: name, uuid: uuid, allocPolicy: policy, networks: [], policy: ipolicy, tags: tags)
    }

    static func parseNode(_ a: JSONObject, groups: [String: GroupIndex]) throws(IAllocatorError) -> Node {
        let name = try a.require("name", .string, owner: "Parsing new node")
        let owner = "Node '\(name)', error while parsing data"
        let offline = try a.require("offline", .bool, owner: owner)
        let drained = try a.require("drained", .bool, owner: owner)
        let vmCapable: Bool?
        do { vmCapable = try a.optional("vm_capable", .bool) } catch { throw error.annotated(owner) }
        let ndparams = try a.require("ndparams", .object, owner: owner)
        let exclusive = try ndparams.require("exclusive_storage", .bool, owner: owner)
        let groupUUID: String?
        do { groupUUID = try a.optional("group.uuid", .string) } catch { throw error.annotated(owner) }
        let uuid = groupUUID ?? "00000000-0000-0000-0000-000000000000"
        guard let group = groups[uuid] else { throw IAllocatorError("Unknown group '\(uuid)' for node \(name)") }
        let isLive = !offline && (vmCapable ?? true)
        func liveValue<T>(_ key: String, _ reader: JSONReader<T>, _ dead: T) throws(IAllocatorError) -> T {
            isLive ? try a.require(key, reader, owner: owner) : dead
        }
        func liveDefault<T>(_ key: String, _ reader: JSONReader<T>, _ fallback: T) throws(IAllocatorError) -> T {
            guard isLive else { return fallback }
            do { return try a.optional(key, reader) ?? fallback } catch { throw error }
        }
        let spindlesTotal = exclusive ? try liveValue("sptotal", .int, 0) : try ndparams.require("spindle_count", .int, owner: owner)
        let spindlesFree = try liveDefault("spfree", .int, 0)
        let memTotal = try liveValue("mtotal", .double, 0.0)
        let memNode = try liveValue("mnode", .int, 0)
        let memFree = try liveValue("mfree", .int, 0)
        let diskTotal = try liveDefault("dtotal", .double, 0.0)
        let diskFree = try liveDefault("dfree", .int, 0)
        let cpuTotal = try liveValue("ctotal", .double, 0.0)
        let cpuNode = try liveValue("cnos", .int, 0)
        let tags = try a.require("tags", .list(.string), owner: owner)
        var node = Node(name: name, totalMemory: memTotal, nodeMemory: memNode, freeMemory: memFree, totalDisk: diskTotal,
                        freeDisk: diskFree, totalCpus: cpuTotal, nodeCpus: cpuNode, offline: !isLive || drained,
                        totalSpindles: spindlesTotal, freeSpindles: spindlesFree, group: group, exclusiveStorage: exclusive)
        node.tags = tags
        return node
    }

    static func parseInstance(_ a: JSONObject, nodes: [String: NodeIndex]) throws(IAllocatorError) -> Instance {
        let name = try a.require("name", .string, owner: "Parsing new instance")
        let owner = "Instance '\(name)', error while parsing data"
        let disk = try a.require("disk_usage", .int, owner: owner)
        let sizes = try a.require("disk.sizes", .list(.int), owner: owner)
        let spindles = try spindleList(a, owner: owner)
        let be = try a.require("beparams", .object, owner: owner)
        let operRam = try a.require("oper_ram", .value, owner: owner)
        let memory: Int
        if case .number = operRam {
            switch JSONReader<Int>.int.read(operRam) {
            case .success(let m): memory = m
            case .failure(let e): throw e.annotated(owner)
            }
        } else {
            do { memory = try be.require("memory", .int, owner: owner) } catch { memory = try be.require("maxmem", .int, owner: owner) }
        }
        let vcpus = try be.require("vcpus", .int, owner: owner)
        let pnodeName = try a.require("pnode", .string, owner: owner)
        guard let primary = nodes[pnodeName] else { throw IAllocatorError("Unknown node '\(pnodeName)' for instance \(name)") }
        let snodes = try a.require("snodes", .list(.value), owner: owner)
        var secondary: NodeIndex? = nil
        if let first = snodes.first {
            guard case .string(let s) = first else { throw IAllocatorError("Wrong JSON type") }
            guard let n = nodes[s] else { throw IAllocatorError("Unknown node '\(s)' for instance \(name)") }
            secondary = n
        }
        let status = try a.require("status", .rawEnum("InstanceStatus") { InstanceStatus(rawValue: $0) }, owner: owner)
        let tags = try a.require("tags", .list(.string), owner: owner)
        let autoBalance = try be.require("auto_balance", .bool, owner: owner)
        let template = try a.require("disk_template", .rawEnum("DiskTemplate") { DiskTemplate(rawValue: $0) }, owner: owner)
        let spindleUse = try be.require("spindle_use", .int, owner: owner)
        let forthcoming = (try? a.require("forthcoming", .bool, owner: owner)) ?? false
        let disks = zip(sizes, spindles).map { Disk(size: $0, spindles: $1) }
        return Instance(name: name, memory: memory, disk: disk, disks: disks, vcpus: vcpus, status: status, tags: tags,
                        autoBalance: autoBalance, primary: primary, secondary: secondary, diskTemplate: template,
                        spindleUse: spindleUse, forthcoming: forthcoming)
    }

    /// `disk.spindles`: a list whose nulls mean unknown spindles.
    private static func spindleList(_ a: JSONObject, owner: String) throws(IAllocatorError) -> [Int?] {
        let raw = try a.require("disk.spindles", .value, owner: owner)
        guard case .array(let items) = raw else { throw IAllocatorError("Expecting array").annotated(owner) }
        var out: [Int?] = []
        for item in items {
            if item == .null { out.append(nil); continue }
            switch JSONReader<Int>.int.read(item) {
            case .success(let v): out.append(v)
            case .failure(let e): throw e.annotated(owner)
            }
        }
        return out
    }
}
