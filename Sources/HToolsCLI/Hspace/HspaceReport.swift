import ClusterModel

/// The texts hspace prints, human-readable and `--machine-readable` (htools' `Hspace` print functions).
enum HspaceReport {
    typealias F = HaskellNumberFormat

    /// Which allocation a section reports.
    enum Mode {
        case standard, tiered

        /// `SPEC` / `TSPEC_INI`.
        var keyPrefix: String { self == .standard ? "SPEC" : "TSPEC_INI" }
        /// The human description of the spec.
        var specDescription: String { self == .standard ? "Standard (fixed-size)" : "Tiered (initial size)" }
        /// `Standard` / `Tiered`.
        var name: String { self == .standard ? "Standard" : "Tiered" }
    }

    /// The statistics phase prefix: `INI`, `TRL`, `FIN`.
    static func statistics(_ phase: String, _ r: ClusterResources) -> [(String, String)] {
        let items: [(String, String)] = [
            ("SCORE", F.fixed(r.score, decimals: 8)),
            ("INST_CNT", String(r.instanceCount)),
            ("MEM_FREE", String(r.freeMemory)),
            ("MEM_AVAIL", String(r.availableMemory)),
            ("MEM_RESVD", String(Int128(r.freeMemory) - Int128(r.availableMemory))),
            ("MEM_INST", String(r.instanceMemory)),
            ("MEM_OVERHEAD", String(Int128(r.missingMemory) + Int128(r.nodeMemory))),
            ("MEM_EFF", F.fixed(r.memoryEfficiency, decimals: 8)),
            ("DSK_FREE", String(r.freeDisk)),
            ("DSK_AVAIL", String(r.availableDisk)),
            ("DSK_RESVD", String(Int128(r.freeDisk) - Int128(r.availableDisk))),
            ("DSK_INST", String(r.instanceDisk)),
            ("DSK_EFF", F.fixed(r.diskEfficiency, decimals: 8)),
            ("SPN_FREE", String(r.freeSpindles)),
            ("SPN_INST", String(r.instanceSpindles)),
            ("SPN_EFF", F.fixed(r.spindleEfficiency, decimals: 8)),
            ("CPU_INST", String(r.instanceCpus)),
            ("CPU_EFF", F.fixed(r.cpuEfficiency, decimals: 8)),
            ("MNODE_MEM_AVAIL", String(r.maxNodeMemory)),
            ("MNODE_DSK_AVAIL", String(r.maxNodeDisk)),
        ]
        return items.map { (phase + "_" + $0.0, $0.1) }
    }

    /// `MEM 128, DSK 1024, CPU 1[, SPN 1]`.
    static func specResources(_ s: ResourceSpec, spindles: Bool) -> String {
        var parts = ["MEM \(s.memory)", "DSK \(s.disk)", "CPU \(s.cpu)"]
        if spindles { parts.append("SPN \(s.spindles)") }
        return parts.joined(separator: ", ")
    }

    /// The cluster size section (htools' `printCluster`).
    static func cluster(machineReadable: Bool, _ r: ClusterResources, nodeCount: Int, spindles: Bool) -> String {
        if machineReadable {
            return ShellKeys.render([("CLUSTER_MEM", F.fixed(r.totalMemory, decimals: 0)),
                                     ("CLUSTER_DSK", F.fixed(r.totalDisk, decimals: 0)),
                                     ("CLUSTER_CPU", F.fixed(r.totalCpus, decimals: 0)),
                                     ("CLUSTER_VCPU", String(r.virtualCpus)),
                                     ("CLUSTER_SPN", F.fixed(r.totalSpindles, decimals: 0))])
                + ShellKeys.render([("CLUSTER_NODES", String(nodeCount))])
                + ShellKeys.render(statistics("INI", r))
        }
        var parts = ["MEM " + F.fixed(r.totalMemory, decimals: 0), "DSK " + F.fixed(r.totalDisk, decimals: 0),
                     "CPU " + F.fixed(r.totalCpus, decimals: 0), "VCPU \(r.virtualCpus)"]
        if spindles { parts.append("SPN " + F.fixed(r.totalSpindles, decimals: 0)) }
        return "The cluster has \(nodeCount) nodes and the following resources:\n  " + parts.joined(separator: ", ") + ".\n"
            + "There are " + (r.instanceCount > 0 ? String(r.instanceCount) : "no") + " initial instances on the cluster.\n"
    }

