/// The resources of one instance as hspace reports them (htools' `RSpec`).
public struct ResourceSpec: Equatable, Hashable, Sendable {
    /// Virtual CPUs.
    public var cpu: Int
    /// Memory in MiB.
    public var memory: Int
    /// Disk in MiB.
    public var disk: Int
    /// Spindles.
    public var spindles: Int

    /// Creates a spec.
    public init(cpu: Int, memory: Int, disk: Int, spindles: Int) {
        self.cpu = cpu; self.memory = memory; self.disk = disk; self.spindles = spindles
    }

    /// The resources named by a policy spec (htools' `rspecFromISpec`).
    public init(_ spec: InstanceSpec) {
        self.init(cpu: spec.cpuCount, memory: spec.memorySize, disk: spec.diskSize, spindles: spec.spindleUse)
    }
}

extension Instance {
    /// A new running, auto-balanced, one-disk instance of `spec` without nodes (hspace's `instFromSpec`).
    public static func fromSpec(_ spec: ResourceSpec, diskTemplate: DiskTemplate, spindleUse: Int,
                                name: String = "new") -> Instance {
        Instance(name: name, memory: spec.memory, disk: spec.disk,
                 disks: [Disk(size: spec.disk, spindles: spec.spindles)], vcpus: spec.cpu, status: .running,
                 tags: [], autoBalance: true, primary: NodeIndex(-1), secondary: nil,
                 diskTemplate: diskTemplate, spindleUse: spindleUse, forthcoming: false)
    }

    /// The instance's resources; spindles only when it has exactly one disk with known spindles (htools' `specOf`).
    public var resourceSpec: ResourceSpec {
        var spindles = 0
        if disks.count == 1, let s = disks[0].spindles { spindles = s }
        return ResourceSpec(cpu: vcpus, memory: memory, disk: disk, spindles: spindles)
    }

    /// The instance made one unit smaller in the resource `mode` blames (htools' `shrinkByType`), or why it cannot be.
    ///
    /// Units: 64 MiB memory, 256 MiB per disk, one CPU, one spindle.
    public func shrunk(by mode: FailMode) -> Result<Instance, AllocationError> {
        var i = self
        if let e = i.shrink(by: mode) { return .failure(e) }
        return .success(i)
    }

    /// Makes the instance one unit smaller in place (see `shrunk(by:)`); returns why it cannot be, leaving it unchanged.
    public mutating func shrink(by mode: FailMode) -> AllocationError? {
        switch mode {
        // Absurd negative sizes would wrap in Haskell and shrink practically forever; stop instead.
        case .memory:
            let (v, overflow) = memory.subtractingReportingOverflow(64)
            if overflow || v < 64 { return AllocationError("out of memory") }
            memory = v
        case .disk:
            for d in disks {
                let (v, overflow) = d.size.subtractingReportingOverflow(256)
                if overflow || v < 256 { return AllocationError("out of disk") }
            }
            for k in disks.indices { disks[k].size &-= 256 }
            disk = disk &- disks.count &* 256
        case .cpu:
            let (v, overflow) = vcpus.subtractingReportingOverflow(1)
            if overflow || v < 1 { return AllocationError("out of vcpus") }
            vcpus = v
        case .spindles:
            guard disks.count == 1 else { return AllocationError("Expected one disk") }
            guard let s = disks[0].spindles else { return AllocationError("No spindles, shouldn't have happened") }
            if s <= 1 { return AllocationError("out of spindles") }
            disks[0].spindles = s - 1
        default:
            return AllocationError("Unhandled failure mode " + mode.htoolsName)
        }
        return nil
    }

    /// Number of nodes the template needs: two for DRBD, else one (htools' `requiredNodes`).
    public static func requiredNodes(_ template: DiskTemplate) -> Int { template == .drbd ? 2 : 1 }
}
