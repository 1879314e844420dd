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
                switch cluster.applying(.failover, to: instance, ignoreSoftErrors: ignoreSoftErrors) {
                case .failure(let f): return .failure(EvacuationFailure(f.htoolsName))
                case .success(let (next, moved)):
                    return .success(finish(next, moved, moves: [.failover]))
                }
            case .changeSecondary:
                return oneNodeOnly(instance, in: cluster, group: group, targets: targets, ignoreSoftErrors: ignoreSoftErrors)
            case .changeAll:
                return allNodes(instance, in: cluster, group: group, targets: targets, ignoreSoftErrors: ignoreSoftErrors)
            }
        }
    }

    /// Stores the moved instance and builds the job for `moves` (htools' `iMoveToJob` over the moves).
    private static func finish(_ cluster: Cluster, _ instance: Instance, moves: [InstanceMove]) -> Outcome {
        var next = cluster
        next.instances[instance.index.value] = instance
        let job = moves.flatMap { JobOperation.job(for: $0, instance: instance, nodes: next.nodes) }
        return Outcome(cluster: next, job: job)
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
        var failures = ""
        var best: (cluster: Cluster, instance: Instance, score: Double, target: NodeIndex)?
        for target in targets {
            switch cluster.applying(makeMove(target), to: instance, ignoreSoftErrors: ignoreSoftErrors) {
            case .failure(let f):
                if best == nil { failures += " Node \(cluster.nodes[target.value].name) failed: \(f.htoolsName);" }
            case .success(let (next, moved)):
                let score = next.score(of: next.nodes(inGroup: group))
                if let b = best, b.score < score { continue }
                best = (next, moved, score, target)
            }
        }
        guard let b = best else { return .failure(EvacuationFailure("Can't find any good node: " + failures)) }
        return .success(finish(b.cluster, b.instance, moves: [makeMove(b.target)]))
    }

    /// Moves both nodes of a DRBD instance, trying every (primary, secondary) pair of targets
    /// (htools' `ChangeAll` evacuation).
    static func allNodes(_ instance: Instance, in cluster: Cluster, group: GroupIndex, targets: [NodeIndex],
                         ignoreSoftErrors: Bool) -> Result<Outcome, EvacuationFailure> {
        var failure = "no nodes available"
        var best: (outcome: Outcome, score: Double)?
        for p in targets {
            for s in targets where s != p {
                switch drbdAllMoves(instance, in: cluster, group: group, primary: p, secondary: s,
                                    ignoreSoftErrors: ignoreSoftErrors) {
                case .failure(let f):
                    if best == nil { failure = "Allocation failed: " + f.message }
                case .success(let candidate):
                    if let b = best, b.score < candidate.score { continue }
                    best = candidate
                }
            }
        }
        guard let b = best else { return .failure(EvacuationFailure("Can't find any good nodes for relocation: " + failure)) }
        return .success(b.outcome)
    }

    /// Replace-secondary to the new primary, failover, replace-secondary to the new secondary,
    /// preceded by a failover when the current primary is offline (htools' `evacDrbdAllInner`).
    private static func drbdAllMoves(_ instance: Instance, in cluster: Cluster, group: GroupIndex, primary: NodeIndex,
                                     secondary: NodeIndex, ignoreSoftErrors: Bool)
        -> Result<(outcome: Outcome, score: Double), EvacuationFailure> {
        var steps: [(InstanceMove, String)] = []
        if cluster.nodes[instance.primary.value].offline { steps.append((.failover, "Failing over to the secondary")) }
        steps.append((.replaceSecondary(primary), "Changing secondary to new primary"))
        steps.append((.failover, "Failing over to new primary"))
        steps.append((.replaceSecondary(secondary), "Changing secondary to final secondary"))
        var current = cluster
        var inst = instance
        for (move, label) in steps {
            switch current.applying(move, to: inst, ignoreSoftErrors: ignoreSoftErrors) {
            case .failure(let f): return .failure(EvacuationFailure(label + ": " + f.htoolsName))
            case .success(let (next, moved)):
                current = next
                inst = moved
            }
        }
        let outcome = finish(current, inst, moves: steps.map(\.0))
        return .success((outcome, outcome.cluster.score(of: outcome.cluster.nodes(inGroup: group))))
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
