import ClusterModel
import ClusterIO

/// The hbal program: load, check, balance step by step, print and save the plan (htools' `Hbal.main`).
public enum HbalProgram {
    /// Runs hbal with parsed options; never returns.
    public static func run(_ options: HToolsOptions, threads: Int) -> Never {
        let verbose = options.verbosity
        let loaded = ClusterLoading.loadExternalData(options, tool: .hbal)
        if verbose > 1 {
            Console.outLine("Loaded cluster tags: " + loaded.tags.joined(separator: ","))
            Console.outLine("Loaded cluster ipolicy: " + PolicyDescription.show(loaded.policy))
        }
        var cluster = loaded
        ClusterLoading.applyNodeStatus(options, to: &cluster)
        checkCluster(cluster, verbose: verbose)
        ProgramFiles.saveState(options.saveCluster, "original", "before balancing", loaded, tool: .hbal)

        let (groupName, memberNodes, memberInstances) = GroupSelection.select(cluster, requested: options.group)
        checkGroup(cluster, name: groupName, nodes: memberNodes, instances: memberInstances, options: options)
        if options.printInstances {
            Console.errLine(""); Console.errLine("Initial instance map:")
            if let (partial, key) = InstanceTable.partialRenderBeforeMissingNode(cluster, instances: memberInstances,
                                                                                   visible: memberNodes) {
                Console.err(partial)
                HaskellRuntime.dieMissingIntMapKey(key, tool: .hbal)
            }
            Console.err(InstanceTable.render(cluster, instances: memberInstances))
        }
        if let fields = options.printNodes {
            Console.errLine(""); Console.errLine("Initial cluster status:")
            Console.errLine(NodeTable.render(cluster, fields: fields, nodes: memberNodes))
        }
        let memberNodeValues = memberNodes.map { cluster.nodes[$0.value] }
        let stats = ClusterStatistics(nodes: memberNodeValues)
        let initialScore = stats.score
        let optimal = optimalScore(of: memberNodeValues)
        if verbose > 2 {
            Console.out("Initial coefficients: overall \(ScoreReport.score(initialScore))\n" + ScoreReport.render(prefix: "  ", stats))
        } else {
            Console.outLine("Initial score: " + ScoreReport.score(initialScore))
        }
        if initialScore - optimal < options.minScore {
            typealias F = HaskellNumberFormat
            Console.out("Cluster is already well balanced (initial score \(F.generic(initialScore, decimals: 6)),\n"
                        + "optimum score due to N+1 reservations \(F.generic(optimal, decimals: 6)),\n"
                        + "minimum score \(F.generic(options.minScore, decimals: 6))).\nNothing to do, exiting\n")
            Console.exit(0)
        }
        Console.outLine("Trying to minimize the CV...")
        let instanceWidth = memberInstances.map { cluster.instances[$0.value].alias.unicodeScalars.count }.max() ?? 0
        let nodeWidth = memberNodes.map { cluster.nodes[$0.value].alias.unicodeScalars.count }.max() ?? 0

        var balanceOptions = BalanceOptions()
        balanceOptions.diskMoves = options.diskMoves
        balanceOptions.instanceMoves = options.instanceMoves
        balanceOptions.restrictedMigration = options.restrictedMigration
        balanceOptions.ignoreSoftErrors = options.ignoreSoftErrors
        balanceOptions.evacuationMode = options.evacMode
        balanceOptions.minGain = options.minGain
        balanceOptions.minGainLimit = options.minGainLimit
        balanceOptions.threads = threads

        var table = BalanceTable(cluster: cluster, memberNodes: memberNodes, memberInstances: memberInstances)
        var balancer = Balancer(table: table, options: balanceOptions)
        var jobsNewestFirst: [MoveJob] = []
        let stopScore = optimal + options.minScore
        while Balancer.mayContinue(table, maxRounds: options.maxLength, minScore: stopScore),
              let before = balancer.advance(&table) {
            guard let placement = table.placements.last else { break }
            let (line, commands) = SolutionText.line(table.cluster, moved: before, placement: placement,
                                                     position: table.placements.count,
                                                     nodeNameWidth: nodeWidth, instanceNameWidth: instanceWidth)
            let nodes = JobSets.involvedNodes(instance: before, placement: placement)
            jobsNewestFirst.insert(MoveJob(nodes: nodes, instance: placement.instance, move: placement.move, commands: commands), at: 0)
            Console.outLine(line)
        }
        let final = table
        if final.placements.isEmpty {
            Console.out("No solution found\n")
        } else if verbose > 2 {
            let finalStats = ClusterStatistics(nodes: memberNodes.map { final.cluster.nodes[$0.value] })
            Console.out("Final coefficients:   overall \(ScoreReport.score(final.score))\n" + ScoreReport.render(prefix: "  ", finalStats))
        } else {
            Console.out("Cluster score improved from \(ScoreReport.score(initialScore)) to \(ScoreReport.score(final.score))\n")
        }
        if verbose >= 1 { Console.outLine("Solution length=\(final.placements.count)") }

        var jobSets = JobSets.split(jobsNewestFirst)
        if options.firstJobGroup { jobSets = Array(jobSets.prefix(1)) }
        ProgramFiles.saveCommands(options.showCommands,
                                  title: options.firstJobGroup ? "First set of jobs:" : "Commands to run to reach the above solution:",
                                  SolutionText.commands(jobSets), tool: .hbal)
        ProgramFiles.saveState(options.saveCluster, "balanced", "after balancing", final.cluster, tool: .hbal,
                               nodes: memberNodes, instances: memberInstances)
        if options.printInstances {
            Console.errLine(""); Console.errLine("Final instance map:")
            Console.err(InstanceTable.render(final.cluster, instances: memberInstances))
        }
        if let fields = options.printNodes {
            Console.errLine(""); Console.errLine("Final cluster status:")
            Console.errLine(NodeTable.render(final.cluster, fields: fields, nodes: memberNodes))
        }
        if verbose > 3 {
            let ini = memberNodes.map { cluster.nodes[$0.value] }, fin = memberNodes.map { final.cluster.nodes[$0.value] }
            Console.out("Original: mem=\(ini.reduce(0) { $0 &+ $1.unallocatedMemory }) disk=\(ini.reduce(0) { $0 &+ $1.freeDisk })\n")
            Console.out("Final:    mem=\(fin.reduce(0) { $0 &+ $1.unallocatedMemory }) disk=\(fin.reduce(0) { $0 &+ $1.freeDisk })\n")
        }
        if options.executeJobs && !final.placements.isEmpty {
            if options.luxiSocket == nil { Console.fail("hbal: Execution of commands possible only on LUXI") }
            Console.fail("hbal: Execution of commands over LUXI is not supported by this implementation")
        }
        Console.exit(0)
    }

