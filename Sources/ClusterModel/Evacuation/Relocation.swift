/// The relocate iallocator mode (htools' `processRelocate`): gives one instance a new
/// secondary (DRBD) or primary (shared storage) node.
public enum Relocation {
    /// Relocates `index` away from `excludedNodes`; returns the new cluster and the new node(s).
    public static func run(_ cluster: Cluster, instance index: InstanceIndex, requiredNodes: Int,
                           excludedNodes: [NodeIndex], ignoreSoftErrors: Bool)
        -> Result<(cluster: Cluster, nodes: [NodeIndex]), EvacuationFailure> {
        guard requiredNodes == 1 else {
            return .failure(EvacuationFailure("Exchange \(requiredNodes) nodes mode is not implemented"))
        }
        let original = cluster.instances[index.value]
        let expected: Int, role: String, mode: EvacuationMode
        switch original.mirrorType {
        case .none: return .failure(EvacuationFailure("Can't relocate non-mirrored instances"))
        case .internal: (expected, role, mode) = (original.secondary?.value ?? -1, "secondary", .changeSecondary)
        case .external: (expected, role, mode) = (original.primary.value, "primary", .changePrimary)
        }
        if excludedNodes.map(\.value) != [expected] {
            let shown = "[" + excludedNodes.map { String($0.value) }.joined(separator: ",") + "]"
            return .failure(EvacuationFailure("Unsupported request: excluded nodes not equal to instance's "
                                              + "\(role)(\(expected) versus \(shown))"))
        }
        let result = NodeEvacuation.run(cluster, instances: [index], mode: mode, ignoreSoftErrors: ignoreSoftErrors)
        if let key = result.missingNodeKey { return .failure(.missingNode(key)) }
        if let failed = result.solution.failed.first(where: { $0.instance == index }) {
            return .failure(EvacuationFailure(failed.reason))
        }
        guard let moved = result.solution.moved.first(where: { $0.instance == index }) else {
            return .failure(EvacuationFailure("Internal error: lost instance idx during move"))
        }
        let inst = result.cluster.instances[index.value]
        let p = inst.primary.value, s = inst.secondary?.value ?? -1
        let listed = "[" + moved.nodes.map { String($0.value) }.joined(separator: ",") + "]"
        switch original.mirrorType {
        case .none:
            return .failure(EvacuationFailure("Internal error: mirror type none after relocation?!"))
        case .internal:
            if s == expected { return .failure(EvacuationFailure("Internal error: instance didn't change secondary node?!")) }
            if s == p { return .failure(EvacuationFailure("Internal error: selected primary as new secondary?!")) }
            guard moved.nodes.map(\.value) == [p, s] else {
                return .failure(EvacuationFailure("Internal error: inconsistent node list (\(listed)) versus instance nodes (\(p),\(s))"))
            }
            return .success((result.cluster, [NodeIndex(s)]))
        case .external:
            if p == original.primary.value {
                return .failure(EvacuationFailure("Internal error: instance didn't change primary node?!"))
            }
            guard moved.nodes.map(\.value) == [p] else {
                return .failure(EvacuationFailure("Internal error: inconsistent node list (\(listed)) versus instance node (\(p))"))
            }
            return .success((result.cluster, moved.nodes))
        }
    }
}
