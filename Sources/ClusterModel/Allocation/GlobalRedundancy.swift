/// Global N+1 redundancy: every node could fail and all its instances would find room elsewhere in its group
/// (htools' `GlobalN1`).
///
/// DRBD instances fail over to their secondaries, shared-storage instances move to the best node of the group,
/// and instances that cannot move are recreated on the best node, largest memory first.
public enum GlobalRedundancy {
    /// The result of a redundancy check.
    public enum Outcome: Equatable, Sendable {
        /// Every checked node can be evacuated.
        case redundant
        /// Some node cannot.
        case notRedundant
        /// htools would abort: a DRBD instance's secondary lies outside the checked node list
        /// (it looks the node up in that list; `IntMap.!` fails with this key).
        case missingNode(NodeIndex)
    }

    /// Whether the node list `scope` (all nodes when nil) is globally N+1 redundant (htools' `redundant`).
    ///
    /// Nodes of `options.capacityIgnoredGroups` are not checked; with `options.acceptExisting` offline nodes are not either.
    public static func isRedundant(_ cluster: Cluster, scope: [NodeIndex]? = nil, options: AllocationOptions) -> Bool {
        check(RedundancyBase(cluster, scope: scope), options: options) == .redundant
    }

    /// `isRedundant` for the whole cluster, with its lean form when already known; returns the lean form used.
    static func isRedundant(_ cluster: Cluster, lean: LeanRedundancy?, hint: RedundancyHint,
                            options: AllocationOptions) -> (redundant: Bool, lean: LeanRedundancy?) {
        let base = RedundancyBase(cluster, scope: nil, lean: lean, hint: hint)
        return (check(base, options: options) == .redundant, base.lean)
    }

    /// The redundancy of one group on its own (htools' `redundantGrp`), including htools' abort case.
    public static func groupOutcome(_ cluster: Cluster, group: GroupIndex, options: AllocationOptions) -> Outcome {
        check(RedundancyBase(cluster, scope: cluster.nodes.filter { $0.group == group }.map(\.index)), options: options)
    }

    /// Whether one group is globally N+1 redundant on its own (htools' `redundantGrp`).
    public static func isGroupRedundant(_ cluster: Cluster, group: GroupIndex, options: AllocationOptions) -> Bool {
        groupOutcome(cluster, group: group, options: options) == .redundant
    }

    /// Whether the cluster stays redundant after `placement` (htools' `allocGlobalN1`).
    public static func allocationKeepsRedundancy<M>(_ cluster: Cluster, scope: [NodeIndex]?, placement: Placement<M>,
                                                    options: AllocationOptions) -> Bool {
        check(RedundancyBase(cluster, scope: scope).applying(placement), options: options) == .redundant
    }

    /// Whether all instances of `node` could be moved or recreated elsewhere (htools' `canEvacuateNode`).
    ///
    /// - Parameter scope: the node list being checked (the escape nodes are its members of the node's group).
    public static func canEvacuate(_ node: NodeIndex, in cluster: Cluster, scope: [NodeIndex]) -> Bool {
        canEvacuate(node, RedundancyBase(cluster, scope: scope)) == .redundant
    }

    /// Checks the nodes of `base` in order; the first non-evacuable node decides, as htools' lazy `all`.
    static func check(_ base: RedundancyBase, options: AllocationOptions) -> Outcome {
        let checked = base.list.filter { i in
            let n = base.view.nodes[i.value]
            return !(options.acceptExisting && n.offline) && !options.capacityIgnoredGroups.contains(n.group)
        }
        if let lean = base.lean { return lean.check(checked.map(\.value), runner: options.parallelism, hint: base.hint) }
        // Chunks stop at their first failing node; earlier chunks take precedence when merging.
        let width = options.parallelism.map { max(1, $0.width) } ?? 1
        let chunkCount = checked.count >= 8 ? width : 1
        let chunks = (0..<chunkCount).map { k in
            Array(checked[(checked.count * k / chunkCount)..<(checked.count * (k + 1) / chunkCount)])
        }
        let verdicts = ParallelMap.map(chunks, runner: options.parallelism, minimumPerJob: 1) { chunk -> Outcome in
            for n in chunk {
                let o = canEvacuate(n, base)
                if o != .redundant { return o }
            }
            return .redundant
        }
        return verdicts.first { $0 != .redundant } ?? .redundant
    }

