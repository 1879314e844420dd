/// A virtual machine instance as htools models it.
public struct Instance: Equatable, Sendable {
    /// Full name.
    public var name: String
    /// Name with the cluster's common domain suffix removed.
    public var alias: String
    /// Memory in MiB.
    public var memory: Int
    /// Total disk in MiB.
    public var disk: Int
    /// Individual disks.
    public var disks: [Disk]
    /// Virtual CPUs.
    public var vcpus: Int
    /// Recorded run state.
    public var status: InstanceStatus
    /// Primary node.
    public var primary: NodeIndex
    /// Secondary node, if any.
    public var secondary: NodeIndex?
    /// Position in the cluster's instance array.
    public var index: InstanceIndex
    /// Dynamic utilisation.
    public var utilisation: DynamicUtilisation
    /// Whether the balancer may move it.
    public var movable: Bool
    /// Whether the instance takes part in auto-balancing (N+1 reservations).
    public var autoBalance: Bool
    /// Disk template.
    public var diskTemplate: DiskTemplate
    /// Spindles used.
    public var spindleUse: Int
    /// All instance tags, in file order.
    public var tags: [String]
    /// Exclusion tags (interned), in tag order.
    public var exclusionTags: [Int]
    /// Desired location tags (interned), sorted.
    public var desiredLocationTags: [Int]
    /// Number of location tags shared by primary and secondary.
    public var locationScore: Int
    /// Whether the instance is only forthcoming (reserved, not yet real).
    public var forthcoming: Bool
    /// NIC networks (for network-restricted allocation); empty when unknown.
    public var nicNetworks: [String?]

    /// Creates an instance as htools' `Instance.create` does.
    public init(name: String, memory: Int, disk: Int, disks: [Disk], vcpus: Int, status: InstanceStatus,
                tags: [String], autoBalance: Bool, primary: NodeIndex, secondary: NodeIndex?,
                diskTemplate: DiskTemplate, spindleUse: Int, nicNetworks: [String?] = [], forthcoming: Bool) {
        self.name = name; self.alias = name; self.memory = memory; self.disk = disk; self.disks = disks
        self.vcpus = vcpus; self.status = status; self.primary = primary; self.secondary = secondary
        self.index = InstanceIndex(-1); self.utilisation = .base; self.movable = diskTemplate.supportsMoves
        self.autoBalance = autoBalance; self.diskTemplate = diskTemplate; self.spindleUse = spindleUse
        self.tags = tags; self.exclusionTags = []; self.desiredLocationTags = []; self.locationScore = 0
        self.forthcoming = forthcoming; self.nicNetworks = nicNetworks
    }

    /// Whether the instance is running (running or ERROR_up).
    public var isRunning: Bool { status.isRunning }
    /// Whether the instance is administratively offline.
    public var isOffline: Bool { status.isOffline }
    /// Whether the instance is not offline.
    public var notOffline: Bool { !status.isOffline }
    /// Whether the instance's memory is reserved on its secondary for failover.
    public var usesSecondaryMemory: Bool { notOffline && autoBalance }
    /// Whether the instance consumes node-local disk.
    public var usesLocalStorage: Bool { diskTemplate.usesLocalStorage }
    /// Whether the template keeps a secondary node (DRBD).
    public var hasSecondary: Bool { diskTemplate.hasSecondary }
    /// Mirroring family of the template.
    public var mirrorType: MirrorType { diskTemplate.mirrorType }

    /// Whether the instance occupies memory on its primary node.
    public var usesMemory: Bool { Instance.usesMemory(status: status, forthcoming: forthcoming) }

    /// Whether an instance in `status` occupies memory on its primary node.
    static func usesMemory(status: InstanceStatus, forthcoming: Bool) -> Bool {
        if forthcoming { return false }
        switch status {
        case .adminDown, .adminOffline, .errorDown, .userDown: return false
        case .errorUp, .nodeDown, .nodeOffline, .running, .wrongNode: return true
        }
    }

    /// Sum of disk spindles, nil when any disk's spindles are unknown.
    public var totalSpindles: Int? { Instance.totalSpindles(disks) }

    /// Sum of the spindles of `disks`, nil when any is unknown.
    static func totalSpindles(_ disks: [Disk]) -> Int? {
        var sum = 0
        for d in disks {
            guard let s = d.spindles else { return nil }
            sum += s
        }
        return sum
    }

    /// The nodes the instance lives on (primary, then secondary for DRBD).
    public var allNodes: [NodeIndex] {
        if diskTemplate == .drbd, let s = secondary { return [primary, s] }
        return [primary]
    }
}
