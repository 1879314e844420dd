/// How per-node values of a score component are aggregated over the cluster.
public enum Aggregation: Sendable {
    /// Plain sum.
    case sum
    /// Population standard deviation.
    case standardDeviation
    /// Over a merged tag-pair count map: Σ(count − 1).
    case spread
}

/// The components of htools' cluster score, in htools' order, with names and weights.
public enum ScoreComponent: Int, CaseIterable, Sendable {
    case freeMemory, freeDisk, n1Count, reservedMemory, offlineAll, offlinePrimary, vcpuRatio
    case cpuLoad, memoryLoad, diskLoad, networkLoad, primaryTags, spindles
    case freeMemoryForth, freeDiskForth, vcpuRatioForth, spindlesForth
    case locationScore, locationExclusion, reservedMemoryTotal

    /// The name htools prints.
    public var name: String {
        switch self {
        case .freeMemory: return "free_mem_cv"
        case .freeDisk: return "free_disk_cv"
        case .n1Count: return "n1_cnt"
        case .reservedMemory: return "reserved_mem_cv"
        case .offlineAll: return "offline_all_cnt"
        case .offlinePrimary: return "offline_pri_cnt"
        case .vcpuRatio: return "vcpu_ratio_cv"
        case .cpuLoad: return "cpu_load_cv"
        case .memoryLoad: return "mem_load_cv"
        case .diskLoad: return "disk_load_cv"
        case .networkLoad: return "net_load_cv"
        case .primaryTags: return "pri_tags_score"
        case .spindles: return "spindles_cv"
        case .freeMemoryForth: return "free_mem_cv_forth"
        case .freeDiskForth: return "free_disk_cv_forth"
        case .vcpuRatioForth: return "vcpu_ratio_cv_forth"
        case .spindlesForth: return "spindles_cv_forth"
        case .locationScore: return "location_score"
        case .locationExclusion: return "location_exclusion_score"
        case .reservedMemoryTotal: return "reserved_mem_rtotal"
        }
    }

    /// The weight of the component in the total score.
    public var weight: Double {
        switch self {
        case .freeMemory, .freeDisk, .vcpuRatio, .spindles, .freeMemoryForth, .freeDiskForth,
             .vcpuRatioForth, .spindlesForth: return 0.5
        case .n1Count, .reservedMemory, .cpuLoad, .memoryLoad, .diskLoad, .networkLoad,
             .locationScore, .locationExclusion: return 1
        case .offlineAll: return 4
        case .offlinePrimary: return 16
        case .primaryTags: return 2
        case .reservedMemoryTotal: return 0.25
        }
    }

    /// How the component aggregates.
    public var aggregation: Aggregation {
        switch self {
        case .n1Count, .offlineAll, .offlinePrimary, .primaryTags, .locationScore, .reservedMemoryTotal: return .sum
        case .locationExclusion: return .spread
        default: return .standardDeviation
        }
    }

    /// Whether the component is computed over online nodes (else over offline nodes).
    public var overOnlineNodes: Bool { self != .offlineAll && self != .offlinePrimary }

    /// Number of components: a literal, so that loops over a score row have a constant trip count
    /// (`ModelTests` checks it against `allCases`).
    @inline(__always) public static var count: Int { 20 }

    /// All components in htools' order, built once (`allCases` builds a new array on every use).
    public static let ordered: [ScoreComponent] = allCases
}