    /// The instance spec section (htools' `printISpec`).
    static func spec(machineReadable: Bool, _ s: ResourceSpec, _ mode: Mode, template: DiskTemplate, spindles: Bool) -> String {
        if machineReadable {
            let p = mode.keyPrefix
            return ShellKeys.render([(p + "_MEM", String(s.memory)), (p + "_DSK", String(s.disk)),
                                     (p + "_CPU", String(s.cpu)), (p + "_SPN", String(s.spindles))])
                + ShellKeys.render([(p + "_RQN", String(Instance.requiredNodes(template)))])
                + ShellKeys.render([(p + "_DISK_TEMPLATE", template.rawValue)])
        }
        return "\(mode.specDescription) instance spec is:\n  " + specResources(s, spindles: spindles)
            + ", using disk template '\(template.rawValue)'.\n"
    }

    /// The allocated-instance table of `-v -v` (htools' `printAllocationMap`), or nil when empty.
    static func allocationMap(_ cluster: Cluster, _ instances: [Instance]) -> String {
        let exclusive = cluster.nodes.contains { $0.exclusiveStorage }
        let rows: [[String]] = instances.map { i in
            [i.name, cluster[node: i.primary].name, i.secondary.map { cluster[node: $0].name } ?? "",
             String(i.memory), String(i.disk), String(i.vcpus),
             exclusive ? (i.totalSpindles.map(String.init) ?? "?") : ""]
        }
        guard let first = rows.first else { return "" }
        return TextTable.render(prefix: "", header: first, rows: Array(rows.dropFirst()),
                                numeric: [false, false, false, true, true, true, true])
    }

    /// Failure reason, scores and efficiencies (htools' `printFRScores`).
    static func failureAndScores(_ reasons: [(mode: FailMode, count: Int)], initial: Cluster, final: Cluster) -> String? {
        guard let main = reasons.first else { return nil }
        let r = ClusterResources(final)
        var out = "  - most likely failure reason: \(main.mode.htoolsName)\n"
        out += "  - initial cluster score: " + F.fixed(initial.score(), decimals: 8) + "\n"
        out += "  -   final cluster score: " + F.fixed(r.score, decimals: 8) + "\n"
        var rows: [(String, Double)] = [("memory", r.memoryEfficiency), ("disk", r.diskEfficiency), ("vcpu", r.cpuEfficiency)]
        if final.nodes.contains(where: { $0.exclusiveStorage }) { rows.append(("spindles", r.spindleEfficiency)) }
        let width = rows.map { $0.0.count }.max() ?? 0
        for (name, value) in rows {
            out += "  - " + F.pad(name, width) + " usage efficiency: " + F.fixed(value * 100, width: 5, decimals: 2) + "%\n"
        }
        return out
    }

    /// The tiered results section (htools' `printTiered`); nil content after the header means htools crashed
    /// on an empty failure list.
    static func tiered(machineReadable: Bool, specs: [(ResourceSpec, Int)], initial: Cluster, final: Cluster,
                       reasons: [(mode: FailMode, count: Int)]) -> (text: String, complete: Bool) {
        if machineReadable {
            let ini = ClusterResources(initial), fin = ClusterResources(final)
            let tspec = specs.map { "\($0.0.memory),\($0.0.disk),\($0.0.cpu),\($0.0.spindles)=\($0.1)" }.joined(separator: " ")
            let delta = ClusterResources.allocationDelta(initial: ini, final: fin)
            return (ShellKeys.render(statistics("TRL", fin)) + ShellKeys.render([("TSPEC", tspec)])
                + ShellKeys.render(keyMetrics("USED", delta.used)) + ShellKeys.render(keyMetrics("POOL", delta.allocated))
                + ShellKeys.render(keyMetrics("UNAV", delta.unavailable)), true)
        }
        var out = "Tiered allocation results:\n"
        let spindles = initial.nodes.contains { $0.exclusiveStorage }
        if specs.isEmpty {
            out += "  - no instances allocated\n"
        } else {
            for (s, n) in specs {
                out += "  - " + F.integer(n, width: 3) + " instances of spec " + specResources(s, spindles: spindles) + "\n"
            }
        }
        guard let rest = failureAndScores(reasons, initial: initial, final: final) else { return (out, false) }
        return (out + rest, true)
    }

    /// `KM_<kind>_CPU` … (htools' `formatRSpec`).
    static func keyMetrics(_ kind: String, _ a: ResourceAmounts) -> [(String, String)] {
        [("KM_\(kind)_CPU", String(a.vcpus)), ("KM_\(kind)_NPU", F.show(a.normalizedCpus)),
         ("KM_\(kind)_MEM", String(a.memory)), ("KM_\(kind)_DSK", String(a.disk)), ("KM_\(kind)_SPN", String(a.spindles))]
    }

    /// Consecutive runs of equal specs among the allocated instances (htools' `tieredSpecMap`).
    static func specRuns(_ instances: [Instance]) -> [(ResourceSpec, Int)] {
        var out: [(ResourceSpec, Int)] = []
        for i in instances {
            let s = i.resourceSpec
            if let last = out.last, last.0 == s { out[out.count - 1].1 += 1 } else { out.append((s, 1)) }
        }
        return out
    }
}