    /// htools' `checkCluster`: empty cluster, split instances, counts, common suffix.
    static func checkCluster(_ c: Cluster, verbose: Int) {
        if c.instances.isEmpty {
            Console.out("Cluster is empty, exiting.\n")
            Console.exit(0)
        }
        let split = c.splitInstances()
        if !split.isEmpty && verbose > 1 {
            Console.errLine("Found instances belonging to multiple node groups:")
            for i in split { Console.errLine("  " + c.instances[i.value].name) }
            Console.errLine("These instances will not be moved.")
        }
        Console.out("Loaded \(c.nodes.count) nodes, \(c.instances.count) instances\n")
        let suffix = c.commonSuffix
        if !suffix.isEmpty && verbose > 1 { Console.out("Note: Stripping common suffix of '\(suffix)' from names\n") }
    }

    /// htools' `checkGroup`: sizes, N+1 and policy status of the selected group.
    static func checkGroup(_ c: Cluster, name: String, nodes: [NodeIndex], instances: [InstanceIndex], options: HToolsOptions) {
        let verbose = options.verbosity
        Console.out("Group size \(nodes.count) nodes, \(instances.count) instances\n")
        Console.outLine("Selected node group: " + name)
        let bad = c.badItems(among: nodes)
        if verbose >= 1 {
            Console.out("Initial check done: \(bad.nodes.count) bad nodes, \(bad.instances.count) bad instances.\n")
        }
        let others = nodes.filter { !bad.nodes.contains($0) }
        let health = others.map { (c.nodes[$0.value].name, policyHealth(c.nodes[$0.value])) }
        if verbose > 4 {
            Console.out("Bad nodes: " + HaskellShow.stringList(bad.nodes.map { c.nodes[$0.value].name }) + "\n")
            Console.out("N+1 happy nodes: " + HaskellShow.stringList(others.map { c.nodes[$0.value].name }) + "\n")
            let shown = health.map { "(" + HaskellShow.string($0.0) + "," + ($0.1.map { "Bad " + $0.htoolsName } ?? "Ok ()") + ")" }
            Console.out("Node policy status: [" + shown.joined(separator: ",") + "]\n")
        }
        if !bad.nodes.isEmpty {
            Console.outLine("Cluster is not N+1 happy, continuing but no guarantee that the cluster will end N+1 happy.")
        }
        let violating = health.filter { $0.1 != nil }.count
        if violating > 0 {
            Console.out("The cluster contains \(violating) policy-violating nodes.\n")
            Console.outLine(options.ignoreSoftErrors ? "Continuing, ignoring soft errors."
                : "Continuing, but the set of moves might be too restricted; consider using the --ignore-soft-errors option.")
        }
    }

    /// htools' `getPolicyHealth`: spindle then CPU limits.
    static func policyHealth(_ n: Node) -> FailMode? {
        if n.instanceSpindles > n.highSpindles { return .disk }
        if n.cpuRatio > n.policy.vcpuRatio { return .cpu }
        return nil
    }
}
