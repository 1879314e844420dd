/// The node-evacuation iallocator mode (htools' `tryNodeEvac`): moves each listed instance
/// off the nodes that `mode` names, staying within the instance's group.
public enum NodeEvacuation {
    /// Evacuates `instances` (in order) from `cluster`.
    ///
    /// Each instance is moved as recorded in the *original* cluster, onto the current state,
    /// exactly as htools does; nodes being evacuated and offline nodes are never targets.
    public static func run(_ cluster: Cluster, instances: [InstanceIndex], mode: EvacuationMode,
                           ignoreSoftErrors: Bool) -> EvacuationResult {
        let originals = instances.map { cluster.instances[$0.value] }
        var excluded = evacuatedNodes(originals, mode: mode)
        for n in cluster.nodes where n.offline { excluded.insert(n.index) }
        let groupNodes = nodesByGroup(cluster)
        var current = cluster
        var solution = EvacuationSolution()
        for inst in originals {
            let group = current.primaryGroup(of: inst)
            var blocked = excluded
            blocked.insert(inst.primary)
            let outcome: Result<InstanceEvacuation.Outcome, EvacuationFailure>
            if let members = groupNodes[group] {
                let targets = members.filter { !blocked.contains($0) }
                outcome = InstanceEvacuation.evacuate(inst, in: current, mode: mode, group: group, targets: targets,
                                                      ignoreSoftErrors: ignoreSoftErrors)
            } else {
                outcome = .failure(EvacuationFailure("Can't find group with index \(group.value)"))
            }
            if case .failure(let f) = outcome, let key = f.missingNodeKey {
                return EvacuationResult(cluster: current, solution: solution, missingNodeKey: key)
            }
            record(outcome, for: inst.index, into: &solution, cluster: &current)
        }
        return EvacuationResult(cluster: current, solution: solution)
    }

    /// Adds one instance's outcome to the solution (htools' `updateEvacSolution`).
    static func record(_ outcome: Result<InstanceEvacuation.Outcome, EvacuationFailure>, for index: InstanceIndex,
                       into solution: inout EvacuationSolution, cluster: inout Cluster) {
        switch outcome {
        case .failure(let f):
            solution.failed.append(.init(instance: index, reason: f.message))
        case .success(let o):
            cluster = o.cluster
            let moved = cluster.instances[index.value]
            solution.moved.append(.init(instance: index, group: cluster.primaryGroup(of: moved), nodes: moved.allNodes))
            solution.jobs.append(o.job)
        }
    }

    /// The nodes the evacuation empties (htools' `nodesToEvacuate`).
    static func evacuatedNodes(_ instances: [Instance], mode: EvacuationMode) -> Set<NodeIndex> {
        var out = Set<NodeIndex>()
        for inst in instances {
            let secondary = inst.diskTemplate == .drbd ? inst.secondary : nil
            switch mode {
            case .changePrimary: out.insert(inst.primary)
            case .changeSecondary: if let s = secondary { out.insert(s) }
            case .changeAll:
                out.insert(inst.primary)
                if let s = secondary { out.insert(s) }
            }
        }
        return out
    }

    /// Node indices of each group that has nodes, in index order (htools' `splitCluster`).
    static func nodesByGroup(_ cluster: Cluster) -> [GroupIndex: [NodeIndex]] {
        var out: [GroupIndex: [NodeIndex]] = [:]
        for n in cluster.nodes { out[n.group, default: []].append(n.index) }
        return out
    }
}
