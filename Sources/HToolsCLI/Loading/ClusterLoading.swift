import ClusterModel
import ClusterIO

/// Loads the cluster from the backend the options select, as htools' `loadExternalData` does,
/// printing htools' warnings and exiting with its messages on failure.
public enum ClusterLoading {
    /// Loads, assembles and reconciles the cluster; exits the process on error.
    public static func loadExternalData(_ options: HToolsOptions, tool: HTool) -> Cluster {
        let backends = [!options.rapiMaster.isEmpty, options.luxiSocket != nil, options.dataFile != nil].filter { $0 }
        if backends.count > 1 {
            Console.fail("Only one of the rapi, luxi, and data files options should be given.")
        }
        var utilisation: [(String, DynamicUtilisation)] = []
        if let path = options.dynuFile {
            let text = readOrDie(path, tool: tool)
            switch UtilisationText.parse(text) {
            case .success(let u): utilisation = u
            case .failure(let e): Console.fail("can't parse utilisation data: " + e.message)
            }
        }
        let parsed: Result<Cluster, ClusterLoadError>
        var hypervisor: String? = nil
        if !options.rapiMaster.isEmpty {
            switch RapiSource.load(options.rapiMaster, tool: tool) {
            case .success(let snapshot):
                hypervisor = snapshot.hypervisor
                parsed = .success(snapshot.cluster)
            case .failure(let e):
                parsed = .failure(e)
            }
        } else if options.luxiSocket != nil {
            parsed = .failure(ClusterLoadError("LUXI backend is not supported yet"))
        } else if !options.simulationSpecs.isEmpty {
            parsed = Result { () throws(ClusterLoadError) in try SimulationBackend.parse(options.simulationSpecs) }
        } else if let path = options.dataFile {
            switch TextFileReading.read(path) {
            case .failure(let e):
                if e.isDecodingError { dieUncaught(e.message, tool: tool) }
                parsed = .failure(ClusterLoadError(e.message))
            case .success(let text):
                parsed = Result { () throws(ClusterLoadError) in try TextSnapshotReader.parse(text) }
            }
        } else {
            parsed = .failure(ClusterLoadError("No backend selected! Exiting."))
        }
        var cluster: Cluster
        switch parsed {
        case .failure(let e): Console.fail("failed to load data, aborting: " + e.message)
        case .success(var raw):
            if options.ignoreDynu {
                for i in raw.instances.indices { raw.instances[i].utilisation = .zero }
            }
            let assembly = AssemblyOptions(
                utilisation: options.ignoreDynu ? [] : utilisation,
                exclusionTagPrefixes: (options.exclusionTags ?? []).map { $0 + ":" },
                selectedInstances: options.selectInstances, excludedInstances: options.excludeInstances)
            do {
                cluster = try assembleCluster(raw, options: assembly)
            } catch {
                switch error {
                case .unknownInstances(let names):
                    Console.fail("failed to load data, aborting: Unknown instance(s): " + HaskellShow.stringList(names))
                }
            }
        }
        if hypervisor == "kvm" && options.staticKvmNodeMemory > 0 {
            for i in cluster.nodes.indices { cluster.nodes[i].nodeMemory = options.staticKvmNodeMemory }
        }
        let warnings = reconcileNodeResources(&cluster)
        if options.verbosity != 0 { showWarnings(warnings) }
        return cluster
    }

    /// htools' `maybeShowWarnings`.
    public static func showWarnings(_ warnings: [String]) {
        guard !warnings.isEmpty else { return }
        Console.errLine("Warning: cluster has inconsistent data:")
        Console.errLine(warnings.map { "  - \($0)\n" }.joined())
    }

    /// Applies `-O`, `--min-disk` and `--max-cpu` to the nodes (htools' `setNodeStatus`); exits on unknown names.
    public static func applyNodeStatus(_ options: HToolsOptions, to cluster: inout Cluster) {
        let names = cluster.nodes.map(\.name)
        let lookups = options.offlineNodes.map { lookupName(names, $0) }
        let wrong = lookups.filter { !$0.isGood }
        if !wrong.isEmpty {
            Console.fail("wrong node name(s) set as offline: " + wrong.map(\.content).joined(separator: ",") + "\n")
        }
        let offline = Set(lookups.map(\.content))
        for i in cluster.nodes.indices {
            if let cpu = options.maxCpu { cluster.nodes[i].setMaxCpuRatio(cpu) }
            cluster.nodes[i].setMinDiskRatio(options.minDisk)
            if offline.contains(cluster.nodes[i].name) { cluster.nodes[i].offline = true }
        }
    }

    /// Reads a file or exits as an uncaught GHC exception would.
    static func readOrDie(_ path: String, tool: HTool) -> String {
        switch TextFileReading.read(path) {
        case .success(let t): return t
        case .failure(let e): dieUncaught(e.message, tool: tool)
        }
    }

    /// GHC's top-level exception handler: `PROG: MESSAGE`, exit 1.
    public static func dieUncaught(_ message: String, tool: HTool) -> Never {
        Console.flushOutput()
        Console.errLine("\(tool.programName): \(message)")
        Console.exit(1)
    }
}
