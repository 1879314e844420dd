/// An instance policy (htools' `IPolicy`) of a cluster or node group.
public struct InstancePolicy: Equatable, Sendable {
    /// Allowed min/max spec ranges (an instance must fit one of them).
    public var minMaxSpecs: [MinMaxSpec]
    /// The standard instance spec.
    public var standardSpec: InstanceSpec
    /// Allowed disk templates.
    public var diskTemplates: [DiskTemplate]
    /// Maximum ratio of virtual to physical CPUs.
    public var vcpuRatio: Double
    /// Maximum ratio of used to physical spindles.
    public var spindleRatio: Double

    /// Creates a policy.
    public init(minMaxSpecs: [MinMaxSpec], standardSpec: InstanceSpec, diskTemplates: [DiskTemplate], vcpuRatio: Double, spindleRatio: Double) {
        self.minMaxSpecs = minMaxSpecs; self.standardSpec = standardSpec
        self.diskTemplates = diskTemplates; self.vcpuRatio = vcpuRatio; self.spindleRatio = spindleRatio
    }

    /// htools' default policy (`defIPolicy`).
    public static let htoolsDefault = InstancePolicy(
        minMaxSpecs: [MinMaxSpec(minimum: .defaultMinimum, maximum: .defaultMaximum)],
        standardSpec: .defaultStandard,
        diskTemplates: DiskTemplate.allCases,
        vcpuRatio: 4.0,
        spindleRatio: 32.0)
}
