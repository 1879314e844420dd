import ClusterModel
import ClusterIO

/// The allocation-engine based requests of hail: allocate, multi-allocate, change-group and
/// allocate-secondary.
enum HailAllocation {
    /// Processes an allocation-type request.
    static func run(_ request: IAllocatorRequest, options: HToolsOptions) -> HailProcessing.Outcome {
        HailProcessing.Outcome(cluster: nil, response: IAllocatorResponse.failure("not implemented yet"))
    }
}

extension HailAllocation {
    /// Processes an allocation request on a dedicated cluster (lost-allocations metric).
    static func runDedicated(_ request: IAllocatorRequest, options: HToolsOptions) -> HailProcessing.Outcome {
        HailProcessing.Outcome(cluster: nil, response: IAllocatorResponse.failure("not implemented yet"))
    }
}
