/// Allocation across node groups: pick the best group, or allocate in a named one (htools' `tryMGAlloc`,
/// `tryGroupAlloc`, `findBestAllocGroup`, `allocList`).
public enum GroupAllocation {
    /// Whether the group is connected to every network the instance's NICs name (htools' `hasRequiredNetworks`).
    public static func hasRequiredNetworks(_ group: NodeGroup, _ instance: Instance) -> Bool {
        instance.nicNetworks.allSatisfy { $0.map { group.networks.contains($0) } ?? true }
    }

    /// Allocates in one group, scoring that group's nodes only (htools' `findAllocation`).
    ///
    /// - Returns: the annotated solution and its log lines prefixed with the group (`Group g (preferred): …`).
    public static func allocateInGroup(_ cluster: Cluster, group: GroupIndex, instance: Instance, requiredNodes: Int,
                                       options: AllocationOptions) -> Result<(AllocationSolution<Double>, [String]), AllocationError> {
        let g = cluster.groups[group.value]
        guard hasRequiredNetworks(g, instance) else {
            return .failure(AllocationError("The group \(g.name) is not connected to a network required by instance \(instance.name)"))
        }
        let members = cluster.nodes.filter { $0.group == group }.map(\.index)
        let solution = AllocationTargets.generate(in: cluster, nodes: members, groups: cluster.groups,
                                                  requiredNodes: requiredNodes, dropUnallocable: false, options: options)
            .flatMap { AllocationSearch.tryAllocation(cluster, scope: members, instance: instance, targets: $0, options: options) }
        return solution.map { ($0, describe(g, .success($0))) }
    }

    /// The best group for an instance and its solution; only preferred and last-resort groups count, and with
    /// `allowedGroups` only those (htools' `findBestAllocGroup`).
    public static func bestGroup(_ cluster: Cluster, allowedGroups: [GroupIndex]? = nil, instance: Instance,
                                 requiredNodes: Int, options: AllocationOptions)
        -> Result<(group: GroupIndex, solution: AllocationSolution<Double>, log: [String]), AllocationError> {
        var groups = cluster.splitByGroup()
        let allGroups = groups
        if let allowed = allowedGroups { groups = groups.filter { allowed.contains($0.group) } }
        var messages: [String] = []
        var valid: [Cluster.GroupSlice] = []
        var invalidMessages: [String] = []
        for slice in groups {
            let g = cluster.groups[slice.group.value]
            if hasRequiredNetworks(g, instance) {
                valid.append(slice)
            } else {
                invalidMessages.append("group \(g.name) is not connected to a network required by instance \(instance.name)")
            }
        }
        messages = invalidMessages
        var results: [(GroupIndex, Result<AllocationSolution<Double>, AllocationError>)] = []
        for slice in valid {
            let r = AllocationTargets.generate(in: cluster, nodes: slice.nodes, groups: cluster.groups,
                                               requiredNodes: requiredNodes, dropUnallocable: false, options: options)
                .flatMap { AllocationSearch.tryAllocation(cluster, instance: instance, targets: $0, options: options) }
            results.append((slice.group, r))
            messages += describe(cluster.groups[slice.group.value], r)
        }
        let good = sortByPolicyAndScore(cluster, filterUsable(cluster, results))
        guard let first = good.first else {
            if groups.isEmpty {
                let allowed = allowedGroups.map { "Just [" + $0.map(\.description).joined(separator: ",") + "]" } ?? "Nothing"
                return .failure(AllocationError("no groups for evacuation: allowed groups was \(allowed), all groups: ["
                    + allGroups.map { cluster.groups[$0.group.value].name }.joined(separator: ",") + "]"))
            }
            return .failure(AllocationError(messages.joined(separator: ", ")))
        }
        return .success((first.0, first.1, messages))
    }

    /// Allocates in the best group, logging the choice first (htools' `tryMGAlloc`).
    public static func tryMultiGroup(_ cluster: Cluster, instance: Instance, requiredNodes: Int,
                                     options: AllocationOptions) -> Result<AllocationSolution<Double>, AllocationError> {
        bestGroup(cluster, instance: instance, requiredNodes: requiredNodes, options: options).map { best in
            var s = best.solution
            s.log = ["Selected group: " + cluster.groups[best.group.value].name] + best.log
            return s
        }
    }

