import ClusterModel

/// Haskell's derived `show` of htools' policy records (used by `-v -v -v` output).
public enum PolicyDescription {
    /// `ISpec {iSpecMemorySize = …, …}`.
    public static func show(_ s: InstanceSpec) -> String {
        "ISpec {iSpecMemorySize = \(s.memorySize), iSpecCpuCount = \(s.cpuCount), iSpecDiskSize = \(s.diskSize), "
            + "iSpecDiskCount = \(s.diskCount), iSpecNicCount = \(s.nicCount), iSpecSpindleUse = \(s.spindleUse)}"
    }

    /// `IPolicy {iPolicyMinMaxISpecs = […], …}`.
    public static func show(_ p: InstancePolicy) -> String {
        let minmax = p.minMaxSpecs.map {
            "MinMaxISpecs {minMaxISpecsMinSpec = \(show($0.minimum)), minMaxISpecsMaxSpec = \(show($0.maximum))}"
        }.joined(separator: ",")
        let templates = p.diskTemplates.map(\.haskellConstructor).joined(separator: ",")
        return "IPolicy {iPolicyMinMaxISpecs = [\(minmax)], iPolicyStdSpec = \(show(p.standardSpec)), "
            + "iPolicyDiskTemplates = [\(templates)], iPolicyVcpuRatio = \(HaskellNumberFormat.show(p.vcpuRatio)), "
            + "iPolicySpindleRatio = \(HaskellNumberFormat.show(p.spindleRatio))}"
    }
}
