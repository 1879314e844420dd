/// The change-group iallocator mode (htools' `tryChangeGroup`): moves instances into the best
/// of the target groups, then relocates both nodes there as a `.changeAll` evacuation would.
public enum GroupChange {
    /// Moves `instances` (in order) to one of `targetGroups` (any group they are not in, when empty).
    ///
    /// The group is chosen with `options` (htools' algorithm options); the move itself never
    /// ignores soft errors, as in htools.
    public static func run(_ cluster: Cluster, instances: [InstanceIndex], targetGroups: [GroupIndex],
                           options: AllocationOptions) -> EvacuationResult {
        let originals = instances.map { cluster.instances[$0.value] }
        var evacuated: [GroupIndex] = []
        for inst in originals {
            let g = cluster.primaryGroup(of: inst)
            if !evacuated.contains(g) { evacuated.append(g) }
        }
        var targets = targetGroups.isEmpty ? cluster.groups.map(\.index) : targetGroups
        for g in evacuated {
            if let k = targets.firstIndex(of: g) { targets.remove(at: k) }
        }
        let populated = Set(cluster.nodes.map(\.group)).sorted()
        let noTargets = populated.allSatisfy { !targets.contains($0) }
        let offline = Set(cluster.nodes.filter(\.offline).map(\.index))
        let groupNodes = NodeEvacuation.nodesByGroup(cluster)
        var current = cluster
        var solution = EvacuationSolution()
        for inst in originals {
            let outcome: Result<InstanceEvacuation.Outcome, EvacuationFailure>
            let required = inst.diskTemplate == .drbd ? 2 : 1
            if noTargets {
                let allowed = "Just [" + targets.map { String($0.value) }.joined(separator: ",") + "]"
                let all = populated.map { cluster.groups[$0.value].haskellDescription }.joined(separator: ",")
                let message = "no groups for evacuation: allowed groups was \(allowed), all groups: [\(all)]"
                NodeEvacuation.record(.failure(EvacuationFailure(message)), for: inst.index, into: &solution, cluster: &current)
                continue
            }
            switch GroupAllocation.bestGroup(current, allowedGroups: targets, instance: inst, requiredNodes: required,
                                             options: options) {
            case .failure(let e):
                outcome = .failure(EvacuationFailure(e.message))
            case .success(let found):
                let g = found.group
                if let members = groupNodes[g] {
                    outcome = InstanceEvacuation.evacuate(inst, in: current, mode: .changeAll, group: g,
                                                          targets: members.filter { !offline.contains($0) },
                                                          ignoreSoftErrors: false)
                } else {
                    outcome = .failure(EvacuationFailure("Can't find group with index \(g.value)"))
                }
            }
            if case .failure(let f) = outcome, let key = f.missingNodeKey {
                return EvacuationResult(cluster: current, solution: solution, missingNodeKey: key)
            }
            NodeEvacuation.record(outcome, for: inst.index, into: &solution, cluster: &current)
        }
        return EvacuationResult(cluster: current, solution: solution)
    }
}
