import Synchronization

/// The global N+1 check on plain values: the fast path of `GlobalRedundancy.check`.
///
/// Node states are `LeanNode`s, score inputs flat rows, peer maps one dense matrix. It covers clusters where no
/// tag can change a score or refuse a move (no location, exclusion, desired-location or migration tags) and no
/// instance is forthcoming; `make` returns nil otherwise and the reference path runs. `LeanRedundancyTests`
/// compares both on random clusters and placements.
struct LeanRedundancy: @unchecked Sendable {
    /// Largest node count served (the peer matrix is n × n).
    static let maxNodes = 512
    static let width = ScoreComponent.count

    let n: Int
    private(set) var nodes: [LeanNode]
    /// Score inputs per node, `n × width`.
    private(set) var rows: [Double]
    /// Peer memory, `[node * n + peer]`.
    private(set) var peers: [Int]
    /// Tag-conflict count per node (constant without exclusion tags).
    let conflicts: [Int]
    let offline: [Bool]
    let groupOf: [Int]
    /// The checked node list, in order.
    let list: [Int]
    let inScope: [Bool]
    /// Members of `list` per group value, in list order.
    let groupMembers: [[Int]]
    /// Primary instances per node (oldest first), as instance index values.
    private(set) var primaries: [[Int]]
    /// Instance data; entries past the base state's instance count belong to later states of the run.
    let instances: [LeanInstanceTable.Entry]
    let instanceCount: Int
    /// The placed instance, at index `instanceCount`.
    private(set) var extra: LeanInstanceTable.Entry?
    /// The instances behind the check and the nodes' policies (node states there may predate a placement).
    private(set) var view: RedundancyView
    /// Where the run remembers the node that failed last (checked first next time), if anywhere.
    let hint: AllocationRunState?

    /// The lean form of `base`, or nil when the cluster uses a feature only the reference path handles.
    static func make(_ base: RedundancyBase, run: AllocationRunState?) -> LeanRedundancy? {
        let view = base.view
        let count = view.nodes.count
        guard count <= maxNodes, view.extraInstance == nil else { return nil }
        for node in view.nodes where !node.locationTags.isEmpty || !node.migrationTags.isEmpty { return nil }
        guard let instances = LeanInstanceTable.extending(run?.instances, with: view.instances) else { return nil }
        run?.instances = instances
        return LeanRedundancy(view: view, list: base.list.map(\.value), inScope: base.inScope, instances: instances,
                              hint: run ?? AllocationRunState())
    }

    private init(view: RedundancyView, list: [Int], inScope: [Bool], instances: LeanInstanceTable,
                 hint: AllocationRunState?) {
        self.hint = hint
        n = view.nodes.count
        let lean = LeanNode.copies(of: view.nodes)
        nodes = lean
        conflicts = lean.map(\.baseConflicts)
        offline = lean.map(\.offline)
        groupOf = lean.map(\.group.value)
        primaries = view.nodes.indices.map { i in view.nodes[i].primaries.map(\.value) }
        self.list = list
        self.inScope = inScope
        var members = [[Int]](repeating: [], count: (groupOf.max() ?? -1) + 1)
        for i in list where groupOf[i] >= 0 { members[groupOf[i]].append(i) }
        groupMembers = members
        self.instances = instances.entries
        instanceCount = view.instances.count
        self.view = view
        extra = nil
        rows = [Double](repeating: 0, count: n * LeanRedundancy.width)
        peers = [Int](repeating: 0, count: n * n)
        for node in view.nodes { setPeers(of: node) }
        for i in 0..<n { writeRow(i) }
    }

    private mutating func writeRow(_ i: Int) {
        let c = conflicts[i]
        let node = nodes[i]
        rows.withUnsafeMutableBufferPointer { node.writeScoreRow($0.baseAddress! + i * LeanRedundancy.width, conflicts: c) }
    }

    private mutating func setPeers(of node: Node) {
        let i = node.index.value
        for k in 0..<n { peers[i * n + k] = 0 }
        for e in node.peers.entries where e.node.value >= 0 && e.node.value < n { peers[i * n + e.node.value] = e.memory }
    }

    /// The lean form with `placement` applied (its nodes replaced, its instance added), or nil when unsupported.
    /// `view` is the reference view with the same placement applied.
    func applying<M>(_ placement: Placement<M>, view: RedundancyView) -> LeanRedundancy? {
        guard extra == nil, let entry = LeanInstanceTable.Entry(placement.instance) else { return nil }
        let placedIndex = instanceCount
        var copy = self
        copy.extra = entry
        copy.view = view
        for node in placement.nodes {
            let i = node.index.value
            copy.nodes[i] = LeanNode(node)
            copy.primaries[i] = node.primaries.map { $0.value < 0 ? placedIndex : $0.value }
            copy.setPeers(of: node)
            copy.writeRow(i)
        }
        return copy
    }

    /// The data of instance `j`.
    @inline(__always) func instance(_ j: Int) -> LeanInstanceTable.Entry {
        j < instanceCount ? instances[j] : extra!
    }