    /// Allocates in the group named `groupName` (name or UUID) (htools' `tryGroupAlloc`).
    public static func tryGroup(_ cluster: Cluster, groupName: String, instance: Instance, requiredNodes: Int,
                                options: AllocationOptions) -> Result<AllocationSolution<Double>, AllocationError> {
        let matches = cluster.groups.filter { $0.name == groupName || $0.uuid == groupName }
        guard matches.count == 1 else { return .failure(AllocationError("Wrong number of elems found with name \(groupName)")) }
        return allocateInGroup(cluster, group: matches[0].index, instance: instance, requiredNodes: requiredNodes,
                               options: options).map { sol, log in
            var s = sol
            s.log = log
            return s
        }
    }

    /// One request of a multi-allocation: the instance, how many nodes it needs and an optional group (`AllocDetails`).
    public struct Request: Sendable {
        /// The instance to place.
        public var instance: Instance
        /// Nodes it needs (1 or 2).
        public var requiredNodes: Int
        /// The group to place it in (name or UUID), or nil for the best group.
        public var groupName: String?
        /// Creates a request.
        public init(instance: Instance, requiredNodes: Int, groupName: String?) {
            self.instance = instance; self.requiredNodes = requiredNodes; self.groupName = groupName
        }
    }

    /// Allocates `requests` in order, each seeing the placements before it (htools' `allocList`).
    ///
    /// - Returns: the final cluster and each instance's solution, in request order (htools returns them reversed).
    ///   Unplaced instances leave the cluster unchanged. Stops at the first request that cannot be evaluated.
    public static func allocateList(_ cluster: Cluster, requests: [Request], options: AllocationOptions)
        -> Result<(cluster: Cluster, solutions: [(instance: Instance, solution: AllocationSolution<Double>)]), AllocationError> {
        var current = cluster
        var out: [(instance: Instance, solution: AllocationSolution<Double>)] = []
        for r in requests {
            var inst = r.instance
            inst.index = InstanceIndex(current.instances.count)
            let result = r.groupName.map {
                tryGroup(current, groupName: $0, instance: inst, requiredNodes: r.requiredNodes, options: options)
            } ?? tryMultiGroup(current, instance: inst, requiredNodes: r.requiredNodes, options: options)
            switch result {
            case .failure(let e): return .failure(e)
            case .success(let s):
                if let b = s.best { current.apply(b) }
                out.append((inst, s))
            }
        }
        return .success((current, out))
    }

    /// `Group NAME (policy): line` for each log line, or `Group NAME: error MSG` (htools' `solutionDescription`).
    public static func describe<M>(_ group: NodeGroup, _ result: Result<AllocationSolution<M>, AllocationError>) -> [String] {
        switch result {
        case .success(let s): return s.log.map { "Group \(group.name) (\(group.allocPolicy.rawValue)): " + $0 }
        case .failure(let e): return ["Group \(group.name): error \(e.message)"]
        }
    }

    /// Usable results, in reverse order: evaluated, with a solution, in an allocable group (htools' `filterMGResults`).
    static func filterUsable<M>(_ cluster: Cluster, _ results: [(GroupIndex, Result<AllocationSolution<M>, AllocationError>)])
        -> [(GroupIndex, AllocationSolution<M>)] {
        var out: [(GroupIndex, AllocationSolution<M>)] = []
        for (g, r) in results {
            guard case .success(let s) = r, s.best != nil, cluster.groups[g.value].allocPolicy.isAllocable else { continue }
            out.insert((g, s), at: 0)
        }
        return out
    }

    /// Stable sort by allocation policy (preferred first), then metric (htools' `sortMGResults`).
    static func sortByPolicyAndScore<M>(_ cluster: Cluster, _ sols: [(GroupIndex, AllocationSolution<M>)])
        -> [(GroupIndex, AllocationSolution<M>)] {
        func rank(_ g: GroupIndex) -> Int {
            switch cluster.groups[g.value].allocPolicy {
            case .preferred: return 0
            case .lastResort: return 1
            case .unallocable: return 2
            }
        }
        return sols.indices.sorted { a, b in
            let (ga, sa) = sols[a], (gb, sb) = sols[b]
            if rank(ga) != rank(gb) { return rank(ga) < rank(gb) }
            let ma = sa.best!.metric, mb = sb.best!.metric
            if ma < mb { return true }
            if mb < ma { return false }
            return a < b
        }.map { sols[$0] }
    }
}
