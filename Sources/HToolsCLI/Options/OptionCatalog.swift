/// The root-relative path of the default Luxi query socket.
let luxiQuerySocketRelativePath = "/var/run/ganeti/socket/ganeti-query"

/// The default Luxi socket, prefixed by `GANETI_ROOTDIR` from `environment` as htools does.
public func defaultLuxiSocketPath(environment: [String: String]) -> String {
    (environment["GANETI_ROOTDIR"] ?? "") + luxiQuerySocketRelativePath
}

/// The htools descriptor (names, argument, help, completion) of one option.
public func optionDescriptor(for key: OptionKey, defaultLuxiSocket: String) -> OptionDescriptor {
    func make(_ shorts: String, _ long: String, _ argument: OptionArgumentKind,
              _ help: String, _ completion: OptionCompletion) -> OptionDescriptor {
        OptionDescriptor(key: key, shortNames: Array(shorts), longNames: [long],
                         argument: argument, help: help, completion: completion)
    }
    let yesNo = OptionCompletion.choices(["yes", "no"])
    switch key {
    case .dataFile:
        return make("t", "text-data", .required("FILE"), "the cluster data FILE", .file)
    case .noDiskMoves:
        return make("", "no-disk-moves", .none,
                    "disallow disk moves from the list of allowed instance changes,"
                        + " thus allowing only the 'cheap' failover/migrate operations", .none)
    case .monD:
        return make("", "mond", .optional("CHOICE"), "pass either 'yes' or 'no' to query all monDs", yesNo)
    case .monDDataFile:
        return make("", "mond-data", .required("FILE"),
                    "Import data provided by MonDs from the given FILE", .file)
    case .monDXen:
        return make("", "mond-xen", .none, "also consider xen-specific collectors in MonD queries", .none)
    case .monDExitMissing:
        return make("", "exit-on-missing-mond-data", .none,
                    "abort if the data available from the monitoring daemons is incomplete", .none)
    case .diskTemplate:
        return make("", "disk-template", .required("TEMPLATE"), "select the desired disk template",
                    .choices(DiskTemplateName.allCases.map(\.rawValue)))
    case .spindleUse:
        return make("", "spindle-use", .required("SPINDLES"),
                    "select how many virtual spindle instances use [default read from cluster]", .float)
    case .selectInstances:
        return make("", "select-instances", .required("INSTS"),
                    "only select given instances for any moves", .manyInstances)
    case .noInstanceMoves:
        return make("", "no-instance-moves", .none,
                    "disallow instance (primary node) moves from the list of allowed,"
                        + " instance changes, thus allowing only slower, but sometimes"
                        + " safer, drbd secondary changes", .none)
    case .dynuFile:
        return make("U", "dynu-file", .required("FILE"),
                    "Import dynamic utilisation data from the given FILE", .file)
    case .ignoreDynu:
        return make("", "ignore-dynu", .none, "Ignore any dynamic utilisation information", .none)
    case .ignoreSoftErrors:
        return make("", "ignore-soft-errors", .none, "Ignore any soft restrictions in balancing", .none)
    case .independentGroups:
        return make("", "independent-groups", .none, "Consider groups independently", .none)
    case .acceptExisting:
        return make("", "accept-existing-errors", .none,
                    "Accept existing N+1 violations; just don't add new ones", .none)
    case .evacMode:
        return make("E", "evac-mode", .none,
                    "enable evacuation mode, where the algorithm only moves"
                        + " instances away from offline and drained nodes", .none)
    case .restrictedMigration:
        return make("", "restricted-migration", .none,
                    "disallow replace-primary moves (aka frf-moves); in evacuation mode, this"
                        + " will ensure that the only migrations are off the drained nodes", .none)
    case .excludeInstances:
        return make("", "exclude-instances", .required("INSTS"),
                    "exclude given instances from any moves", .manyInstances)
    case .exclusionTags:
        return make("", "exclusion-tags", .required("TAG,..."),
                    "Enable instance exclusion based on given tag prefix", .string)
    case .executeJobs:
        return make("X", "exec", .none,
                    "execute the suggested moves via Luxi (only available when using"
                        + " it for data gathering)", .none)
    case .dryRun:
        return make("", "dry-run", .none,
                    "do not execute any commands and just report what would be done", .none)
    case .reason:
        return make("", "reason", .required("REASON"), "The reason to pass to the submitted jobs", .none)
    case .firstJobGroup:
        return make("", "first-job-group", .none, "only execute the first group of jobs", .none)
    case .force:
        return make("f", "force", .none,
                    "force the execution of this program, even if warnings would"
                        + " otherwise prevent it", .none)
    case .fullEvacuation:
        return make("", "full-evacuation", .none, "fully evacuate the nodes to be rebooted", .none)
    case .group:
        return make("G", "group", .required("ID"), "the target node group (name or UUID)", .oneGroup)
    case .iallocSource:
        return make("I", "ialloc-src", .required("FILE"),
                    "Specify an iallocator spec as the cluster data source", .file)
    case .ignoreNonRedundant:
        return make("", "ignore-non-redundant", .none,
                    "Pretend that there are no non-redundant instances in the cluster", .none)
    case .jobDelay:
        return make("", "job-delay", .required("SECONDS"),
                    "insert this much delay before the execution of repair jobs"
                        + " to allow the tool to continue processing instances", .float)
    case .luxi:
        return make("L", "luxi", .optional("SOCKET"),
                    "collect data via Luxi, optionally using the given SOCKET path ["
                        + defaultLuxiSocket + "]", .file)
    case .machineReadable:
        return make("", "machine-readable", .optional("CHOICE"),
                    "enable machine readable output (pass either 'yes' or 'no' to"
                        + " explicitly control the flag, or without an argument defaults to"
                        + " yes)", yesNo)
    case .maxCpu:
        return make("", "max-cpu", .required("RATIO"),
                    "maximum virtual-to-physical cpu ratio for nodes (from 0"
                        + " upwards) [default read from cluster]", .float)
    case .maxLength:
        return make("l", "max-length", .required("N"),
                    "cap the solution at this many balancing or allocation"
                        + " rounds (useful for very unbalanced clusters or empty"
                        + " clusters)", .integer)
    case .minDisk:
        return make("", "min-disk", .required("RATIO"),
                    "minimum free disk space for nodes (between 0 and 1) [0]", .float)
    case .minGain:
        return make("g", "min-gain", .required("DELTA"),
                    "minimum gain to aim for in a balancing step before giving up", .float)
    case .minGainLimit:
        return make("", "min-gain-limit", .required("SCORE"),
                    "minimum cluster score for which we start checking the min-gain", .float)
    case .minimalResources:
        return make("", "minimal-resources", .required("FACTOR"),
                    "minimal resources to be present on each in multiples of"
                        + " the standard allocation for not onlining standby nodes", .float)
    case .minScore:
        return make("e", "min-score", .required("EPSILON"),
                    "mininum excess to the N+1 limit to aim for", .float)
    case .noHeaders:
        return make("", "no-headers", .none, "do not show a header line", .none)
    case .noSimulation:
        return make("", "no-simulation", .none, "do not perform rebalancing simulation", .none)
    case .simulate:
        return make("", "simulate", .required("SPEC"),
                    "simulate an empty cluster, given as 'alloc_policy,num_nodes,disk,ram,cpu'", .string)
    case .nodeTags:
        return make("", "node-tags", .required("TAG,..."), "Restrict to nodes with the given tags", .string)
    case .offlineMaintenance:
        return make("", "offline-maintenance", .none,
                    "Schedule offline maintenance, i.e., pretend that all instance are offline.", .none)
    case .offlineNode:
        return make("O", "offline", .required("NODE"), "set node as offline", .oneNode)
    case .restrictAllocationTo:
        return make("", "restrict-allocation-to", .required("NODE,..."),
                    "Restrict allocations to the given set of nodes", .manyNodes)
    case .oneStepOnly:
        return make("", "one-step-only", .none, "Only do the first step", .none)
    case .outputDir:
        return make("d", "output-dir", .required("PATH"), "directory in which to write output files", .dir)
    case .printCommands:
        return make("C", "print-commands", .optional("FILE"),
                    "print the ganeti command list for reaching the solution,"
                        + " if an argument is passed then write the commands to a"
                        + " file named as such", .none)
    case .printInstances:
        return make("", "print-instances", .none, "print the final instance map", .none)
    case .printMoves:
        return make("", "print-moves", .none, "print the moves of the instances", .none)
    case .printNodes:
        return make("p", "print-nodes", .optional("FIELDS"), "print the final node list", .none)
    case .quiet:
        return make("q", "quiet", .none, "decrease the verbosity level", .none)
    case .rapiMaster:
        return make("m", "master", .required("ADDRESS"), "collect data via RAPI at the given ADDRESS", .host)
    case .saveCluster:
        return make("S", "save", .required("FILE"),
                    "Save cluster state at the end of the processing to FILE", .none)
    case .skipNonRedundant:
        return make("", "skip-non-redundant", .none, "Skip nodes that host a non-redundant instance", .none)
    case .staticKvmNodeMemory:
        return make("", "static-kvm-node-memory", .required("N"),
                    "use static node memory [in MB] on KVM instead of value reported by "
                        + "hypervisor. Use 0 to take value reported from hypervisor.", .integer)
    case .standardAlloc:
        return make("", "standard-alloc", .required("STDSPEC"),
                    "enable standard specs allocation, given as 'disk,ram,cpu'", .string)
    case .targetResources:
        return make("", "target-resources", .required("FACTOR"),
                    "target resources to be left on each node after squeezing in"
                        + " multiples of the standard allocation", .float)
    case .tieredAlloc:
        return make("", "tiered-alloc", .required("TSPEC"),
                    "enable tiered specs allocation, given as 'disk,ram,cpu'", .string)
    case .verbose:
        return make("v", "verbose", .none, "increase the verbosity level", .none)
    case .priority:
        return make("", "priority", .required("PRIO"), "set the priority of submitted jobs",
                    .choices(SubmitPriority.allCases.map(\.rawValue)))
    case .noCapacityChecks:
        return make("", "no-capacity-checks", .none,
                    "disable capacity checks (like global N+1 redundancy)", .none)
    case .showVersion:
        return make("V", "version", .none, "show the version of the program", .none)
    case .showHelp:
        return make("h", "help", .none, "show help", .none)
    case .showCompletion:
        return make("", "help-completion", .none, "show completion info", .none)
    }
}
