/// Identifies each command-line option htools 3.0 defines (including those of harep, hcheck and hscan).
public enum OptionKey: String, CaseIterable, Sendable {
    case printNodes, printInstances, printCommands, printMoves
    case dataFile, rapiMaster, luxi, iallocSource, simulate, saveCluster
    case evacMode, restrictedMigration, executeJobs, firstJobGroup, reason, priority, dryRun
    case group, maxLength, verbose, quiet, offlineNode, staticKvmNodeMemory
    case minScore, maxCpu, minDisk, minGain, minGainLimit
    case noDiskMoves, noInstanceMoves, selectInstances, excludeInstances, exclusionTags
    case ignoreSoftErrors, dynuFile, ignoreDynu
    case monD, monDDataFile, monDExitMissing, monDXen
    case diskTemplate, spindleUse, independentGroups, acceptExisting, noCapacityChecks
    case machineReadable, standardAlloc, tieredAlloc
    case offlineMaintenance, noHeaders, nodeTags, fullEvacuation, skipNonRedundant
    case ignoreNonRedundant, force, oneStepOnly, restrictAllocationTo
    case minimalResources, targetResources, jobDelay, noSimulation, outputDir
    case showVersion, showHelp, showCompletion
}