    /// Checks `checked` (members of `list`) and returns the outcome of the first failing node in that order, as
    /// the reference does.
    ///
    /// With the whole cluster in scope no node can end in htools' abort case, so the verdict does not depend on
    /// the order: nodes that failed recently (remembered by the run) go first, and the workers stop as soon as
    /// any node fails. Otherwise the nodes run in order, in chunks whose earlier failures take precedence.
    func check(_ checked: [Int], runner: ParallelRunner?) -> GlobalRedundancy.Outcome {
        guard let hint, list.count == n else { return checkInOrder(checked, runner: runner) }
        var order = hint.failuresFirst(checked)
        // The last failing node alone first: it usually fails again, and then no worker needs waking.
        if let first = order.first, hint.hasFailures {
            var work = LeanEvacuation(self)
            if work.canEvacuate(first) != .redundant {
                hint.recordFailure(first)
                return .notRedundant
            }
            order.removeFirst()
        }
        let width = runner.map { max(1, $0.width) } ?? 1
        let jobs = max(1, min(width, order.count))
        let stop = StopSignal()
        let failed = ParallelMap.map(Array(0..<jobs), runner: runner, minimumPerJob: 1) { job -> Int in
            var work = LeanEvacuation(self)
            var k = job
            while k < order.count && !stop.isSet {
                if work.canEvacuate(order[k]) != .redundant {
                    stop.set()
                    return k
                }
                k += jobs
            }
            return -1
        }
        guard let first = failed.filter({ $0 >= 0 }).min() else { return .redundant }
        hint.recordFailure(order[first])
        return .notRedundant
    }

    private func checkInOrder(_ checked: [Int], runner: ParallelRunner?) -> GlobalRedundancy.Outcome {
        let width = runner.map { max(1, $0.width) } ?? 1
        let chunkCount = checked.count >= 8 ? width : 1
        let chunks = (0..<chunkCount).map { k in
            Array(checked[(checked.count * k / chunkCount)..<(checked.count * (k + 1) / chunkCount)])
        }
        let verdicts = ParallelMap.map(chunks, runner: runner, minimumPerJob: 1) { chunk -> GlobalRedundancy.Outcome in
            var work = LeanEvacuation(self)
            for x in chunk {
                let o = work.canEvacuate(x)
                if o != .redundant { return o }
            }
            return .redundant
        }
        return verdicts.first { $0 != .redundant } ?? .redundant
    }
}

/// A flag the workers of one check share: set once any of them finds a failing node.
final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)

    var isSet: Bool { flag.load(ordering: .relaxed) }

    func set() { flag.store(true, ordering: .relaxed) }
}

/// What successive states of one allocation run share: lean instance data (instances are only ever appended)
/// and the nodes that failed redundancy checks lately. Used from one thread at a time.
final class AllocationRunState: @unchecked Sendable {
    var instances: LeanInstanceTable?
    /// Nodes that failed a check, most recent first.
    private var recentFailures: [Int] = []

    init() {}

    /// `checked` with the recently failing nodes first (most recent first), then the others in order.
    func failuresFirst(_ checked: [Int]) -> [Int] {
        let first = recentFailures.filter { checked.contains($0) }
        return first + checked.filter { !first.contains($0) }
    }

    /// Whether any node failed so far.
    var hasFailures: Bool { !recentFailures.isEmpty }

    /// Remembers that `node` failed.
    func recordFailure(_ node: Int) {
        recentFailures.removeAll { $0 == node }
        recentFailures.insert(node, at: 0)
        if recentFailures.count > 8 { recentFailures.removeLast() }
    }
}

/// Plain-value instance data for lean redundancy checks, shared between successive states of one allocation run.
final class LeanInstanceTable: @unchecked Sendable {
    /// How an instance leaves a failing node.
    enum Kind: UInt8 { case failover, relocate, recreate }

    /// One instance.
    struct Entry {
        let lean: LeanInstance
        let kind: Kind
        /// Secondary node value, or -1.
        let secondary: Int
        let memory: Int

        /// The entry of `inst`, or nil when it needs the reference path.
        init?(_ inst: __shared Instance) {
            guard inst.exclusionTags.isEmpty, inst.desiredLocationTags.isEmpty, !inst.forthcoming else { return nil }
            lean = LeanInstance(inst)
            let t = inst.diskTemplate
            kind = t == .drbd ? .failover : t.isRelocatable ? .relocate : .recreate
            secondary = inst.secondary?.value ?? -1
            memory = inst.memory
        }
    }

    private(set) var entries: [Entry] = []
    var count: Int { entries.count }

    private init() {}

    /// `table` extended in place to cover `instances` (whose first `table.count` entries it must describe:
    /// allocation only appends), or a new table; nil when an instance needs the reference path.
    static func extending(_ table: LeanInstanceTable?, with instances: [Instance]) -> LeanInstanceTable? {
        let t: LeanInstanceTable
        if let table, table.count <= instances.count { t = table } else { t = LeanInstanceTable() }
        for k in t.count..<instances.count {
            guard let e = Entry(instances[k]) else { return nil }
            t.entries.append(e)
        }
        return t
    }
}
