/// Greedy clearing of nodes, the core of hroller's capacity checks (htools' `greedyClearNodes`,
/// `partitionNodes` and their two uses).
extension RollingConfiguration {
    /// What has to leave a node before it reboots.
    public enum ClearingKind: Sendable {
        /// Instances without a secondary; they move to another node of the same group.
        case nonRedundantInstances
        /// Secondaries of DRBD instances; they get a new secondary in the same group.
        case secondaries
    }

    /// The instances of `slot` that `kind` has to relocate.
    func instancesToClear(_ kind: ClearingKind, from slot: Int) -> [InstanceIndex] {
        switch kind {
        case .nonRedundantInstances: return nonRedundantInstances(of: slot)
        case .secondaries: return secondaries(of: slot)
        }
    }

    /// Relocates each instance to the first target that takes it, in place; when one finds none, takes every
    /// change back and returns false (so a failed attempt copies nothing).
    mutating func relocate(_ kind: ClearingKind, _ victims: [InstanceIndex], targets: [Int]) -> Bool {
        var undo = RollingUndo()
        for victim in victims {
            var placed = false
            for target in targets {
                switch kind {
                case .nonRedundantInstances: placed = move(victim, to: target, undo: &undo)
                case .secondaries: placed = replaceSecondary(victim, with: target, undo: &undo)
                }
                if placed { break }
            }
            guard placed else {
                undo.restore(&self)
                return false
            }
        }
        return true
    }

    /// Clears as many of `slots` as possible, in order, keeping each one that can be cleared onto the
    /// remaining targets of its group; returns the cleared slots and the resulting configuration.
    /// - Complexity: O(slots × instances × targets) placement attempts.
    public func clearGreedily(_ kind: ClearingKind, slots: [Int], targets: [Int]) -> (cleared: [Int], configuration: RollingConfiguration) {
        var conf = self
        var remainingTargets = targets
        var cleared: [Int] = []
        for slot in slots {
            var others = remainingTargets
            if let at = others.firstIndex(of: slot) { others.remove(at: at) }
            let group = conf.nodes[slot].group
            let sameGroup = others.filter { conf.nodes[$0].group == group }
            if conf.relocate(kind, conf.instancesToClear(kind, from: slot), targets: sameGroup) {
                cleared.append(slot)
                remainingTargets = others
            }
        }
        return (cleared, conf)
    }

    /// Splits `slots` into successive greedily cleared groups, each computed from this configuration;
    /// nil when some slot can never be cleared (htools' `partitionNodes`).
    public func partition(_ kind: ClearingKind, slots: [Int], targets: [Int]) -> [(slots: [Int], configuration: RollingConfiguration)]? {
        var parts: [(slots: [Int], configuration: RollingConfiguration)] = []
        var remaining = slots
        while !remaining.isEmpty {
            let (cleared, conf) = clearGreedily(kind, slots: remaining, targets: targets)
            if cleared.isEmpty { return nil }
            parts.append((cleared, conf))
            for slot in cleared {
                if let at = remaining.firstIndex(of: slot) { remaining.remove(at: at) }
            }
        }
        return parts
    }

    /// Migrates every DRBD instance off `slots`, the list taken before any migration (htools' `migrateOffNodes`).
    public func migratingOff(_ slots: [Int]) -> Result<RollingConfiguration, RollingFailure> {
        let victims = slots.flatMap { redundantInstances(of: $0) }
        var conf = self
        for victim in victims {
            switch conf.migrating(victim) {
            case .success(let next): conf = next
            case .failure(let f): return .failure(f)
            }
        }
        return .success(conf)
    }
}
