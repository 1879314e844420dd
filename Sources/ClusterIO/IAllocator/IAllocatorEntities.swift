import ClusterModel

/// Parsers for the groups, nodes and instances of an iallocator request, field by field in
/// htools' order so the first error reported is the same.
enum IAllocatorEntities {
    /// A node group (htools' `parseGroup`).
    static func group(uuid: String, _ o: JSONObject) throws(IAllocatorError) -> NodeGroup {
        let owner = "invalid data for group '\(uuid)'"
        let name = try o.require("name", .string, owner: owner)
        let policy = try o.require("alloc_policy", .rawEnum("AllocPolicy") { AllocPolicy(rawValue: $0) }, owner: owner)
        let networks = try o.require("networks", .list(.string), owner: owner)
        let ipolicy = try o.require("ipolicy", PolicyJSON.policy, owner: owner)
        let tags = try o.require("tags", .list(.string), owner: owner)
        return NodeGroup(name: name, uuid: uuid, allocPolicy: policy, networks: networks, policy: ipolicy, tags: tags)
    }

    /// Ganeti's `asJSObject`.
    static func asObject(_ v: JSONValue) throws(IAllocatorError) -> JSONObject {
        guard case .object(let o) = v else { throw IAllocatorError("not an object") }
        return o
    }

    /// Ganeti's `toArray`.
    static func asArray(_ v: JSONValue) throws(IAllocatorError) -> [JSONValue] {
        guard case .array(let items) = v else {
            throw IAllocatorError("Invalid input, expected array but got " + JSONText.pretty(v))
        }
        return items
    }

    /// A node (htools' `parseNode`); `groups` maps group UUIDs to indices.
    static func node(name: String, _ o: JSONObject, groups: [String: GroupIndex]) throws(IAllocatorError) -> Node {
        let owner = "invalid data for node '\(name)'"
        let offline = try o.require("offline", .bool, owner: owner)
        let drained = try o.require("drained", .bool, owner: owner)
        let groupUUID = try o.require("group", .string, owner: owner)
        let vmCapable: Bool?
        do { vmCapable = try o.optional("vm_capable", .bool) } catch { throw error.annotated(owner) }
        guard let group = groups[groupUUID] else { throw IAllocatorError("Unknown group '\(groupUUID)' for node \(name)") }
        let ndparams = try asObject(try o.require("ndparams", .value, owner: owner))
        let tags = try o.optional("tags", .list(.string)) ?? []
        let exclusive = try ndparams.require("exclusive_storage", .bool, owner: owner)
        let live = !offline && (vmCapable ?? true)
        func liveField<T>(_ key: String, _ reader: JSONReader<T>, _ fallback: T) throws(IAllocatorError) -> T {
            live ? try o.require(key, reader, owner: owner) : fallback
        }
        let totalSpindles = exclusive
            ? try liveField("total_spindles", .int, 0)
            : try ndparams.require("spindle_count", .int, owner: owner)
        let freeSpindles = try liveField("free_spindles", .int, 0)
        let totalMemory = try liveField("total_memory", .double, 0)
        let nodeMemory = try liveField("reserved_memory", .int, 0)
        let freeMemory = try liveField("free_memory", .int, 0)
        let totalDisk = try liveField("total_disk", .double, 0)
        let freeDisk = try liveField("free_disk", .int, 0)
        let totalCpus = try liveField("total_cpus", .double, 0)
        let nodeCpus = try liveField("reserved_cpus", .int, 0)
        var node = Node(name: name, totalMemory: totalMemory, nodeMemory: nodeMemory, freeMemory: freeMemory,
                        totalDisk: totalDisk, freeDisk: freeDisk, totalCpus: totalCpus, nodeCpus: nodeCpus,
                        offline: !live || drained, totalSpindles: totalSpindles, freeSpindles: freeSpindles,
                        group: group, exclusiveStorage: exclusive)
        node.tags = tags
        return node
    }

