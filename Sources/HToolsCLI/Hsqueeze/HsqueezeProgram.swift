import ClusterModel
import ClusterIO

/// The hsqueeze program: powers nodes off while spare capacity allows, or standby nodes on when
/// capacity runs short (htools' `Hsqueeze.main`).
public enum HsqueezeProgram {
    /// Runs hsqueeze with parsed options; never returns.
    public static func run(_ options: HToolsOptions, threads: Int) -> Never {
        let verbose = options.verbosity
        let cluster = ClusterLoading.loadExternalData(options, tool: .hsqueeze)
        ProgramFiles.saveState(options.saveCluster, "original", "before hsqueeze run", cluster, tool: .hsqueeze)

        let standard = cluster.policy.standardSpec
        let target = SqueezePlanner.probeInstance(standard, factor: options.targetResources)
        let minimal = SqueezePlanner.probeInstance(standard, factor: options.minResources)
        let offlineCandidates = SqueezePlanner.offlineCandidates(cluster)
        let onlineCandidates = SqueezePlanner.onlineCandidates(cluster)
        func names(_ nodes: [NodeIndex]) -> [String] { nodes.map { cluster.nodes[$0.value].name } }
        if verbose > 1 {
            Console.outLine("Offline candidates: " + names(offlineCandidates).joined(separator: ","))
            Console.outLine("Online candidates: " + names(onlineCandidates).joined(separator: ","))
        }

        if !SqueezePlanner.everyNodeFits(minimal, in: cluster) {
            let found = SqueezePlanner.nodesToOnline(onlineCandidates, in: cluster, keeping: minimal, threads: threads)
            let nodes = found ?? onlineCandidates
            let (final, steps) = SqueezeBalancing.settingOffline(false, nodes, in: cluster, threads: threads)
            if !options.noHeaders { Console.outLine("'Nodes to online'") }
            names(nodes).forEach(Console.outLine)
            if verbose > 1 && found == nil { Console.outLine("Onlining all nodes will not yield enough capacity") }
            ProgramFiles.saveCommands(options.showCommands, title: "Commands to run:",
                                      SqueezeCommands.online(nodes, steps: steps, after: final), tool: .hsqueeze)
            failIfExecutionRequested(options)
            ProgramFiles.saveState(options.saveCluster, "squeezed", "after hsqueeze expansion", final, tool: .hsqueeze)
            Console.exit(0)
        }
        let nodes = SqueezePlanner.nodesToOffline(offlineCandidates, in: cluster, keeping: target, threads: threads)
        if nodes.isEmpty {
            if !options.noHeaders { Console.outLine("'No action'") }
            ProgramFiles.saveCommands(options.showCommands, title: "Commands to run:", "echo Nothing to do", tool: .hsqueeze)
            ProgramFiles.saveState(options.saveCluster, "squeezed", "after hsqueeze doing nothing", cluster, tool: .hsqueeze)
            Console.exit(0)
        }
        let (final, steps) = SqueezeBalancing.settingOffline(true, nodes, in: cluster, threads: threads)
        if !options.noHeaders { Console.outLine("'Nodes to offline'") }
        names(nodes).forEach(Console.outLine)
        ProgramFiles.saveCommands(options.showCommands, title: "Commands to run:",
                                  SqueezeCommands.offline(nodes, steps: steps, after: final), tool: .hsqueeze)
        failIfExecutionRequested(options)
        ProgramFiles.saveState(options.saveCluster, "squeezed", "after hsqueeze run", final, tool: .hsqueeze)
        Console.exit(0)
    }

    /// `-X`: htools submits jobs over LUXI only; this implementation cannot submit jobs at all.
    static func failIfExecutionRequested(_ options: HToolsOptions) {
        guard options.executeJobs else { return }
        if options.luxiSocket == nil { Console.fail("hsqueeze: Execution of commands possible only on LUXI") }
        Console.fail("hsqueeze: Execution of commands over LUXI is not supported by this implementation")
    }
}
