/// One instance specification (htools' `ISpec`): sizes an instance may have.
public struct InstanceSpec: Equatable, Sendable {
    /// Memory in MiB.
    public var memorySize: Int
    /// Number of virtual CPUs.
    public var cpuCount: Int
    /// Disk size in MiB.
    public var diskSize: Int
    /// Number of disks.
    public var diskCount: Int
    /// Number of network interfaces.
    public var nicCount: Int
    /// Spindles used.
    public var spindleUse: Int

    /// Creates a spec from its six fields.
    public init(memorySize: Int, cpuCount: Int, diskSize: Int, diskCount: Int, nicCount: Int, spindleUse: Int) {
        self.memorySize = memorySize; self.cpuCount = cpuCount; self.diskSize = diskSize
        self.diskCount = diskCount; self.nicCount = nicCount; self.spindleUse = spindleUse
    }

    /// htools' default minimum spec.
    public static let defaultMinimum = InstanceSpec(memorySize: 128, cpuCount: 1, diskSize: 1024, diskCount: 1, nicCount: 1, spindleUse: 1)
    /// htools' default standard spec.
    public static let defaultStandard = InstanceSpec(memorySize: 128, cpuCount: 1, diskSize: 1024, diskCount: 1, nicCount: 1, spindleUse: 1)
    /// htools' default maximum spec.
    public static let defaultMaximum = InstanceSpec(memorySize: 32768, cpuCount: 8, diskSize: 1024 * 1024, diskCount: 16, nicCount: 8, spindleUse: 12)
}

/// A minimum/maximum pair of instance specs.
public struct MinMaxSpec: Equatable, Sendable {
    /// The smallest allowed instance.
    public var minimum: InstanceSpec
    /// The largest allowed instance.
    public var maximum: InstanceSpec
    /// Creates a pair.
    public init(minimum: InstanceSpec, maximum: InstanceSpec) { self.minimum = minimum; self.maximum = maximum }
}
