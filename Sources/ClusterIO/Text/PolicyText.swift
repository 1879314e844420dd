import ClusterModel

/// The instance-policy lines of the text format (`owner|std|min,max;…|templates|vcpu|spindle`).
public enum PolicyText {
    /// Parses one policy line's fields into (owner, policy); an empty owner is the cluster policy.
    static func parsePolicyLine(_ f: [String]) throws(ClusterLoadError) -> (String, InstancePolicy) {
        guard f.count >= 6 else { throw ClusterLoadError("Invalid ipolicy data: '\(HaskellShow.stringList(f))'") }
        let owner = f[0]
        let std = try parseSpec(owner + "/stdspec", FieldParsing.split(f[1], ","))
        let specs = FieldParsing.split(f[2], ";")
        if specs.count % 2 != 0 { throw ClusterLoadError("Odd number of min/max specs for \(owner)") }
        var minMax: [MinMaxSpec] = []
        var k = 0
        while k < specs.count {
            let lo = try parseSpec(owner + "/minspec", FieldParsing.split(specs[k], ","))
            let hi = try parseSpec(owner + "/maxspec", FieldParsing.split(specs[k + 1], ","))
            minMax.append(MinMaxSpec(minimum: lo, maximum: hi))
            k += 2
        }
        var templates: [DiskTemplate] = []
        for t in FieldParsing.split(f[3], ",") {
            templates.append(try FieldParsing.readEnum(DiskTemplate.self, "DiskTemplate", t))
        }
        let vcpu = try FieldParsing.readDouble(owner + "/vcpu_ratio", f[4])
        let spindle = try FieldParsing.readDouble(owner + "/spindle_ratio", f[5])
        return (owner, InstancePolicy(minMaxSpecs: minMax, standardSpec: std, diskTemplates: templates,
                                      vcpuRatio: vcpu, spindleRatio: spindle))
    }

    /// Parses `mem,cpu,disk,diskcount,niccount,spindles`.
    static func parseSpec(_ owner: String, _ f: [String]) throws(ClusterLoadError) -> InstanceSpec {
        guard f.count >= 6 else { throw ClusterLoadError("Invalid ispec data for \(owner): \(HaskellShow.stringList(f))") }
        return InstanceSpec(memorySize: try FieldParsing.readInt(owner + "/memsize", f[0]),
                            cpuCount: try FieldParsing.readInt(owner + "/cpucount", f[1]),
                            diskSize: try FieldParsing.readInt(owner + "/disksize", f[2]),
                            diskCount: try FieldParsing.readInt(owner + "/diskcount", f[3]),
                            nicCount: try FieldParsing.readInt(owner + "/niccount", f[4]),
                            spindleUse: try FieldParsing.readInt(owner + "/spindleuse", f[5]))
    }

    /// Serialises a spec as the text format writes it.
    public static func format(_ s: InstanceSpec) -> String {
        "\(s.memorySize),\(s.cpuCount),\(s.diskSize),\(s.diskCount),\(s.nicCount),\(s.spindleUse)"
    }

    /// Serialises a policy line for `owner`.
    public static func format(owner: String, _ p: InstancePolicy) -> String {
        let minmax = p.minMaxSpecs.flatMap { [format($0.minimum), format($0.maximum)] }.joined(separator: ";")
        return [owner, format(p.standardSpec), minmax, p.diskTemplates.map(\.rawValue).joined(separator: ","),
                HaskellNumberFormat.show(p.vcpuRatio), HaskellNumberFormat.show(p.spindleRatio)].joined(separator: "|")
    }
}
