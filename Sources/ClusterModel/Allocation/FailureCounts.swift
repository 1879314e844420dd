/// How many placements failed for each reason (htools' failure list, collapsed to counts).
public struct FailureCounts: Equatable, Sendable {
    // One stored count per mode (no heap array: solutions are made for every attempt).
    private var memory = 0, disk = 0, cpu = 0, n1 = 0, tags = 0, migration = 0, diskCount = 0, spindles = 0, other = 0

    /// Counts by `FailMode.rawValue`.
    public var counts: [Int] { [memory, disk, cpu, n1, tags, migration, diskCount, spindles, other] }

    /// No failures.
    public init() {}

    /// Adds `n` failures of `mode`.
    public mutating func add(_ mode: FailMode, _ n: Int = 1) {
        switch mode {
        case .memory: memory &+= n
        case .disk: disk &+= n
        case .cpu: cpu &+= n
        case .n1: n1 &+= n
        case .tags: tags &+= n
        case .migration: migration &+= n
        case .diskCount: diskCount &+= n
        case .spindles: spindles &+= n
        case .internal: other &+= n
        }
    }

    /// Adds all counts of `other`.
    public mutating func add(_ other: FailureCounts) {
        memory &+= other.memory; disk &+= other.disk; cpu &+= other.cpu; n1 &+= other.n1; tags &+= other.tags
        migration &+= other.migration; diskCount &+= other.diskCount; spindles &+= other.spindles
        self.other &+= other.other
    }

    /// The count for `mode`.
    public subscript(mode: FailMode) -> Int {
        switch mode {
        case .memory: return memory
        case .disk: return disk
        case .cpu: return cpu
        case .n1: return n1
        case .tags: return tags
        case .migration: return migration
        case .diskCount: return diskCount
        case .spindles: return spindles
        case .internal: return other
        }
    }

    /// Total number of failures.
    public var total: Int { counts.reduce(0, &+) }

    /// Whether any failure of `mode` was recorded (htools' `elem mode failures`).
    public func contains(_ mode: FailMode) -> Bool { self[mode] > 0 }

    /// Every mode with its count, in htools' order (htools' `collapseFailures`).
    public var collapsed: [(mode: FailMode, count: Int)] {
        FailMode.allCases.map { ($0, self[$0]) }
    }

    /// The collapsed list sorted by descending count, ties in htools' order (hspace's `sortReasons`).
    public var sortedByCount: [(mode: FailMode, count: Int)] {
        let list = collapsed
        return list.indices.sorted { a, b in
            list[a].count != list[b].count ? list[a].count > list[b].count : a < b
        }.map { list[$0] }
    }

    /// `FailMem: 3, FailDisk: 1` for the non-zero counts (htools' solution descriptions).
    public var nonZeroDescription: String {
        collapsed.filter { $0.count > 0 }.map { "\($0.mode.htoolsName): \($0.count)" }.joined(separator: ", ")
    }
}
