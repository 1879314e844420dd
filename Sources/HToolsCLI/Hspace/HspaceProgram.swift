import ClusterModel
import ClusterIO

/// The hspace program: load, report the cluster, run tiered then standard allocation, report both (htools' `Hspace.main`).
public enum HspaceProgram {
    /// Runs hspace with parsed options; never returns.
    public static func run(_ options: HToolsOptions, parallelism: ParallelRunner?) -> Never {
        let verbose = options.verbosity
        let machine = options.machineReadable
        let loaded = ClusterLoading.loadExternalData(options, tool: .hspace)
        var cluster = loaded
        ClusterLoading.applyNodeStatus(options, to: &cluster)
        guard let clusterTemplate = loaded.policy.diskTemplates.first else {
            Console.fail("null list of disk templates received from cluster")
        }
        let instanceCount = cluster.instances.count
        let template = options.diskTemplate.flatMap { DiskTemplate(rawValue: $0.rawValue) } ?? clusterTemplate
        let suffix = loaded.commonSuffix
        let spindleUse = options.spindleUse ?? loaded.policy.standardSpec.spindleUse
        if !suffix.isEmpty && verbose > 1 { Console.err("Note: Stripping common suffix of '\(suffix)' from names\n") }
        printNodes(options, "Initial cluster", cluster)
        if verbose > 2 {
            let stats = cluster.statistics()
            Console.err("Initial coefficients: overall " + ScoreReport.score(stats.score) + "\n"
                        + ScoreReport.render(prefix: "  ", stats))
        }
        Console.out(HspaceReport.cluster(machineReadable: machine, ClusterResources(cluster), nodeCount: loaded.nodes.count,
                                         spindles: cluster.nodes.contains { $0.exclusiveStorage }))

        var algorithm = AllocationOptions(ignoreSoftErrors: options.ignoreSoftErrors, capacityChecks: options.capacityChecks,
                                          acceptExisting: options.acceptExisting, parallelism: parallelism)
        let badNodes = cluster.badItems(among: cluster.nodes.map(\.index)).nodes
        var badGroupsCache: [GroupIndex]?
        func badGroups() -> [GroupIndex] {
            if let b = badGroupsCache { return b }
            var b: [GroupIndex] = []
            for g in cluster.groups.map(\.index) {
                switch GlobalRedundancy.groupOutcome(cluster, group: g, options: algorithm) {
                case .redundant: break
                case .notRedundant: b.append(g)
                case .missingNode(let key): HaskellRuntime.dieMissingIntMapKey(key.value, tool: .hspace)
                }
            }
            badGroupsCache = b
            return b
        }
        if verbose > 3 && !badNodes.isEmpty {
            Console.err("Bad nodes: " + HaskellShow.stringList(badNodes.map { cluster[node: $0].name }) + "\n")
        }
        if verbose > 3 && !badGroups().isEmpty {
            Console.err("Bad groups: " + HaskellShow.stringList(badGroups().map { cluster.groups[$0.value].name }) + "\n")
        }
        var groups = cluster.groups
        if !options.acceptExisting {
            for n in badNodes { groups[cluster[node: n].group.value].allocPolicy = .unallocable }
        }
        if options.independentGroups {
            let bad = badGroups()
            for g in bad { groups[g.value].allocPolicy = .unallocable }
            algorithm.capacityIgnoredGroups = bad
        }
        let groupsRemaining = groups.contains { $0.allocPolicy.isAllocable }
        let stopAllocation = !options.acceptExisting && !(options.independentGroups && groupsRemaining) && !badNodes.isEmpty
        let limit: Int? = options.maxLength == -1 ? nil : options.maxLength

        let targets: AllocationTargets
        switch AllocationTargets.generate(in: cluster, groups: groups, requiredNodes: Instance.requiredNodes(template),
                                          dropUnallocable: true, options: algorithm) {
        case .failure(let e): Console.fail("failure during allocation: " + e.message)
        case .success(let t): targets = t
        }
        if verbose > 3 { Console.err("Allocatable nodes: " + targets.haskellDescription + "\n") }

        let tieredSpecs: [ResourceSpec] = options.tieredSpec.map { [resourceSpec($0)] }
            ?? loaded.policy.minMaxSpecs.map { ResourceSpec($0.maximum) }
        guard let tieredSpec = tieredSpecs.first else { Console.fail("Empty list of specs received from the cluster") }
        let tieredInstances = tieredSpecs.map { Instance.fromSpec($0, diskTemplate: template, spindleUse: spindleUse) }
        let start = AllocationProgress(cluster: cluster)

        let tiered = runAllocation(options, stopAllocation: stopAllocation, start: start, spec: tieredSpec, mode: .tiered,
                                   template: template) {
            TieredAllocation.allocate(start, instances: tieredInstances, targets: targets, limit: limit, options: algorithm)
        }
        let tieredText = HspaceReport.tiered(machineReadable: machine, specs: HspaceReport.specRuns(tiered.allocated),
                                             initial: cluster, final: tiered.cluster, reasons: tiered.reasons)
        Console.out(tieredText.text)
        if !tieredText.complete { ClusterLoading.dieUncaught("Prelude.head: empty list", tool: .hspace) }

        let standardSpec = options.standardSpec.map(resourceSpec) ?? ResourceSpec(loaded.policy.standardSpec)
        let standardInstance = Instance.fromSpec(standardSpec, diskTemplate: template, spindleUse: spindleUse)
        let standard = runAllocation(options, stopAllocation: stopAllocation, start: start, spec: standardSpec,
                                     mode: .standard, template: template) {
            IterativeAllocation.allocate(start, instance: standardInstance, targets: targets, limit: limit, options: algorithm)
        }
        printResults(machine, initial: cluster, final: standard.cluster, instanceCount: instanceCount,
                     allocations: standard.allocated.count, reasons: standard.reasons)
        if machine { Console.out(ShellKeys.render([("OK", "1")])) }
        Console.exit(0)
    }

