/// The options every tool accepts after its own ones, in htools' order.
public let genericOptionKeys: [OptionKey] = [.showVersion, .showHelp, .showCompletion]

extension HTool {
    /// The tool's own options in the order htools lists them (generic options excluded).
    public var ownOptionKeys: [OptionKey] {
        switch self {
        case .hail:
            return [.printNodes, .saveCluster, .dataFile, .simulate, .verbose, .ignoreDynu,
                    .ignoreSoftErrors, .noCapacityChecks, .restrictAllocationTo, .monD, .monDXen,
                    .staticKvmNodeMemory]
        case .hbal:
            return [.printNodes, .printInstances, .printCommands, .dataFile, .evacMode,
                    .restrictedMigration, .rapiMaster, .luxi, .iallocSource, .executeJobs,
                    .firstJobGroup, .reason, .group, .maxLength, .verbose, .quiet, .offlineNode,
                    .staticKvmNodeMemory, .minScore, .maxCpu, .minDisk, .minGain, .minGainLimit,
                    .noDiskMoves, .selectInstances, .noInstanceMoves, .ignoreSoftErrors, .dynuFile,
                    .ignoreDynu, .monD, .monDDataFile, .monDExitMissing, .monDXen, .exclusionTags,
                    .excludeInstances, .saveCluster, .priority]
        case .hspace:
            return [.printNodes, .dataFile, .diskTemplate, .spindleUse, .simulate, .rapiMaster,
                    .luxi, .iallocSource, .verbose, .quiet, .independentGroups, .acceptExisting,
                    .offlineNode, .noCapacityChecks, .machineReadable, .maxCpu, .maxLength,
                    .minDisk, .standardAlloc, .tieredAlloc, .saveCluster, .staticKvmNodeMemory]
        case .hroller:
            return [.luxi, .rapiMaster, .dataFile, .iallocSource, .offlineNode, .offlineMaintenance,
                    .verbose, .quiet, .noHeaders, .nodeTags, .saveCluster, .group, .printMoves,
                    .fullEvacuation, .skipNonRedundant, .ignoreNonRedundant, .force, .oneStepOnly,
                    .staticKvmNodeMemory]
        case .hsqueeze:
            return [.luxi, .dataFile, .executeJobs, .minimalResources, .targetResources,
                    .saveCluster, .printCommands, .verbose, .noHeaders, .staticKvmNodeMemory]
        case .hinfo:
            return [.printNodes, .printInstances, .dataFile, .rapiMaster, .luxi, .iallocSource,
                    .verbose, .quiet, .offlineNode, .ignoreDynu, .monD, .monDDataFile,
                    .staticKvmNodeMemory]
        case .hscan:
            return [.printNodes, .outputDir, .luxi, .verbose, .noHeaders, .staticKvmNodeMemory]
        }
    }

    /// Every option the tool accepts, in the order of its `--help` text.
    public var optionKeys: [OptionKey] { ownOptionKeys + genericOptionKeys }

    /// The positional arguments the tool declares for `--help-completion`.
    public var argumentCompletions: [ArgumentCompletion] {
        switch self {
        case .hail:
            return [ArgumentCompletion(completion: .file, minimumCount: 1, maximumCount: 1)]
        case .hscan:
            return [ArgumentCompletion(completion: .host, minimumCount: 0, maximumCount: nil)]
        case .hbal, .hspace, .hroller, .hsqueeze, .hinfo:
            return []
        }
    }

    /// The tool's option descriptors, in `--help` order, with the given default Luxi socket.
    public func optionDescriptors(defaultLuxiSocket: String) -> [OptionDescriptor] {
        optionKeys.map { optionDescriptor(for: $0, defaultLuxiSocket: defaultLuxiSocket) }
    }
}
