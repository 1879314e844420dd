extension NodeGroup {
    /// Haskell's derived `show` of htools' `Group` record, as htools prints it in the
    /// change-group message `no groups for evacuation: … all groups: [Group {…}]`.
    public var haskellDescription: String {
        func spec(_ s: InstanceSpec) -> String {
            "ISpec {iSpecMemorySize = \(s.memorySize), iSpecCpuCount = \(s.cpuCount), iSpecDiskSize = \(s.diskSize), "
                + "iSpecDiskCount = \(s.diskCount), iSpecNicCount = \(s.nicCount), iSpecSpindleUse = \(s.spindleUse)}"
        }
        let minMax = policy.minMaxSpecs.map {
            "MinMaxISpecs {minMaxISpecsMinSpec = \(spec($0.minimum)), minMaxISpecsMaxSpec = \(spec($0.maximum))}"
        }
        let ipolicy = "IPolicy {iPolicyMinMaxISpecs = [\(minMax.joined(separator: ","))], "
            + "iPolicyStdSpec = \(spec(policy.standardSpec)), "
            + "iPolicyDiskTemplates = [\(policy.diskTemplates.map(\.haskellConstructor).joined(separator: ","))], "
            + "iPolicyVcpuRatio = \(HaskellNumberFormat.show(policy.vcpuRatio)), "
            + "iPolicySpindleRatio = \(HaskellNumberFormat.show(policy.spindleRatio))}"
        let policyName: String
        switch allocPolicy {
        case .preferred: policyName = "AllocPreferred"
        case .lastResort: policyName = "AllocLastResort"
        case .unallocable: policyName = "AllocUnallocable"
        }
        let show = NodeGroup.haskellString
        return "Group {name = \(show(name)), uuid = \(show(uuid)), idx = \(index.value), allocPolicy = \(policyName), "
            + "networks = [\(networks.map(show).joined(separator: ","))], iPolicy = \(ipolicy), "
            + "allTags = [\(tags.map(show).joined(separator: ","))]}"
    }

    /// Haskell's `show` of a `String` (quotes, `\"`, `\\`, control names, decimal escapes, `\&`).
    static func haskellString(_ s: String) -> String {
        let names = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "a", "b", "t", "n", "v", "f", "r", "SO", "SI",
                     "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"]
        var out = "\""
        let scalars = Array(s.unicodeScalars)
        for (k, c) in scalars.enumerated() {
            let v = c.value
            let next = k + 1 < scalars.count ? scalars[k + 1] : nil
            switch v {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0..<0x20:
                out += "\\" + names[Int(v)]
                if v == 0x0E, next == "H" { out += "\\&" }
            case 0x7F: out += "\\DEL"
            case 0x20..<0x7F: out.unicodeScalars.append(c)
            default:
                out += "\\" + String(v)
                if let n = next, n.value >= 0x30 && n.value <= 0x39 { out += "\\&" }
            }
        }
        return out + "\""
    }
}
