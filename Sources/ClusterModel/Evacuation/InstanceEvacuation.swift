/// Moving one instance off some of its nodes, as htools' `nodeEvacInstance` does.
///
/// Every candidate target is tried in turn; the one leaving its target group with the lowest
/// score wins, later candidates winning ties. Failures are reported with htools' texts.
public enum InstanceEvacuation {
    /// A successful single-instance move: new cluster (instance stored) and its job.
    public struct Outcome: Sendable {
        /// The cluster after the move, with the moved instance stored.
        public var cluster: Cluster
        /// The opcodes carrying out the move.
        public var job: [JobOperation]
    }

    /// Moves `instance` within `group` using only `targets`, per `mode` (htools' `nodeEvacInstance`).
    /// - Complexity: O(t · n) for single-node modes and O(t² · n) for `.changeAll` on DRBD,
    ///   for t targets and n nodes in the group.
    public static func evacuate(_ instance: Instance, in cluster: Cluster, mode: EvacuationMode, group: GroupIndex,
                                targets: [NodeIndex], ignoreSoftErrors: Bool) -> Result<Outcome, EvacuationFailure> {
        let template = instance.diskTemplate
        switch template {
        case .plain, .file:
            return .failure(EvacuationFailure("Instances of type \(template.rawValue) cannot be relocated"))
        case .diskless, .sharedfile, .blockdev, .rbd, .ext, .gluster:
            if mode == .changeSecondary {
                return .failure(EvacuationFailure("Instances with disk template '\(template.rawValue)' can't execute change secondary"))
            }
            return oneNodeOnly(instance, in: cluster, group: group, targets: targets, ignoreSoftErrors: ignoreSoftErrors)
        case .drbd:
            if instance.secondary == nil {
                // htools moves DRBD instances through their secondary, looked up under index -1 here.
                let attempted = mode == .changePrimary || (mode == .changeSecondary && !targets.isEmpty)
                    || (mode == .changeAll && targets.count >= 2)
                if attempted { return .failure(.missingNode(-1)) }
            }
            switch mode {
            case .changePrimary:
                var scratch = Scratch(cluster.nodes)
                switch scratch.apply(.failover, to: instance, force: ignoreSoftErrors) {
                case .failure(let f): return .failure(EvacuationFailure(f.htoolsName))
                case .success(let moved):
                    return .success(finish(cluster, Candidate(nodes: scratch.changed, instance: moved, moves: [.failover], score: 0)))
                }
            case .changeSecondary:
                return oneNodeOnly(instance, in: cluster, group: group, targets: targets, ignoreSoftErrors: ignoreSoftErrors)
            case .changeAll:
                return allNodes(instance, in: cluster, group: group, targets: targets, ignoreSoftErrors: ignoreSoftErrors)
            }
        }
    }

    /// Stores the changed nodes and the moved instance, and builds the job for `moves`
    /// (htools' `iMoveToJob` over the moves).
    private static func finish(_ cluster: Cluster, _ candidate: Candidate) -> Outcome {
        var next = cluster
        for n in candidate.nodes { next.nodes[n.index.value] = n }
        next.instances[candidate.instance.index.value] = candidate.instance
        let job = candidate.moves.flatMap { JobOperation.job(for: $0, instance: candidate.instance, nodes: next.nodes) }
        return Outcome(cluster: next, job: job)
    }

    /// A scored way of moving the instance: the nodes it changes, the moved instance, the moves.
    private struct Candidate {
        var nodes: [Node]
        var instance: Instance
        var moves: [InstanceMove]
        var score: Double
    }

    /// The cluster's node array with candidate moves applied in place and undone afterwards,
    /// so trying a target costs only the nodes it touches.
    private struct Scratch {
        var nodes: [Node]
        private var saved: [(Int, Node)] = []

        init(_ nodes: [Node]) { self.nodes = nodes }

        /// Applies `move` to `instance`, keeping the changed nodes for `undo`.
        mutating func apply(_ move: InstanceMove, to instance: Instance, force: Bool) -> Result<Instance, FailMode> {
            switch MoveApplication.apply(move, to: instance, nodes: nodes, force: force) {
            case .failure(let f): return .failure(f)
            case .success(let applied):
                for (i, n) in applied.changedNodes {
                    saved.append((i.value, nodes[i.value]))
                    nodes[i.value] = n
                }
                return .success(applied.instance)
            }
        }

        /// The current states of every node changed since the last `undo`.
        var changed: [Node] {
            var seen = Set<Int>()
            return saved.compactMap { seen.insert($0.0).inserted ? nodes[$0.0] : nil }
        }

