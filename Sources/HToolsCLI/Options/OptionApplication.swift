import ClusterIO

extension HToolsOptions {
    /// Records one parsed option occurrence the way htools does, converting and validating its value.
    /// `value` is nil for flags and for optional arguments that were not given.
    public mutating func apply(_ key: OptionKey, value: String?, defaultLuxiSocket: String) throws {
        let text = value ?? ""
        switch key {
        case .dataFile: dataFile = text
        case .noDiskMoves: diskMoves = false
        case .noInstanceMoves: instanceMoves = false
        case .monD: monD = try OptionValueParsing.parseYesNo(defaultValue: true, value).get()
        case .monDDataFile: monDDataFile = text
        case .monDXen: monDXen = true
        case .monDExitMissing: monDExitMissing = true
        case .diskTemplate: diskTemplate = try OptionValueParsing.parseDiskTemplate(text).get()
        case .spindleUse:
            let spindles = try HaskellRead.tryReadInt("parsing spindle-use", text).get()
            guard spindles >= 0 else {
                throw OptionValueError("Invalid value of the spindle-use (expected >= 0)")
            }
            spindleUse = spindles
        case .selectInstances: selectInstances = OptionValueParsing.separatorSplit(text)
        case .excludeInstances: excludeInstances = OptionValueParsing.separatorSplit(text)
        case .exclusionTags: exclusionTags = OptionValueParsing.separatorSplit(text)
        case .dynuFile: dynuFile = text
        case .ignoreDynu: ignoreDynu = true
        case .ignoreSoftErrors: ignoreSoftErrors = true
        case .independentGroups: independentGroups = true
        case .acceptExisting: acceptExisting = true
        case .evacMode: evacMode = true
        case .restrictedMigration: restrictedMigration = true
        case .executeJobs: executeJobs = true
        case .dryRun: dryRun = true
        case .reason: reason = text
        case .firstJobGroup: firstJobGroup = true
        case .force: force = true
        case .fullEvacuation: fullEvacuation = true
        case .group: group = text
        case .iallocSource: iallocSource = text
        case .ignoreNonRedundant: ignoreNonRedundant = true
        case .jobDelay: jobDelay = try HaskellRead.tryReadDouble("job delay", text).get()
        case .luxi: luxiSocket = value ?? defaultLuxiSocket
        case .machineReadable:
            machineReadable = try OptionValueParsing.parseYesNo(defaultValue: true, value).get()
        case .maxCpu:
            let ratio = try HaskellRead.tryReadDouble("parsing max-cpu", text).get()
            if ratio <= 0 { throw OptionValueError("Invalid value of the max-cpu ratio, expected >0") }
            maxCpu = ratio
        case .maxLength: maxLength = try HaskellRead.tryReadInt("max solution length", text).get()
        case .minDisk: minDisk = try HaskellRead.tryReadDouble("min free disk space", text).get()
        case .minGain: minGain = try HaskellRead.tryReadDouble("min gain", text).get()
        case .minGainLimit: minGainLimit = try HaskellRead.tryReadDouble("min gain limit", text).get()
        case .minimalResources: minResources = try HaskellRead.tryReadDouble("minimal resources", text).get()
        case .minScore: minScore = try HaskellRead.tryReadDouble("min score", text).get()
        case .noHeaders: noHeaders = true
        case .noSimulation: noSimulation = true
        case .simulate: simulationSpecs.insert(text, at: 0)
        case .nodeTags: nodeTags = OptionValueParsing.separatorSplit(text)
        case .offlineMaintenance: offlineMaintenance = true
        case .offlineNode: offlineNodes.insert(text, at: 0)
        case .restrictAllocationTo: restrictToNodes = OptionValueParsing.separatorSplit(text)
        case .oneStepOnly: oneStepOnly = true
        case .outputDir: outputDir = text
        case .printCommands: showCommands = value ?? "-"
        case .printInstances: printInstances = true
        case .printMoves: printMoves = true
        case .printNodes: printNodes = Self.printNodeFields(text)
        case .quiet: verbosity -= 1
        case .verbose: verbosity += 1
        case .rapiMaster: rapiMaster = text
        case .saveCluster: saveCluster = text
        case .skipNonRedundant: skipNonRedundant = true
        case .staticKvmNodeMemory:
            staticKvmNodeMemory = try HaskellRead.tryReadInt("static node memory", text).get()
        case .standardAlloc:
            standardSpec = try OptionValueParsing.parseInstanceSpec(kind: "standard", text).get()
        case .tieredAlloc:
            tieredSpec = try OptionValueParsing.parseInstanceSpec(kind: "tiered", text).get()
        case .targetResources: targetResources = try HaskellRead.tryReadDouble("target resources", text).get()
        case .priority: priority = try OptionValueParsing.parseSubmitPriority(text).get()
        case .noCapacityChecks: capacityChecks = false
        case .showVersion: showVersion = true
        case .showHelp: showHelp = true
        case .showCompletion: showCompletion = true
        }
    }

    /// The field list htools stores for `-p`: a "+" prefix becomes its own first element.
    static func printNodeFields(_ argument: String) -> [String] {
        if argument.unicodeScalars.first == "+" {
            let rest = HaskellLexer.scalarString(argument.unicodeScalars.dropFirst())
            return ["+"] + OptionValueParsing.separatorSplit(rest)
        }
        return OptionValueParsing.separatorSplit(argument)
    }
}