    /// The outcome of one allocation phase as hspace uses it.
    struct PhaseResult {
        var reasons: [(mode: FailMode, count: Int)]
        var cluster: Cluster
        var allocated: [Instance]
    }

    /// Runs (or skips) an allocation and prints its spec, map, node table and saved state (htools' `runAllocation`).
    static func runAllocation(_ options: HToolsOptions, stopAllocation: Bool, start: AllocationProgress, spec: ResourceSpec,
                              mode: HspaceReport.Mode, template: DiskTemplate,
                              _ allocate: () -> Result<AllocationProgress, AllocationError>) -> PhaseResult {
        let result: PhaseResult
        if stopAllocation {
            result = PhaseResult(reasons: [(.n1, 1)], cluster: start.cluster, allocated: [])
        } else {
            switch allocate() {
            case .failure(let e):
                if e.uncaught { ClusterLoading.dieUncaught(e.message, tool: .hspace) }
                Console.fail("failure during allocation: " + e.message)
            case .success(let p):
                result = PhaseResult(reasons: p.failuresAreEmpty ? [] : p.failures.sortedByCount,
                                     cluster: p.cluster, allocated: p.allocated)
            }
        }
        let description = mode.name + " allocation"
        Console.out(HspaceReport.spec(machineReadable: options.machineReadable, spec, mode, template: template,
                                      spindles: result.cluster.nodes.contains { $0.exclusiveStorage }))
        if options.verbosity > 1 {
            Console.err(description + " map\n" + HspaceReport.allocationMap(result.cluster, result.allocated))
        }
        printNodes(options, description, result.cluster)
        if let prefix = options.saveCluster {
            let path = prefix + "." + mode.name.lowercased()
            if let error = AtomicFile.write(TextSnapshotWriter.serialize(result.cluster), to: path) {
                ClusterLoading.dieUncaught(error, tool: .hspace)
            }
            Console.err("The cluster state after \(description.lowercased()) has been written to file '\(path)'\n")
        }
        return result
    }

    /// The standard allocation results (htools' `printResults`).
    static func printResults(_ machine: Bool, initial: Cluster, final: Cluster, instanceCount: Int, allocations: Int,
                             reasons: [(mode: FailMode, count: Int)]) {
        if machine {
            let fin = ClusterResources(final)
            if instanceCount + allocations != fin.instanceCount {
                Console.fail("internal inconsistency, allocated (\(instanceCount + allocations)) != counted (\(fin.instanceCount))\n")
            }
            guard let main = reasons.first else { Console.fail("Internal error, no failure reasons?!") }
            let usage = Double(instanceCount) / Double(instanceCount + allocations)
            Console.out(ShellKeys.render(HspaceReport.statistics("FIN", fin))
                + ShellKeys.render([("ALLOC_USAGE", HaskellNumberFormat.fixed(usage, decimals: 8)),
                                    ("ALLOC_INSTANCES", String(allocations)),
                                    ("ALLOC_FAIL_REASON", main.mode.htoolsName.uppercased())])
                + ShellKeys.render(reasons.map { ("ALLOC_\($0.mode.htoolsName)_CNT", String($0.count)) }))
            return
        }
        Console.out("Normal (fixed-size) allocation results:\n  - " + HaskellNumberFormat.integer(allocations, width: 3)
                    + " instances allocated\n")
        guard let rest = HspaceReport.failureAndScores(reasons, initial: initial, final: final) else {
            ClusterLoading.dieUncaught("Prelude.head: empty list", tool: .hspace)
        }
        Console.out(rest)
    }

    /// htools' `maybePrintNodes`.
    static func printNodes(_ options: HToolsOptions, _ message: String, _ cluster: Cluster) {
        guard let fields = options.printNodes else { return }
        Console.err("\n" + message + " status:\n" + NodeTable.render(cluster, fields: fields) + "\n")
    }

    static func resourceSpec(_ r: RequestedResourceSpec) -> ResourceSpec {
        ResourceSpec(cpu: r.cpu, memory: r.memory, disk: r.disk, spindles: r.spindles)
    }
}
