import ClusterModel
import ClusterIO

/// The allocation-engine based requests of hail: allocate, multi-allocate, change-group and
/// allocate-secondary (htools' `processRequest` and its `format…` functions).
enum HailAllocation {
    /// The allocation options from the command line; `restrict` is the request's own node restriction,
    /// used when `--restrict-allocation-to` is absent.
    static func allocationOptions(_ options: HToolsOptions, restrict: [String]? = nil) -> AllocationOptions {
        AllocationOptions(ignoreSoftErrors: options.ignoreSoftErrors, capacityChecks: options.capacityChecks,
                          restrictToNodes: options.restrictToNodes ?? restrict)
    }

    /// Processes an allocation-type request.
    static func run(_ request: IAllocatorRequest, options: HToolsOptions) -> HailProcessing.Outcome {
        let cluster = request.cluster
        switch request.kind {
        case let .allocate(inst, details, restrict):
            let opts = allocationOptions(options, restrict: restrict)
            return allocate(cluster, inst, details, opts)
        case let .multiAllocate(items):
            return multiAllocate(cluster, items, allocationOptions(options))
        case let .changeGroup(instances, groups):
            let result = GroupChange.run(cluster, instances: instances, targetGroups: groups,
                                         options: allocationOptions(options))
            if let key = result.missingNodeKey { HailMissingKeys.die(key: key) }
            let (info, json) = IAllocatorResponse.evacuation(result.solution, cluster: cluster)
            return HailProcessing.Outcome(cluster: result.cluster, response: IAllocatorResponse.success(info: info, result: json))
        case let .allocateSecondary(index):
            return allocateSecondary(cluster, index, allocationOptions(options))
        case .relocate, .nodeEvacuate:
            return HailProcessing.run(request, options: options)
        }
    }

    /// One allocation in the named group or the best group.
    static func solve(_ cluster: Cluster, _ inst: Instance, _ details: AllocationDetails,
                      _ opts: AllocationOptions) -> Result<AllocationSolution<Double>, AllocationError> {
        var placed = inst
        placed.index = InstanceIndex(cluster.instances.count)
        if let group = details.groupName {
            return GroupAllocation.tryGroup(cluster, groupName: group, instance: placed,
                                            requiredNodes: details.requiredNodes, options: opts)
        }
        return GroupAllocation.tryMultiGroup(cluster, instance: placed, requiredNodes: details.requiredNodes, options: opts)
    }

    /// htools' `formatAllocate`: the node names of the best placement, or the solution log as failure.
    static func allocate(_ cluster: Cluster, _ inst: Instance, _ details: AllocationDetails,
                         _ opts: AllocationOptions) -> HailProcessing.Outcome {
        switch solve(cluster, inst, details, opts) {
        case .failure(let e):
            return HailProcessing.Outcome(cluster: nil, response: IAllocatorResponse.failure(e.message))
        case .success(let solution):
            var outcome = format(cluster, solution)
            if details.groupName != nil { outcome.visibleNodes = groupNodes(cluster, of: solution) }
            return outcome
        }
    }

    /// The nodes of the group a placement went to: htools keeps only those after a named-group allocation.
    static func groupNodes<M>(_ cluster: Cluster, of solution: AllocationSolution<M>) -> [NodeIndex]? {
        guard let group = solution.best?.nodes.first?.group else { return nil }
        return cluster.nodes.filter { $0.group == group }.map(\.index)
    }

    /// Formats a single-allocation solution (generic in the metric for dedicated clusters).
    static func format<M>(_ cluster: Cluster, _ solution: AllocationSolution<M>) -> HailProcessing.Outcome {
        let info = solution.log.joined(separator: ", ")
        guard let best = solution.best else {
            return HailProcessing.Outcome(cluster: nil, response: IAllocatorResponse.failure(info))
        }
        let names = best.nodes.map(\.name)
        return HailProcessing.Outcome(cluster: newInstanceFirst(cluster.applying(best)),
                                      response: IAllocatorResponse.success(info: info, result: .strings(names)))
    }

    /// htools keeps a newly allocated instance under index -1, so it is listed (and saved) first.
    static func newInstanceFirst(_ cluster: Cluster) -> Cluster {
        var c = cluster
        if let last = c.instances.popLast() { c.instances.insert(last, at: 0) }
        return c
    }

    /// htools' `allocList` and `formatMultiAlloc`.
    static func multiAllocate(_ cluster: Cluster, _ items: [MultiAllocationItem],
                              _ opts: AllocationOptions) -> HailProcessing.Outcome {
        let requests = items.map {
            GroupAllocation.Request(instance: $0.instance, requiredNodes: $0.details.requiredNodes, groupName: $0.details.groupName)
        }
        switch GroupAllocation.allocateList(cluster, requests: requests, options: opts) {
        case .failure(let e):
            return HailProcessing.Outcome(cluster: nil, response: IAllocatorResponse.failure(e.message))
        case .success(let (final, solutions)):
            return formatMulti(final, solutions)
        }
    }