    static func canEvacuate(_ node: NodeIndex, _ base: RedundancyBase) -> Outcome {
        let view = base.view
        let primaries = view.nodes[node.value].primaries
        if primaries.isEmpty { return .redundant }
        // htools walks its newest-first list: ours is oldest-first.
        var drbd: [InstanceIndex] = [], shared: [InstanceIndex] = [], fixed: [InstanceIndex] = []
        for i in primaries.reversed() {
            let t = view.instance(i).diskTemplate
            if t == .drbd { drbd.append(i) } else if t.isRelocatable { shared.append(i) } else { fixed.append(i) }
        }
        var state = EvacuationState(base)
        for (k, i) in drbd.enumerated() {
            let inst = view.instance(i)
            if let s = inst.secondary, !base.inScope[s.value] { return .missingNode(s) }
            let last = k == drbd.count - 1 && shared.isEmpty && fixed.isEmpty
            guard state.failover(inst, keepResult: !last) else { return .notRedundant }
        }
        if shared.isEmpty && fixed.isEmpty { return .redundant }
        let group = view.nodes[node.value].group
        let escape = base.list.filter { $0 != node && view.nodes[$0.value].group == group }
        for (k, i) in shared.enumerated() {
            let last = k == shared.count - 1 && fixed.isEmpty
            guard state.relocate(view.instance(i), candidates: escape, group: group, keepResult: !last) else {
                return .notRedundant
            }
        }
        let bySize = fixed.indices.sorted { a, b in
            let x = view.instance(fixed[a]).memory, y = view.instance(fixed[b]).memory
            return x != y ? x > y : a < b
        }
        for (k, position) in bySize.enumerated() {
            let last = k == bySize.count - 1
            guard state.recreate(view.instance(fixed[position]), candidates: escape, keepResult: !last) else {
                return .notRedundant
            }
        }
        return .redundant
    }
}

/// One node list to check, with the shared score rows, possibly with a placement applied on top.
struct RedundancyBase {
    var view: RedundancyView
    let list: [NodeIndex]
    let inScope: [Bool]
    /// Score rows for the reference path; nil while the lean form serves the checks.
    private(set) var rows: RedundancyRows?
    /// The plain-value form, when the cluster allows it (then `check` never needs `rows`).
    var lean: LeanRedundancy?
    /// Which nodes failed lately (tried first).
    let hint: RedundancyHint

    /// The base of `scope` (all nodes when nil). `run` carries what earlier states of the same allocation run
    /// already derived; `lean`, when given, is the lean form of exactly this cluster (whole cluster in scope).
    /// Without `allowLean` the reference path serves every check (for tests).
    init(_ cluster: Cluster, scope: [NodeIndex]?, run: AllocationRunState? = nil, lean known: LeanRedundancy? = nil,
         hint: RedundancyHint? = nil, allowLean: Bool = true) {
        view = RedundancyView(cluster: cluster)
        list = scope ?? cluster.nodes.map(\.index)
        var member = [Bool](repeating: false, count: cluster.nodes.count)
        for i in list where i.value >= 0 && i.value < member.count { member[i.value] = true }
        inScope = member
        self.hint = hint ?? run?.hint ?? RedundancyHint()
        lean = nil
        rows = nil
        if allowLean {
            let count = cluster.instances.count
            if scope == nil, let l = known ?? run?.leanBase(instances: count) {
                lean = l
            } else {
                lean = LeanRedundancy.make(self)
                if scope == nil, let l = lean { run?.keep(leanBase: l, instances: count) }
            }
        }
        if lean == nil { rows = RedundancyRows(view, scope: list) }
    }

    /// The base with `placement` applied (nodes replaced, instance added at the next index).
    func applying<M>(_ placement: Placement<M>) -> RedundancyBase {
        var b = self
        var placed = placement.instance
        placed.index = InstanceIndex(view.instances.count)
        b.view.extraInstance = placed
        if let l = lean, let applied = l.applying(placement) {
            // The lean form reads only policies and instances from the view: its node states may stay behind.
            b.lean = applied
            return b
        }
        b.lean = nil
        for var n in placement.nodes {
            n.primaries = n.primaries.map { $0.value < 0 ? placed.index : $0 }
            n.secondaries = n.secondaries.map { $0.value < 0 ? placed.index : $0 }
            b.view.nodes[n.index.value] = n
            b.rows?.update(n)
        }
        if b.rows == nil { b.rows = RedundancyRows(b.view, scope: list) }
        return b
    }
}

/// The nodes and instances a redundancy check sees: a cluster, possibly with one placement applied on top.
struct RedundancyView {
    var nodes: [Node]
    let instances: [Instance]
    /// The placed instance, at index `instances.count`.
    var extraInstance: Instance?

    init(cluster: Cluster) {
        nodes = cluster.nodes
        instances = cluster.instances
        extraInstance = nil
    }

    func instance(_ i: InstanceIndex) -> Instance {
        i.value < instances.count ? instances[i.value] : extraInstance!
    }
}

/// Score rows shared by every node check of one redundancy test: the whole list and each group.
struct RedundancyRows {
    var scope: ScoreRows
    var groups: [GroupIndex: ScoreRows]

    init(_ view: RedundancyView, scope list: [NodeIndex]) {
        scope = ScoreRows(nodeCount: view.nodes.count, members: list) { view.nodes[$0.value] }
        var byGroup: [GroupIndex: [NodeIndex]] = [:]
        for i in list { byGroup[view.nodes[i.value].group, default: []].append(i) }
        groups = byGroup.mapValues { members in
            ScoreRows(nodeCount: view.nodes.count, members: members) { view.nodes[$0.value] }
        }
    }

