import ClusterModel

/// Placement details of an instance to allocate (htools' `AllocDetails`).
public struct AllocationDetails: Equatable, Sendable {
    /// How many nodes the instance needs (1, or 2 for DRBD).
    public var requiredNodes: Int
    /// The group to allocate in, when the request names one.
    public var groupName: String?

    /// Creates allocation details.
    public init(requiredNodes: Int, groupName: String?) {
        self.requiredNodes = requiredNodes; self.groupName = groupName
    }
}

/// What an iallocator request asks for (htools' `RqType`).
public enum IAllocatorRequestKind: Equatable, Sendable {
    /// Place a new instance; `restrictToNodes` comes from the request's `restrict-to-nodes`.
    case allocate(Instance, AllocationDetails, restrictToNodes: [String]?)
    /// Move an instance's secondary (or primary, for shared storage) away from `excludedNodes`.
    case relocate(InstanceIndex, requiredNodes: Int, excludedNodes: [NodeIndex])
    /// Move instances to other node groups (all other groups when `targetGroups` is empty).
    case changeGroup(instances: [InstanceIndex], targetGroups: [GroupIndex])
    /// Evacuate instances from their nodes.
    case nodeEvacuate(instances: [InstanceIndex], mode: EvacuationMode)
    /// Place several new instances, one after the other.
    case multiAllocate([MultiAllocationItem])
    /// Give a non-mirrored instance a secondary node.
    case allocateSecondary(InstanceIndex)

    /// Whether the request allocates new instances, with the group it names (htools' `isAllocationRequest`):
    /// nil for other requests, `.some(nil)` when no group is named.
    public var allocationGroup: String?? {
        switch self {
        case .allocate(_, let details, _): return .some(details.groupName)
        case .multiAllocate(let items):
            var distinct: [String] = []
            for name in items.compactMap(\.details.groupName) where !distinct.contains(name) { distinct.append(name) }
            return .some(distinct.count == 1 ? distinct[0] : nil)
        default: return nil
        }
    }
}

/// One instance of a multi-allocation request.
public struct MultiAllocationItem: Equatable, Sendable {
    /// The instance to place.
    public var instance: Instance
    /// Where and on how many nodes.
    public var details: AllocationDetails
    /// Creates an item.
    public init(instance: Instance, details: AllocationDetails) { self.instance = instance; self.details = details }
}

/// A parsed iallocator request: what to do, the cluster it applies to, and load warnings.
public struct IAllocatorRequest: Sendable {
    /// The request proper.
    public var kind: IAllocatorRequestKind
    /// The cluster described by the request (assembled and reconciled).
    public var cluster: Cluster
    /// Inconsistency warnings from reconciling node memory and disk (htools' `updateMissing`).
    public var warnings: [String]
    /// The NICs of the cluster's instances, by instance index (for debug output).
    public var instanceNICs: [[NICRecord]]
    /// The NICs of the instances to allocate, in request order (for debug output).
    public var requestedNICs: [[NICRecord]]

    /// Creates a request.
    public init(kind: IAllocatorRequestKind, cluster: Cluster, warnings: [String],
                instanceNICs: [[NICRecord]] = [], requestedNICs: [[NICRecord]] = []) {
        self.kind = kind; self.cluster = cluster; self.warnings = warnings
        self.instanceNICs = instanceNICs; self.requestedNICs = requestedNICs
    }
}

/// One network interface as the request describes it (htools' `Nic`).
public struct NICRecord: Equatable, Sendable {
    /// MAC address.
    public var mac: String?
    /// IP address.
    public var ip: String?
    /// Mode (`bridged`, `routed`, `openvswitch`).
    public var mode: String?
    /// Link.
    public var link: String?
    /// Bridge.
    public var bridge: String?
    /// Network UUID.
    public var network: String?
}
