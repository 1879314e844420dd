import ClusterModel

/// Parses an iallocator request message as htools 3.0 does (`IAlloc.parseData`): the cluster
/// (groups, nodes, instances, tags), then the request of one of the six kinds.
public enum IAllocatorRequestParser {
    /// The hypervisor names htools knows.
    static let hypervisors = ["kvm", "xen-pvm", "chroot", "xen-hvm", "lxc", "fake"]

    /// Parses `text`; `staticKvmNodeMemory` (> 0) overrides node memory on KVM clusters.
    public static func parse(_ text: String, staticKvmNodeMemory: Int) -> Result<IAllocatorRequest, IAllocatorError> {
        Result { () throws(IAllocatorError) in try parseOrThrow(text, staticKvmNodeMemory: staticKvmNodeMemory) }
    }

    private static func parseOrThrow(_ text: String, staticKvmNodeMemory: Int) throws(IAllocatorError) -> IAllocatorRequest {
        let top: JSONObject
        switch IAllocatorJSON.decodeObject(text) {
        case .success(let o): top = o
        case .failure(let e): throw e
        }
        let messageOwner = "invalid iallocator message"
        let request = try top.require("request", .object, owner: messageOwner)

        var groups: [NodeGroup] = []
        var groupIndex: [String: GroupIndex] = [:]
        for (uuid, v) in try top.require("nodegroups", .object, owner: messageOwner).fields {
            var g = try IAllocatorEntities.group(uuid: uuid, try IAllocatorEntities.asObject(v))
            g.index = GroupIndex(groups.count)
            groupIndex[uuid] = g.index
            groups.append(g)
        }
        var nodes: [Node] = []
        var nodeIndex: [String: NodeIndex] = [:]
        for (name, v) in try top.require("nodes", .object, owner: messageOwner).fields {
            var n = try IAllocatorEntities.node(name: name, try IAllocatorEntities.asObject(v), groups: groupIndex)
            n.index = NodeIndex(nodes.count)
            nodeIndex[name] = n.index
            nodes.append(n)
        }
        var instances: [Instance] = []
        var instanceNICs: [[NICRecord]] = []
        var instanceIndex: [String: InstanceIndex] = [:]
        for (name, v) in try top.require("instances", .object, owner: messageOwner).fields {
            var (i, nics) = try IAllocatorEntities.instance(name: name, try IAllocatorEntities.asObject(v), nodes: nodeIndex)
            i.index = InstanceIndex(instances.count)
            instanceNICs.append(nics)
            instanceIndex[name] = i.index
            instances.append(i)
        }
        let clusterTags = try top.require("cluster_tags", .list(.string), owner: messageOwner)
        let enabled = try top.require("enabled_hypervisors",
                                      .list(.rawEnum("Hypervisor") { hypervisors.contains($0) ? $0 : nil }),
                                      owner: messageOwner)
        let raw = Cluster(groups: groups, nodes: nodes, instances: instances, tags: clusterTags, policy: .htoolsDefault)
        var cluster: Cluster
        do {
            cluster = try assembleCluster(raw)
        } catch {
            throw IAllocatorError("Unknown instance(s)")
        }
        if enabled.first == "kvm" && staticKvmNodeMemory > 0 {
            for k in cluster.nodes.indices { cluster.nodes[k].nodeMemory = staticKvmNodeMemory }
        }
        let warnings = reconcileNodeResources(&cluster)
        var requestedNICs: [[NICRecord]] = []
        let kind = try requestKind(request, cluster: &cluster, instanceIndex: instanceIndex, nics: &requestedNICs)
        return IAllocatorRequest(kind: kind, cluster: cluster, warnings: warnings, instanceNICs: instanceNICs,
                                 requestedNICs: requestedNICs)
    }

    private static let requestOwner = "invalid request dict"

