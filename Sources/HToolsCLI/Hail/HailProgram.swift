import ClusterModel
import ClusterIO

/// The hail program: reads an iallocator request, answers it on standard output
/// (htools' `Hail.main`), with `-p`, `-S` and `-v` reporting on standard error.
public enum HailProgram {
    /// Runs hail with already parsed options and positional arguments; never returns.
    public static func run(options: HToolsOptions, positional: [String]) -> Never {
        let path: String
        switch hailInputFile(positional) {
        case .failure(let exit): emitAndExit(exit)
        case .success(let p): path = p
        }
        var request = HailRequestReading.read(path, staticKvmNodeMemory: options.staticKvmNodeMemory)
        if options.dataFile != nil || !options.simulationSpecs.isEmpty {
            request = request.replacingCluster(ClusterLoading.loadExternalData(options, tool: .hail))
        }
        if options.verbosity > 1 { Console.errLine("Received request: " + HailDebugText.request(request)) }
        if options.verbosity > 2 { Console.errLine("Received cluster data: " + HailDebugText.cluster(request.cluster, nics: request.instanceNICs)) }
        let dedicated = request.kind.allocationGroup.map { DedicatedAllocation.isDedicated(request.cluster, groupName: $0) } ?? false
        if options.verbosity > 1 && dedicated {
            Console.errLine("Allocation on a dedicated cluster; using lost-allocations metrics.")
        }
        printNodes(options, "Initial cluster", request.cluster)
        save(options, "pre-ialloc", "before iallocator run", request.cluster)
        if let key = HailMissingKeys.firstMissingInstance(request.kind, in: request.cluster) {
            HailMissingKeys.die(key: key)
        }
        let outcome = dedicated
            ? HailAllocation.runDedicated(request, options: options)
            : HailProcessing.run(request, options: options)
        Console.outLine(outcome.response)
        let final = outcome.cluster ?? request.cluster
        printNodes(options, "Final cluster", final, only: outcome.visibleNodes)
        if let visible = outcome.visibleNodes {
            HailPartialSave.save(options, final, visible: visible)
        }
        save(options, "post-ialloc", "after iallocator run", final)
        Console.exit(0)
    }

    /// htools' `maybePrintNodes`.
    static func printNodes(_ options: HToolsOptions, _ title: String, _ cluster: Cluster, only: [NodeIndex]? = nil) {
        guard let fields = options.printNodes else { return }
        Console.errLine("")
        Console.errLine(title + " status:")
        Console.errLine(NodeTable.render(cluster, fields: fields, nodes: only))
    }

    /// htools' `maybeSaveData`: the text snapshot to `PATH.EXT`, with a note on standard error.
    static func save(_ options: HToolsOptions, _ ext: String, _ what: String, _ cluster: Cluster) {
        guard let prefix = options.saveCluster else { return }
        let path = prefix + "." + ext
        if let error = AtomicFile.write(TextSnapshotWriter.serialize(cluster), to: path) {
            ClusterLoading.dieUncaught(error, tool: .hail)
        }
        Console.errLine("The cluster state \(what) has been written to file '\(path)'")
    }
}