        /// Restores the nodes changed since the last `undo`.
        mutating func undo() {
            for (i, n) in saved.reversed() { nodes[i] = n }
            saved.removeAll(keepingCapacity: true)
        }
    }

    /// Changes one node of the instance, trying every target (htools' `evacOneNodeOnly`).
    static func oneNodeOnly(_ instance: Instance, in cluster: Cluster, group: GroupIndex, targets: [NodeIndex],
                            ignoreSoftErrors: Bool) -> Result<Outcome, EvacuationFailure> {
        let makeMove: (NodeIndex) -> InstanceMove
        switch instance.mirrorType {
        case .none: return .failure(EvacuationFailure("Can't relocate/evacuate non-mirrored instances"))
        case .internal: makeMove = { .replaceSecondary($0) }
        case .external: makeMove = { .failoverToAny($0) }
        }
        var rows = GroupScoreRows(cluster, group: group)
        var scratch = Scratch(cluster.nodes)
        var failures = ""
        var best: Candidate?
        for target in targets {
            defer { scratch.undo() }
            switch scratch.apply(makeMove(target), to: instance, force: ignoreSoftErrors) {
            case .failure(let f):
                if best == nil { failures += " Node \(cluster.nodes[target.value].name) failed: \(f.htoolsName);" }
            case .success(let moved):
                let changed = scratch.changed
                let score = rows.score(with: changed)
                if let b = best, b.score < score { continue }
                best = Candidate(nodes: changed, instance: moved, moves: [makeMove(target)], score: score)
            }
        }
        guard let b = best else { return .failure(EvacuationFailure("Can't find any good node: " + failures)) }
        return .success(finish(cluster, b))
    }

    /// Moves both nodes of a DRBD instance, trying every (primary, secondary) pair of targets
    /// (htools' `ChangeAll` evacuation).
    static func allNodes(_ instance: Instance, in cluster: Cluster, group: GroupIndex, targets: [NodeIndex],
                         ignoreSoftErrors: Bool) -> Result<Outcome, EvacuationFailure> {
        var rows = GroupScoreRows(cluster, group: group)
        var scratch = Scratch(cluster.nodes)
        var failure = "no nodes available"
        var best: Candidate?
        for p in targets {
            for s in targets where s != p {
                defer { scratch.undo() }
                switch drbdAllMoves(instance, scratch: &scratch, primary: p, secondary: s, ignoreSoftErrors: ignoreSoftErrors) {
                case .failure(let f):
                    if best == nil { failure = "Allocation failed: " + f.message }
                case .success(let (moved, moves)):
                    let changed = scratch.changed
                    let score = rows.score(with: changed)
                    if let b = best, b.score < score { continue }
                    best = Candidate(nodes: changed, instance: moved, moves: moves, score: score)
                }
            }
        }
        guard let b = best else { return .failure(EvacuationFailure("Can't find any good nodes for relocation: " + failure)) }
        return .success(finish(cluster, b))
    }

    /// Replace-secondary to the new primary, failover, replace-secondary to the new secondary,
    /// preceded by a failover when the current primary is offline (htools' `evacDrbdAllInner`).
    private static func drbdAllMoves(_ instance: Instance, scratch: inout Scratch, primary: NodeIndex,
                                     secondary: NodeIndex, ignoreSoftErrors: Bool)
        -> Result<(Instance, [InstanceMove]), EvacuationFailure> {
        var steps: [(InstanceMove, String)] = []
        if scratch.nodes[instance.primary.value].offline { steps.append((.failover, "Failing over to the secondary")) }
        steps.append((.replaceSecondary(primary), "Changing secondary to new primary"))
        steps.append((.failover, "Failing over to new primary"))
        steps.append((.replaceSecondary(secondary), "Changing secondary to final secondary"))
        var inst = instance
        for (move, label) in steps {
            switch scratch.apply(move, to: inst, force: ignoreSoftErrors) {
            case .failure(let f): return .failure(EvacuationFailure(label + ": " + f.htoolsName))
            case .success(let moved): inst = moved
            }
        }
        return .success((inst, steps.map(\.0)))
    }
}

/// Why an instance could not be evacuated or relocated, in htools' words.
public struct EvacuationFailure: Error, Equatable, Sendable {
    /// The message htools reports.
    public var message: String
    /// Set when htools would abort instead: it looks up this node index, which does not exist
    /// (a DRBD instance without secondary has secondary index -1).
    public var missingNodeKey: Int?
    /// Creates a failure.
    public init(_ message: String) { self.message = message }

    /// htools' abort on looking up a node that is not in its node map.
    public static func missingNode(_ key: Int) -> EvacuationFailure {
        var f = EvacuationFailure("IntMap.!: key \(key) is not an element of the map")
        f.missingNodeKey = key
        return f
    }
}
