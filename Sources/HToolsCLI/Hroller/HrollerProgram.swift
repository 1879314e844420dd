#if canImport(Glibc)
import Glibc
#endif
import ClusterModel
import ClusterIO

/// The hroller program: plans groups of nodes that can be rebooted together (htools' `Hroller.main`).
public enum HrollerProgram {
    /// Runs hroller with parsed options; never returns.
    public static func run(_ options: HToolsOptions) -> Never {
        let verbose = options.verbosity
        let loaded = ClusterLoading.loadExternalData(options, tool: .hroller)
        let masters = loaded.nodes.filter(\.isMaster).map(\.name)
        switch masters.count {
        case 0:
            let message = "No master node found (maybe not supported by backend)."
            if options.force { Console.errLine("Warning: " + message) } else { Console.fail(message) }
        case 1: break
        default: Console.fail("Found more than one master node: " + HaskellShow.stringList(masters))
        }
        var cluster = loaded
        ClusterLoading.applyNodeStatus(options, to: &cluster)
        ProgramFiles.saveState(options.saveCluster, "original", "before hroller run", loaded, tool: .hroller)

        var wantedGroup: GroupIndex? = nil
        if let name = options.group {
            let matches = cluster.groups.filter { $0.name == name || $0.uuid == name }
            guard matches.count == 1, let group = matches.first else { Console.fail("Cannot find target group.") }
            wantedGroup = group.index
        }
        let initial = RollingConfiguration(nodes: cluster.nodes, instances: cluster.instances)
        let candidates = cluster.nodes.filter { node in
            !node.offline
                && (!options.skipNonRedundant || initial.nonRedundantCount(of: node.index.value) == 0)
                && (options.nodeTags.map { tags in node.tags.contains(where: tags.contains) } ?? true)
                && (wantedGroup.map { node.group == $0 } ?? true)
        }.map(\.index)
        let graph = options.offlineMaintenance
            ? NodeGraph.offlineMaintenance(cluster, candidates: candidates)
            : NodeGraph.rollingReboot(cluster, candidates: candidates)
        guard let graph else { Console.fail("Cannot create node graph") }
        if verbose > 2 { Console.outLine("Node Graph: " + HrollerText.graph(graph)) }

        let colourings = RebootPlanner.colourings(graph)
        let targets = cluster.nodes.filter { !$0.offline }.map(\.index.value)
        var plannerOptions = RebootPlanner.Options()
        plannerOptions.ignoreNonRedundant = options.ignoreNonRedundant
        plannerOptions.fullEvacuation = options.fullEvacuation
        let groups: [RebootPlanner.Group]
        switch RebootPlanner.plan(RebootPlanner.smallest(colourings), initial: initial, targets: targets,
                                  options: plannerOptions) {
        case .success(let g): groups = g
        case .failure(.nonRedundantCapacity): Console.fail("Not enough capacity to move non-redundant instances")
        case .failure(.migrationFailed): Console.fail("Failed to migrate instances off nodes")
        case .failure(.secondaryCapacity): Console.fail("Not enough capacity to move secondaries")
        case .failure(.missingNode(let key)):
            fflush(stdout)  // GHC's top-level handler flushes standard output before reporting the crash
            HaskellRuntime.dieMissingIntMapKey(key, tool: .hroller)
        }
        let presented = RebootPlanner.present(groups, candidates: Set(candidates), initial: initial,
                                              isMaster: { cluster.nodes[$0.value].isMaster })
        if verbose > 1 { Console.outLine(HrollerText.statistics(colourings)) }

        func show(_ group: RebootPlanner.PresentedGroup) {
            let names = group.nodes.map { cluster.nodes[$0.value].name }
            if options.oneStepOnly {
                for n in names { Console.outLine(n) }
            } else {
                Console.outLine(names.joined(separator: ","))
            }
            if options.printMoves { for m in group.moves { Console.outLine(HrollerText.move(m)) } }
        }
        if options.oneStepOnly {
            if !options.noHeaders { Console.outLine("'First Reboot Group'") }
            if let first = presented.first { show(first) }
        } else {
            if !options.noHeaders { Console.outLine("'Node Reboot Groups'") }
            presented.forEach(show)
        }
        Console.exit(0)
    }
}
