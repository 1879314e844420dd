/// Every htools 3.0 command-line setting, with htools' defaults; one field per option.
public struct HToolsOptions: Equatable, Sendable {
    /// `-t/--text-data`: the cluster data file.
    public var dataFile: String? = nil
    /// Cleared by `--no-disk-moves`.
    public var diskMoves = true
    /// Cleared by `--no-instance-moves`.
    public var instanceMoves = true
    /// `--disk-template`.
    public var diskTemplate: DiskTemplateName? = nil
    /// `--spindle-use` (>= 0).
    public var spindleUse: Int? = nil
    /// `-U/--dynu-file`.
    public var dynuFile: String? = nil
    /// `--ignore-dynu`.
    public var ignoreDynu = false
    /// `--ignore-soft-errors`.
    public var ignoreSoftErrors = false
    /// `--independent-groups`.
    public var independentGroups = false
    /// `--accept-existing-errors`.
    public var acceptExisting = false
    /// `--mond[=yes|no]`.
    public var monD = false
    /// `--mond-data`.
    public var monDDataFile: String? = nil
    /// `--mond-xen`.
    public var monDXen = false
    /// `--exit-on-missing-mond-data`.
    public var monDExitMissing = false
    /// `-E/--evac-mode`.
    public var evacMode = false
    /// `--restricted-migration`.
    public var restrictedMigration = false
    /// `--exclude-instances` (comma-split; the last occurrence wins).
    public var excludeInstances: [String] = []
    /// `--exclusion-tags` (comma-split; the last occurrence wins).
    public var exclusionTags: [String]? = nil
    /// `-X/--exec`.
    public var executeJobs = false
    /// `--dry-run`.
    public var dryRun = false
    /// `--first-job-group`.
    public var firstJobGroup = false
    /// `-f/--force`.
    public var force = false
    /// `--full-evacuation`.
    public var fullEvacuation = false
    /// `-G/--group`: name or UUID.
    public var group: String? = nil
    /// `-I/--ialloc-src`.
    public var iallocSource: String? = nil
    /// `--ignore-non-redundant`.
    public var ignoreNonRedundant = false
    /// `--select-instances` (comma-split; the last occurrence wins).
    public var selectInstances: [String] = []
    /// `-L/--luxi`: the socket; the default socket path when given without argument.
    public var luxiSocket: String? = nil
    /// `--job-delay` in seconds.
    public var jobDelay: Double = 10
    /// `--machine-readable[=yes|no]`.
    public var machineReadable = false
    /// `-m/--master`: RAPI address, "" when not given.
    public var rapiMaster = ""
    /// `-l/--max-length`; -1 means unlimited.
    public var maxLength = -1
    /// `--max-cpu` (> 0).
    public var maxCpu: Double? = nil
    /// `--min-disk`.
    public var minDisk: Double = 0
    /// `-g/--min-gain`.
    public var minGain: Double = 1e-2
    /// `--min-gain-limit`.
    public var minGainLimit: Double = 1e-1
    /// `--minimal-resources`.
    public var minResources: Double = 2.0
    /// `-e/--min-score`.
    public var minScore: Double = 1e-9
    /// `--no-headers`.
    public var noHeaders = false
    /// `--no-simulation`.
    public var noSimulation = false
    /// `--simulate` specs in htools' order: the LAST one given comes FIRST (it becomes group-01).
    public var simulationSpecs: [String] = []
    /// `--node-tags` (comma-split; the last occurrence wins).
    public var nodeTags: [String]? = nil
    /// `-O/--offline` node names in htools' order: the LAST one given comes FIRST.
    public var offlineNodes: [String] = []
    /// `--restrict-allocation-to` (comma-split; the last occurrence wins).
    public var restrictToNodes: [String]? = nil
    /// `--offline-maintenance`.
    public var offlineMaintenance = false
    /// `--one-step-only`.
    public var oneStepOnly = false
    /// `-d/--output-dir`.
    public var outputDir = "."
    /// `--print-moves`.
    public var printMoves = false
    /// `--reason`.
    public var reason: String? = nil
    /// `-S/--save`.
    public var saveCluster: String? = nil
    /// `-C/--print-commands`: "-" means print to stdout (given without a file name).
    public var showCommands: String? = nil
    /// `-h/--help` was given.
    public var showHelp = false
    /// `--help-completion` was given.
    public var showCompletion = false
    /// `--print-instances`.
    public var printInstances = false
    /// `-p/--print-nodes`: nil when not given; `[]` for the default fields;
    /// a leading "+" element when the argument started with "+" (extend the defaults).
    public var printNodes: [String]? = nil
    /// `-V/--version` was given.
    public var showVersion = false
    /// `--skip-non-redundant`.
    public var skipNonRedundant = false
    /// `--static-kvm-node-memory` in MiB; 0 means use the hypervisor's value.
    public var staticKvmNodeMemory = 4096
    /// `--standard-alloc`.
    public var standardSpec: RequestedResourceSpec? = nil
    /// `--target-resources`.
    public var targetResources: Double = 2.0
    /// `--tiered-alloc`.
    public var tieredSpec: RequestedResourceSpec? = nil
    /// Verbosity: 1 by default, `-v` adds one, `-q` takes one away.
    public var verbosity = 1
    /// `--priority`.
    public var priority: SubmitPriority? = nil
    /// Cleared by `--no-capacity-checks`.
    public var capacityChecks = true

    /// The htools defaults.
    public init() {}

    /// Whether `--no-capacity-checks` was given.
    public var noCapacityChecks: Bool { !capacityChecks }
}