    private static func requestKind(_ request: JSONObject, cluster: inout Cluster,
                                    instanceIndex: [String: InstanceIndex],
                                    nics: inout [[NICRecord]]) throws(IAllocatorError) -> IAllocatorRequestKind {
        let type = try request.require("type", .string, owner: requestOwner)
        func lookupInstance(_ name: String) throws(IAllocatorError) -> InstanceIndex {
            guard let i = instanceIndex[name] else { throw IAllocatorError("Unknown instance '\(name)'") }
            return i
        }
        switch type {
        case "allocate":
            let name = try request.require("name", .string, owner: requestOwner)
            let group = try request.optional("group_name", .string)
            let restrict = try request.optional("restrict-to-nodes", .list(.string))
            let required = try request.require("required_nodes", .int, owner: requestOwner)
            let (base, baseNICs) = try IAllocatorEntities.baseInstanceWithNICs(name: name, request)
            nics.append(baseNICs)
            let inst = newInstance(base, cluster: &cluster)
            return .allocate(inst, AllocationDetails(requiredNodes: required, groupName: group), restrictToNodes: restrict)
        case "relocate":
            let name = try request.require("name", .string, owner: requestOwner)
            let index = try lookupInstance(name)
            let required = try request.require("required_nodes", .int, owner: requestOwner)
            let from = try request.require("relocate_from", .list(.string), owner: requestOwner)
            var excluded: [NodeIndex] = []
            for n in from { excluded.append(NodeIndex(try findByName(n, names: cluster.nodes.map { [$0.name, $0.alias] }))) }
            return .relocate(index, requiredNodes: required, excludedNodes: excluded)
        case "change-group":
            let names = try request.require("instances", .list(.string), owner: requestOwner)
            var indices: [InstanceIndex] = []
            for n in names { indices.append(InstanceIndex(try findByName(n, names: cluster.instances.map { [$0.name, $0.alias] }))) }
            let uuids = try request.require("target_groups", .list(.string), owner: requestOwner)
            var targets: [GroupIndex] = []
            for g in uuids { targets.append(GroupIndex(try findByName(g, names: cluster.groups.map { [$0.name, $0.uuid] }))) }
            return .changeGroup(instances: indices, targetGroups: targets)
        case "node-evacuate":
            let names = try request.require("instances", .list(.string), owner: requestOwner)
            var indices: [InstanceIndex] = []
            for n in names { indices.append(InstanceIndex(try findByName(n, names: cluster.instances.map { [$0.name, $0.alias] }))) }
            let mode = try request.require("evac_mode", .rawEnum("EvacMode") { EvacuationMode(rawValue: $0) }, owner: requestOwner)
            return .nodeEvacuate(instances: indices, mode: mode)
        case "multi-allocate":
            let items = try request.require("instances", .list(.object), owner: requestOwner)
            var out: [MultiAllocationItem] = []
            for item in items {
                let name = try item.require("name", .string, owner: requestOwner)
                let group = try request.optional("group_name", .string)
                let required = try item.require("required_nodes", .int, owner: requestOwner)
                let (base, baseNICs) = try IAllocatorEntities.baseInstanceWithNICs(name: name, item)
                nics.append(baseNICs)
                let inst = newInstance(base, cluster: &cluster)
                out.append(MultiAllocationItem(instance: inst, details: AllocationDetails(requiredNodes: required, groupName: group)))
            }
            return .multiAllocate(out)
        case "allocate-secondary":
            let name = try request.require("name", .string, owner: requestOwner)
            return .allocateSecondary(try lookupInstance(name))
        default:
            throw IAllocatorError("Invalid request type '\(type)'")
        }
    }

    /// htools' `Container.findByName`: exactly one element must carry the name among its names.
    private static func findByName(_ name: String, names: [[String]]) throws(IAllocatorError) -> Int {
        let matches = names.indices.filter { names[$0].contains(name) }
        guard matches.count == 1 else { throw IAllocatorError("Wrong number of elems found with name " + name) }
        return matches[0]
    }

    /// Sets the exclusion and desired-location tags of a requested instance from the cluster tags.
    private static func newInstance(_ base: Instance, cluster: inout Cluster) -> Instance {
        var inst = base
        let exclusion = TagRules.exclusionPrefixes(clusterTags: cluster.tags)
        let desired = TagRules.desiredLocationPrefixes(clusterTags: cluster.tags)
        inst.exclusionTags = inst.tags.filter { t in exclusion.contains { t.hasPrefix($0) } }.map { cluster.symbols.intern($0) }
        inst.desiredLocationTags = Set(inst.tags.filter { t in desired.contains { t.hasPrefix($0) } }
            .map { cluster.symbols.intern($0) }).sorted()
        return inst
    }
}
