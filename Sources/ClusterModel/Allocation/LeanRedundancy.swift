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

    /// How an instance leaves a failing node.
    enum Kind: UInt8 { case failover, relocate, recreate }

    /// One instance's plain values.
    struct Entry {
        let lean: LeanInstance
        let kind: Kind
        /// Secondary node value, or -1.
        let secondary: Int
        let memory: Int
        /// Policy classes (bits) whose instance policy refuses the instance; only for `.recreate`.
        let refused: UInt64
    }

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
    private(set) var instances: ChunkedList<Entry>
    /// A placed instance not yet part of the state, at index `instances.count`.
    private(set) var extra: Entry?
    /// Running sums of the scope's rows and of each group's (per component: sum, squares, magnitudes, member
    /// count; `4 × width`), for score bounds.
    private(set) var scopeSums: [Double] = []
    private(set) var groupSums: [[Double]] = []
    /// The distinct (instance policy, exclusive storage) pairs of the nodes, and each node's pair.
    private let policyClasses: [(policy: InstancePolicy, exclusive: Bool)]
    let nodeClass: [Int]

    /// The lean form of `base`, or nil when the cluster uses a feature only the reference path handles.
    static func make(_ base: RedundancyBase) -> LeanRedundancy? {
        let view = base.view
        guard view.nodes.count <= maxNodes, view.extraInstance == nil else { return nil }
        for node in view.nodes where !node.locationTags.isEmpty || !node.migrationTags.isEmpty { return nil }
        var classes: [(policy: InstancePolicy, group: GroupIndex, exclusive: Bool)] = []
        var nodeClass: [Int] = []
        for node in view.nodes {
            if let k = classes.firstIndex(where: { $0.group == node.group && $0.exclusive == node.exclusiveStorage }) {
                nodeClass.append(k)
            } else {
                nodeClass.append(classes.count)
                classes.append((node.policy, node.group, node.exclusiveStorage))
            }
        }
        guard classes.count <= 64 else { return nil }
        let policyClasses = classes.map { ($0.policy, $0.exclusive) }
        var entries: [Entry] = []
        entries.reserveCapacity(view.instances.count)
        let complete = view.instances.withUnsafeBufferPointer { buf -> Bool in
            for k in buf.indices {
                guard let e = entry(at: buf.baseAddress! + k, policyClasses) else { return false }
                entries.append(e)
            }
            return true
        }
        guard complete else { return nil }
        return LeanRedundancy(view: view, list: base.list.map(\.value), inScope: base.inScope,
                              instances: ChunkedList(entries),
                              policyClasses: policyClasses, nodeClass: nodeClass)
    }

    /// The entry of the instance at `p`, or nil when it needs the reference path.
    private static func entry(at p: UnsafePointer<Instance>, _ classes: [(policy: InstancePolicy, exclusive: Bool)]) -> Entry? {
        guard p.pointee.exclusionTags.isEmpty, p.pointee.desiredLocationTags.isEmpty, !p.pointee.forthcoming else { return nil }
        let t = p.pointee.diskTemplate
        let kind: Kind = t == .drbd ? .failover : t.isRelocatable ? .relocate : .recreate
        var refused: UInt64 = 0
        if kind == .recreate {
            let inst = p.pointee
            for k in classes.indices where classes[k].policy.violation(of: inst, exclusiveStorage: classes[k].exclusive) != nil {
                refused |= 1 << UInt64(k)
            }
        }
        return Entry(lean: LeanInstance(at: p), kind: kind, secondary: p.pointee.secondary?.value ?? -1,
                     memory: p.pointee.memory, refused: refused)
    }

    /// The entry of `inst`, or nil when it needs the reference path.
    private static func entry(_ inst: Instance, _ classes: [(policy: InstancePolicy, exclusive: Bool)]) -> Entry? {
        withUnsafePointer(to: inst) { entry(at: $0, classes) }
    }

    private init(view: RedundancyView, list: [Int], inScope: [Bool], instances: ChunkedList<Entry>,
                 policyClasses: [(policy: InstancePolicy, exclusive: Bool)], nodeClass: [Int]) {
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
        self.instances = instances
        self.policyClasses = policyClasses
        self.nodeClass = nodeClass
        extra = nil
        rows = [Double](repeating: 0, count: n * LeanRedundancy.width)
        peers = [Int](repeating: 0, count: n * n)
        for node in view.nodes { setPeers(of: node) }
        for i in 0..<n { writeRow(i) }
        recomputeSums()
    }

    /// Recomputes `scopeSums` and `groupSums` from the rows.
    private mutating func recomputeSums() {
        let w = LeanRedundancy.width
        let online = ComponentTables.shared.online
        func sums(_ members: [Int]) -> [Double] {
            var a = [Double](repeating: 0, count: 4 * w)
            for m in members {
                for c in 0..<w where offline[m] != online[c] {
                    let v = rows[m * w + c]
                    a[c] += v; a[w + c] += v * v; a[2 * w + c] += abs(v); a[3 * w + c] += 1
                }
            }
            return a
        }
        scopeSums = sums(list)
        groupSums = groupMembers.map(sums)
    }

    /// Folds the change of node `i`'s row from `old` into the running sums of the sets it belongs to.
    private mutating func foldRow(_ i: Int, old: UnsafePointer<Double>) {
        guard inScope[i] else { return }
        let w = LeanRedundancy.width
        let online = ComponentTables.shared.online
        let g = groupOf[i]
        for c in 0..<w where offline[i] != online[c] {
            let o = old[c], v = rows[i * w + c]
            scopeSums[c] += v - o; scopeSums[w + c] += v * v - o * o; scopeSums[2 * w + c] += abs(v)
            if g >= 0 && g < groupSums.count {
                groupSums[g][c] += v - o; groupSums[g][w + c] += v * v - o * o; groupSums[g][2 * w + c] += abs(v)
            }
        }
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

    /// Replaces the placement's nodes (their new instance taking index `instances.count`).
    private mutating func replaceNodes<M>(of placement: Placement<M>) {
        let placedIndex = instances.count
        for node in placement.nodes {
            let i = node.index.value
            nodes[i] = LeanNode(node)
            primaries[i] = node.primaries.map { $0.value < 0 ? placedIndex : $0.value }
            setPeers(of: node)
            writeRow(i)
        }
    }

    /// The lean form with `placement` applied on top (its nodes replaced, its instance added), or nil when
    /// unsupported.
    func applying<M>(_ placement: Placement<M>) -> LeanRedundancy? {
        guard extra == nil, let entry = LeanRedundancy.entry(placement.instance, policyClasses) else { return nil }
        var copy = self
        copy.extra = entry
        let w = LeanRedundancy.width
        var old = [Double](repeating: 0, count: placement.nodes.count * w)
        for (k, node) in placement.nodes.enumerated() {
            for c in 0..<w { old[k * w + c] = rows[node.index.value * w + c] }
        }
        copy.replaceNodes(of: placement)
        old.withUnsafeBufferPointer { buf in
            for (k, node) in placement.nodes.enumerated() { copy.foldRow(node.index.value, old: buf.baseAddress! + k * w) }
        }
        return copy
    }

    /// Makes `placement` part of the state (the next state of an allocation run); false when unsupported.
    mutating func commit<M>(_ placement: Placement<M>) -> Bool {
        guard extra == nil, let entry = LeanRedundancy.entry(placement.instance, policyClasses) else { return false }
        replaceNodes(of: placement)
        instances.append(entry)
        recomputeSums()
        return true
    }

    /// The lean form of `cluster`, which grew from this form's state only by placing the instances from index
    /// `instances.count` on (their nodes changed, nothing else); nil when a new instance needs the reference path.
    func catchingUp(to cluster: Cluster) -> LeanRedundancy? {
        guard extra == nil, cluster.nodes.count == n, cluster.instances.count >= instances.count else { return nil }
        if cluster.instances.count == instances.count { return self }
        var copy = self
        var changed: [Int] = []
        let complete = cluster.instances.withUnsafeBufferPointer { buf -> Bool in
            for k in instances.count..<buf.count {
                guard let e = LeanRedundancy.entry(at: buf.baseAddress! + k, policyClasses) else { return false }
                copy.instances.append(e)
                for node in [buf[k].primary.value, buf[k].secondary?.value ?? -1] where node >= 0 && node < n {
                    if !changed.contains(node) { changed.append(node) }
                }
            }
            return true
        }
        guard complete else { return nil }
        for i in changed {
            let node = cluster.nodes[i]
            copy.nodes[i] = LeanNode(node)
            copy.primaries[i] = node.primaries.map(\.value)
            copy.setPeers(of: node)
            copy.writeRow(i)
        }
        copy.recomputeSums()
        return copy
    }

    /// The data of instance `j`.
    @inline(__always) func instance(_ j: Int) -> Entry {
        j < instances.count ? instances[j] : extra!
    }

    /// Checks `checked` (members of `list`) and returns the outcome of the first failing node in that order, as
    /// the reference does.
    ///
    /// With the whole cluster in scope no node can end in htools' abort case, so the verdict does not depend on
    /// the order: nodes that failed recently (remembered by the run) go first, and the workers stop as soon as
    /// any node fails. Otherwise the nodes run in order, in chunks whose earlier failures take precedence.
    func check(_ checked: [Int], runner: ParallelRunner?, hint: RedundancyHint) -> GlobalRedundancy.Outcome {
        guard list.count == n else { return checkInOrder(checked, runner: runner) }
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

/// Which nodes failed redundancy checks lately, so that they are tried first: an ordering hint only (verdicts
/// never depend on it), shared by every state of one allocation. Used from one thread at a time.
final class RedundancyHint: @unchecked Sendable {
    /// Nodes that failed a check, most recent first.
    private var recentFailures: [Int] = []

    init() {}

    /// A hint starting from `other`'s history (for work on another thread).
    init(copying other: RedundancyHint) { recentFailures = other.recentFailures }

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

/// What the successive states of one linear allocation run (instances only ever appended, each state derived
/// from the previous one) share: plain-value forms of the latest state, kept up to date as placements are
/// applied, and the failure hint. Used from one thread at a time.
final class AllocationRunState: @unchecked Sendable {
    let hint: RedundancyHint
    /// Lean copies of the latest state's nodes, and that state's instance count.
    private var leanNodes: (nodes: [LeanNode], instances: Int)?
    /// The lean redundancy base of the latest state (whole cluster in scope), and that state's instance count.
    private var lean: (base: LeanRedundancy, instances: Int)?
    /// Score rows of the latest state's whole node list, and that state's instance count.
    private var scoreRows: (rows: ScoreRows, instances: Int)?

    init(hint: RedundancyHint = RedundancyHint()) { self.hint = hint }

    /// The lean node copies of the state with `instances` instances, if kept.
    func leanNodes(instances: Int) -> [LeanNode]? {
        leanNodes.flatMap { $0.instances == instances ? $0.nodes : nil }
    }

    /// The lean redundancy base of the state with `instances` instances, if kept.
    func leanBase(instances: Int) -> LeanRedundancy? {
        lean.flatMap { $0.instances == instances ? $0.base : nil }
    }

    /// The score rows (all nodes) of the state with `instances` instances, if kept.
    func scoreRows(instances: Int) -> ScoreRows? {
        scoreRows.flatMap { $0.instances == instances ? $0.rows : nil }
    }

    /// Keeps the score rows (all nodes) of the state with `instances` instances.
    func keep(scoreRows rows: ScoreRows, instances: Int) { scoreRows = (rows, instances) }

    /// Keeps lean node copies of the state with `instances` instances.
    func keep(leanNodes nodes: [LeanNode], instances: Int) { leanNodes = (nodes, instances) }

    /// Keeps the lean redundancy base of the state with `instances` instances.
    func keep(leanBase base: LeanRedundancy, instances: Int) { lean = (base, instances) }

    /// Hands out the kept lean redundancy base of the state with `instances` instances, keeping no copy.
    func takeLeanBase(instances: Int) -> LeanRedundancy? {
        defer { lean = nil }
        return leanBase(instances: instances)
    }

    /// Moves the kept forms from the state with `instances` instances to the next one, `placement` applied.
    /// They are updated in place when nothing else holds them.
    func advance<M>(_ placement: Placement<M>, from instances: Int) {
        if var l = leanNodes, l.instances == instances {
            leanNodes = nil
            for node in placement.nodes { l.nodes[node.index.value] = LeanNode(node) }
            l.instances += 1
            leanNodes = l
        } else {
            leanNodes = nil
        }
        if var r = scoreRows, r.instances == instances {
            scoreRows = nil
            for node in placement.nodes { r.rows.update(node) }
            r.instances += 1
            scoreRows = r
        } else {
            scoreRows = nil
        }
        if var l = lean, l.instances == instances {
            lean = nil
            if l.base.commit(placement) {
                l.instances += 1
                lean = l
            }
        } else {
            lean = nil
        }
    }
}

/// An append-only list stored in fixed-size chunks, so that copies share all but the last chunk (states of an
/// allocation run differ by a few appended instances).
struct ChunkedList<Element> {
    /// Elements per chunk (the subscript's shift and mask follow it).
    private static var chunkSize: Int { 64 }
    private var chunks: [[Element]] = []
    private(set) var count = 0

    init(_ elements: [Element]) {
        var k = 0
        while k < elements.count {
            let end = min(elements.count, k + ChunkedList.chunkSize)
            chunks.append(Array(elements[k..<end]))
            k = end
        }
        count = elements.count
    }

    @inline(__always) subscript(_ j: Int) -> Element { chunks[j >> 6][j & 63] }

    mutating func append(_ e: Element) {
        if count & 63 == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(ChunkedList.chunkSize)
            chunk.append(e)
            chunks.append(chunk)
        } else {
            chunks[chunks.count - 1].append(e)
        }
        count += 1
    }
}