    /// htools' `formatMultiAlloc` over the per-instance solutions, in request order.
    static func formatMulti<M>(_ final: Cluster, _ solutions: [(instance: Instance, solution: AllocationSolution<M>)])
        -> HailProcessing.Outcome {
        var allocated: [(instance: String, nodes: [String])] = []
        var failed: [(instance: String, description: String)] = []
        for (inst, s) in solutions {
            if let best = s.best {
                allocated.append((best.instance.name, best.nodes.map(\.name)))
            } else {
                failed.append((inst.name, s.log.joined(separator: ", ")))
            }
        }
        let (info, json) = IAllocatorResponse.multiAllocation(allocated: allocated, failed: failed)
        return HailProcessing.Outcome(cluster: final, response: IAllocatorResponse.success(info: info, result: json))
    }

    /// htools' `formatAllocateSecondary`: the name of the chosen secondary.
    static func allocateSecondary(_ cluster: Cluster, _ index: InstanceIndex, _ opts: AllocationOptions) -> HailProcessing.Outcome {
        switch SecondaryAllocation.run(cluster, instance: index, options: opts) {
        case .failure(let e):
            return HailProcessing.Outcome(cluster: nil, response: IAllocatorResponse.failure(e.message))
        case .success(let (base, solution)):
            let info = solution.log.joined(separator: ", ")
            guard let best = solution.best else {
                return HailProcessing.Outcome(cluster: nil, response: IAllocatorResponse.failure(info))
            }
            guard best.nodes.count == 2 else {
                return HailProcessing.Outcome(cluster: nil, response: IAllocatorResponse.failure(
                    "Internal error (not a DRBD allocation); info was: " + info))
            }
            var after = base
            for n in best.nodes { after.nodes[n.index.value] = n }
            after.instances[index.value] = best.instance
            return HailProcessing.Outcome(cluster: after,
                                          response: IAllocatorResponse.success(info: info, result: .string(best.nodes[1].name)))
        }
    }
}

extension HailAllocation {
    /// Processes an allocation request on a dedicated cluster with the lost-allocations metric
    /// (htools' `runDedicatedAllocation`).
    static func runDedicated(_ request: IAllocatorRequest, options: HToolsOptions) -> HailProcessing.Outcome {
        let cluster = request.cluster
        switch request.kind {
        case let .allocate(inst, details, restrict):
            let opts = allocationOptions(options, restrict: restrict)
            switch dedicatedSolve(cluster, inst, details, opts, groupLog: true) {
            case .failure(let e): return HailProcessing.Outcome(cluster: nil, response: IAllocatorResponse.failure(e.message))
            case .success(let s):
                // The dedicated search keeps only the chosen group's nodes, named or not.
                var outcome = format(cluster, s)
                outcome.visibleNodes = groupNodes(cluster, of: s)
                return outcome
            }
        case let .multiAllocate(items):
            let opts = allocationOptions(options)
            var current = cluster
            var solutions: [(instance: Instance, solution: AllocationSolution<DedicatedAllocation.LostAllocations>)] = []
            for item in items {
                let base = item.details.groupName == nil ? current : cluster
                var inst = item.instance
                inst.index = InstanceIndex(current.instances.count)
                switch dedicatedSolve(base, inst, item.details, opts, groupLog: false) {
                case .failure(let e): return HailProcessing.Outcome(cluster: nil, response: IAllocatorResponse.failure(e.message))
                case .success(let s):
                    if let best = s.best { current.apply(best) }
                    solutions.append((inst, s))
                }
            }
            return formatMulti(current, solutions)
        default:
            return HailProcessing.Outcome(cluster: nil, response: IAllocatorResponse.failure(
                "Dedicated Allocation only for proper allocation requests"))
        }
    }

    /// One dedicated allocation in the named group (its log group-prefixed when `groupLog`) or the best group.
    static func dedicatedSolve(_ cluster: Cluster, _ inst: Instance, _ details: AllocationDetails, _ opts: AllocationOptions,
                               groupLog: Bool) -> Result<AllocationSolution<DedicatedAllocation.LostAllocations>, AllocationError> {
        var placed = inst
        placed.index = InstanceIndex(cluster.instances.count)
        guard let name = details.groupName else {
            return DedicatedAllocation.allocateInBestGroup(cluster, instance: placed, requiredNodes: details.requiredNodes,
                                                           options: opts)
        }
        let matches = cluster.groups.filter { $0.name == name || $0.uuid == name }
        guard matches.count == 1 else { return .failure(AllocationError("Wrong number of elems found with name " + name)) }
        return DedicatedAllocation.allocateInGroup(cluster, group: matches[0].index, instance: placed,
                                                   requiredNodes: details.requiredNodes, options: opts).map { solution, log in
            var s = solution
            if groupLog { s.log = log }
            return s
        }
    }
}
