/// How many placements failed for each reason (htools' failure list, collapsed to counts).
public struct FailureCounts: Equatable, Sendable {
    /// Counts by `FailMode.rawValue`.
    public private(set) var counts: [Int] = [Int](repeating: 0, count: FailMode.allCases.count)

    /// No failures.
    public init() {}

    /// Adds `n` failures of `mode`.
    public mutating func add(_ mode: FailMode, _ n: Int = 1) { counts[mode.rawValue] &+= n }

    /// Adds all counts of `other`.
    public mutating func add(_ other: FailureCounts) {
        for i in counts.indices { counts[i] &+= other.counts[i] }
    }

    /// The count for `mode`.
    public subscript(mode: FailMode) -> Int { counts[mode.rawValue] }

    /// Total number of failures.
    public var total: Int { counts.reduce(0, &+) }

    /// Whether any failure of `mode` was recorded (htools' `elem mode failures`).
    public func contains(_ mode: FailMode) -> Bool { counts[mode.rawValue] > 0 }

    /// Every mode with its count, in htools' order (htools' `collapseFailures`).
    public var collapsed: [(mode: FailMode, count: Int)] {
        FailMode.allCases.map { ($0, counts[$0.rawValue]) }
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