    /// Refreshes the rows of a changed node.
    mutating func update(_ n: Node) {
        scope.update(n)
        groups[n.group]?.update(n)
    }
}

extension DiskTemplate {
    /// Whether an instance of the template can be moved to another node without a secondary (Ganeti's `diskTemplateMovable`).
    public var isRelocatable: Bool {
        switch self {
        case .diskless, .sharedfile, .rbd, .ext, .gluster: return true
        case .file, .plain, .blockdev, .drbd: return false
        }
    }
}

/// The node states while one node is being emptied, with score rows kept up to date.
struct EvacuationState {
    var nodes: [Node]
    var rows: RedundancyRows
    private var scratch = [Double](repeating: 0, count: ScoreComponent.count)

    init(_ base: RedundancyBase) {
        nodes = base.view.nodes
        rows = base.rows ?? RedundancyRows(base.view, scope: base.list)
    }

    private mutating func set(_ n: Node) {
        nodes[n.index.value] = n
        rows.update(n)
    }

    /// Forced failover of a DRBD instance to its secondary (htools' `move … Failover`).
    /// With `keepResult` false only feasibility is decided (the last step of a check).
    mutating func failover(_ inst: Instance, keepResult: Bool = true) -> Bool {
        guard let sdx = inst.secondary else { return false }
        let pdx = inst.primary
        let oldP = nodes[pdx.value], oldS = nodes[sdx.value]
        guard oldP.canMigrate(to: oldS) else { return false }
        let intP = oldP.removingPrimary(inst)
        let intS = oldS.removingSecondary(inst)
        guard case .success(let newP) = intS.addingPrimary(inst, force: true) else { return false }
        guard case .success(let newS) = intP.addingSecondary(inst, primary: sdx, force: true, ignoreDisks: oldP.offline)
        else { return false }
        if keepResult {
            set(newS)
            set(newP)
        }
        return true
    }

    /// The new row of `target` with `inst` added as forced primary, or nil when it does not fit.
    private mutating func probe(_ target: NodeIndex, _ inst: Instance) -> ScoreRows.Row? {
        if inst.forthcoming {
            guard case .success(let n) = nodes[target.value].addingPrimary(inst, force: true) else { return nil }
            return ScoreRows.Row(NodeScoreValues(n))
        }
        var pairs: [Int: Int]?
        guard ForcedPrimaryProbe.evaluate(nodes[target.value], inst, row: &scratch, pairs: &pairs) == nil else { return nil }
        return ScoreRows.Row(numbers: scratch, pairs: pairs)
    }

    /// Moves a shared-storage instance to the candidate giving the best group score (htools' `evacOneNodeOnly`
    /// with `FailoverToAny`, soft errors ignored).
    mutating func relocate(_ inst: Instance, candidates: [NodeIndex], group: GroupIndex, keepResult: Bool = true) -> Bool {
        let pdx = inst.primary
        guard let groupRows = rows.groups[group] else { return false }
        let oldAfter = nodes[pdx.value].removingPrimary(inst)
        let oldAfterRow = ScoreRows.Row(NodeScoreValues(oldAfter))
        var best: (score: Double, target: NodeIndex)?
        for t in candidates {
            guard nodes[pdx.value].canMigrate(to: nodes[t.value]) else { continue }
            guard let row = probe(t, inst) else { continue }
            let score = groupRows.score(replacing: groupRows.position[pdx.value], oldAfterRow,
                                        and: groupRows.position[t.value], row)
            if let b = best, b.score < score { continue }
            best = (score, t)
        }
        guard let b = best else { return false }
        guard keepResult else { return true }
        guard case .success(let newTarget) = nodes[b.target.value].addingPrimary(inst, force: true) else { return false }
        set(oldAfter)
        set(newTarget)
        return true
    }

    /// Places a copy of a non-movable instance on the candidate with the best score of the checked list
    /// (htools' `recreate`: `allocateOnSingle` with soft errors ignored).
    mutating func recreate(_ inst: Instance, candidates: [NodeIndex], keepResult: Bool = true) -> Bool {
        var best: (score: Double, target: NodeIndex)?
        for t in candidates {
            let target = nodes[t.value]
            if target.policy.violation(of: inst, exclusiveStorage: target.exclusiveStorage) != nil { continue }
            guard let row = probe(t, inst) else { continue }
            let score = rows.scope.score(replacing: rows.scope.position[t.value], row, and: -1, nil)
            if let b = best, b.score < score { continue }
            best = (score, t)
        }
        guard let b = best else { return false }
        guard keepResult else { return true }
        guard case .success(let newTarget) = nodes[b.target.value].addingPrimary(inst, force: true) else { return false }
        set(newTarget)
        return true
    }
}
