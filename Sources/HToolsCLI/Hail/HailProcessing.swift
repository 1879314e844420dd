import ClusterModel
import ClusterIO

/// Runs one iallocator request against its cluster (htools' `processRequest` and
/// `formatIAllocResult`): the cluster afterwards (nil on failure) and the response text.
enum HailProcessing {
    /// The outcome of a request.
    struct Outcome {
        /// The cluster after the request, or nil when the request failed.
        var cluster: Cluster?
        /// The response message (one line, without newline).
        var response: String
        /// When htools' resulting node list holds only some nodes (allocation in a named group),
        /// those nodes; nil when it holds all of them.
        var visibleNodes: [NodeIndex]? = nil
    }

    /// Processes `request` with the command-line `options`.
    static func run(_ request: IAllocatorRequest, options: HToolsOptions) -> Outcome {
        let cluster = request.cluster
        let ignoreSoft = options.ignoreSoftErrors
        switch request.kind {
        case let .relocate(index, required, excluded):
            switch Relocation.run(cluster, instance: index, requiredNodes: required, excludedNodes: excluded,
                                  ignoreSoftErrors: ignoreSoft) {
            case .failure(let f):
                if let key = f.missingNodeKey { HailMissingKeys.die(key: key) }
                return Outcome(cluster: nil, response: IAllocatorResponse.failure(f.message))
            case .success(let (after, nodes)):
                let names = nodes.map { after.nodes[$0.value].name }
                return Outcome(cluster: after, response: IAllocatorResponse.success(info: "success", result: .strings(names)))
            }
        case let .nodeEvacuate(instances, mode):
            let result = NodeEvacuation.run(cluster, instances: instances, mode: mode, ignoreSoftErrors: ignoreSoft)
            if let key = result.missingNodeKey { HailMissingKeys.die(key: key) }
            let (info, json) = IAllocatorResponse.evacuation(result.solution, cluster: cluster)
            return Outcome(cluster: result.cluster, response: IAllocatorResponse.success(info: info, result: json))
        case .changeGroup, .allocate, .multiAllocate, .allocateSecondary:
            return HailAllocation.run(request, options: options)
        }
    }
}
