import ClusterModel

/// The iallocator response message, byte for byte as htools writes it
/// (`{"success":…,"info":…,"result":…}`, compact, keys in that order).
public enum IAllocatorResponse {
    /// A whole response (htools' `formatResponse`).
    public static func message(success: Bool, info: String, result: JSONValue) -> String {
        JSONText.encode(.fields([("success", .bool(success)), ("info", .string(info)), ("result", result)]))
    }

    /// A successful response: info prefixed with `Request successful: `.
    public static func success(info: String, result: JSONValue) -> String {
        message(success: true, info: "Request successful: " + info, result: result)
    }

    /// A failed response: info prefixed with `Request failed: `, empty result list.
    public static func failure(_ reason: String) -> String {
        message(success: false, info: "Request failed: " + reason, result: .array([]))
    }

    /// Info text and result of a node evacuation or group change (htools' `formatNodeEvac`);
    /// names are taken from `cluster`.
    public static func evacuation(_ solution: EvacuationSolution, cluster: Cluster) -> (info: String, result: JSONValue) {
        let moved: [JSONValue] = solution.moved.map { m in
            .array([.string(cluster.instances[m.instance.value].name), .string(cluster.groups[m.group.value].name),
                    .strings(m.nodes.map { cluster.nodes[$0.value].name })])
        }
        let failed: [JSONValue] = solution.failed.map { f in
            .array([.string(cluster.instances[f.instance.value].name), .string(f.reason)])
        }
        let jobs: [JSONValue] = solution.jobs.map { .array($0.map(opcode)) }
        let info = "\(failed.count) instances failed to move and \(moved.count) were moved successfully"
        return (info, .array([.array(moved), .array(failed), .array(jobs)]))
    }

    /// The JSON of one opcode, with Ganeti's field order and defaults.
    public static func opcode(_ op: JobOperation) -> JSONValue {
        switch op {
        case let .migrate(instance, target):
            var fields: [(String, JSONValue)] = [("OP_ID", .string("OP_INSTANCE_MIGRATE")), ("instance_name", .string(instance))]
            if let t = target { fields.append(("target_node", .string(t))) }
            fields += [("allow_runtime_changes", .bool(false)), ("ignore_ipolicy", .bool(false)), ("cleanup", .bool(false)),
                       ("allow_failover", .bool(true)), ("ignore_hvversions", .bool(true))]
            return .fields(fields)
        case let .failover(instance, target):
            var fields: [(String, JSONValue)] = [("OP_ID", .string("OP_INSTANCE_FAILOVER")), ("instance_name", .string(instance)),
                                                 ("shutdown_timeout", .int(120)), ("ignore_consistency", .bool(false))]
            if let t = target { fields.append(("target_node", .string(t))) }
            fields += [("ignore_ipolicy", .bool(false)), ("cleanup", .bool(false))]
            return .fields(fields)
        case let .replaceSecondary(instance, remote):
            return .fields([("OP_ID", .string("OP_INSTANCE_REPLACE_DISKS")), ("instance_name", .string(instance)),
                            ("early_release", .bool(false)), ("ignore_ipolicy", .bool(false)),
                            ("mode", .string("replace_new_secondary")), ("disks", .array([])), ("remote_node", .string(remote))])
        }
    }

    /// The info and result of a multi-allocation (htools' `formatMultiAlloc`): allocated
    /// instances with their nodes, and failed ones with the description of their attempt.
    public static func multiAllocation(allocated: [(instance: String, nodes: [String])],
                                       failed: [(instance: String, description: String)]) -> (info: String, result: JSONValue) {
        let info = "\(failed.count) instances failed to allocate and \(allocated.count) were allocated successfully"
        let a: [JSONValue] = allocated.map { .array([.string($0.instance), .strings($0.nodes)]) }
        let f: [JSONValue] = failed.map { .array([.string($0.instance), .string($0.description)]) }
        return (info, .array([.array(a), .array(f)]))
    }
}