    /// The properties shared by existing and requested instances (htools' `parseBaseInstance`).
    static func baseInstance(name: String, _ o: JSONObject) throws(IAllocatorError) -> Instance {
        try baseInstanceWithNICs(name: name, o).instance
    }

    /// `baseInstance` with the instance's NIC records.
    static func baseInstanceWithNICs(name: String, _ o: JSONObject) throws(IAllocatorError) -> (instance: Instance, nics: [NICRecord]) {
        let owner = "invalid data for instance '\(name)'"
        let disk = try o.require("disk_space_total", .int, owner: owner)
        var disks: [Disk] = []
        let diskObjects = try asArray(try o.require("disks", .value, owner: owner)).map { v throws(IAllocatorError) in try asObject(v) }
        var sizes: [Int] = []
        for d in diskObjects { sizes.append(try d.require("size", .int, owner: owner)) }
        for (k, d) in diskObjects.enumerated() {
            let spindles: Int?
            do { spindles = try d.optional("spindles", .int) } catch { throw error.annotated(owner) }
            disks.append(Disk(size: sizes[k], spindles: spindles))
        }
        let memory = try o.require("memory", .int, owner: owner)
        let vcpus = try o.require("vcpus", .int, owner: owner)
        let tags = try o.require("tags", .list(.string), owner: owner)
        let template = try o.require("disk_template", PolicyJSON.diskTemplate, owner: owner)
        let spindleUse = try o.require("spindle_use", .int, owner: owner)
        let nicObjects = try asArray(try o.require("nics", .value, owner: owner)).map { v throws(IAllocatorError) in try asObject(v) }
        var nics: [NICRecord] = []
        for nic in nicObjects { nics.append(try nicRecord(instance: name, nic)) }
        let status: InstanceStatus
        switch (try? o.require("admin_state", .string)) ?? "up" {
        case "offline": status = .adminOffline
        case "down": status = .adminDown
        default: status = .running
        }
        let forthcoming = (try? o.require("forthcoming", .bool, owner: owner)) ?? false
        let inst = Instance(name: name, memory: memory, disk: disk, disks: disks, vcpus: vcpus, status: status, tags: tags,
                            autoBalance: true, primary: NodeIndex(0), secondary: nil, diskTemplate: template,
                            spindleUse: spindleUse, nicNetworks: nics.map(\.network), forthcoming: forthcoming)
        return (inst, nics)
    }

    /// Reads one NIC (htools' `parseNic`).
    private static func nicRecord(instance: String, _ o: JSONObject) throws(IAllocatorError) -> NICRecord {
        let mac = try o.optional("mac", .string)
        let ip = try o.optional("ip", .string)
        let mode = try o.optional("mode", .string)
        if let m = mode, !["bridged", "routed", "openvswitch"].contains(m) {
            throw IAllocatorError("invalid NIC mode in instance " + instance)
        }
        return NICRecord(mac: mac, ip: ip, mode: mode, link: try o.optional("link", .string),
                         bridge: try o.optional("bridge", .string), network: try o.optional("network", .string))
    }

    /// An existing instance with its nodes (htools' `parseInstance`).
    static func instance(name: String, _ o: JSONObject,
                         nodes: [String: NodeIndex]) throws(IAllocatorError) -> (instance: Instance, nics: [NICRecord]) {
        var (inst, nics) = try baseInstanceWithNICs(name: name, o)
        let nodeNames = try o.require("nodes", .list(.value))
        guard let first = nodeNames.first else { throw IAllocatorError("empty node list for instance " + name) }
        func nodeIndex(_ v: JSONValue) throws(IAllocatorError) -> NodeIndex {
            guard case .string(let n) = v else { throw IAllocatorError("Wrong JSON type") }
            guard let index = nodes[n] else { throw IAllocatorError("Unknown node '\(n)' for instance \(name)") }
            return index
        }
        inst.primary = try nodeIndex(first)
        inst.secondary = nodeNames.count > 1 ? try nodeIndex(nodeNames[1]) : nil
        return (inst, nics)
    }
}
