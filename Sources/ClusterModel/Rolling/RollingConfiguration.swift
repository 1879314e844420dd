/// Nodes and instances as hroller's planner changes them (htools' `(Node.List, Instance.List)` pair),
/// with the three single-instance changes it tries: move a non-redundant instance, migrate a DRBD
/// instance, replace a DRBD secondary.
///
/// A node slot may end up holding a copy of another node: htools' `replaceSecondary` writes the
/// primary's updated record into the old secondary's slot, and later steps read that slot. The
/// planner reproduces this so that its groups and moves stay identical to hroller's.
public struct RollingConfiguration: Equatable, Sendable {
    /// Node records by slot.
    public var nodes: [Node]
    /// Instances by index.
    public var instances: [Instance]

    /// Creates a configuration from a cluster's nodes and instances.
    public init(nodes: [Node], instances: [Instance]) {
        self.nodes = nodes
        self.instances = instances
    }

    /// Whether `slot` names a node.
    func hasNode(_ slot: Int) -> Bool { nodes.indices.contains(slot) }

    /// Primary instances of the node in `slot`, in htools' list order (most recent first).
    func primaries(of slot: Int) -> [InstanceIndex] { nodes[slot].primaries.reversed() }

    /// Secondary instances of the node in `slot`, in htools' list order (most recent first).
    func secondaries(of slot: Int) -> [InstanceIndex] { nodes[slot].secondaries.reversed() }

    /// Primaries of `slot` without a secondary node (htools' `nonRedundant`).
    func nonRedundantInstances(of slot: Int) -> [InstanceIndex] {
        primaries(of: slot).filter { !instances[$0.value].hasSecondary }
    }

    /// Primaries of `slot` with a secondary node (hroller's `primaries`).
    func redundantInstances(of slot: Int) -> [InstanceIndex] {
        primaries(of: slot).filter { instances[$0.value].hasSecondary }
    }

    /// Moves an instance to a new primary in place, ignoring soft limits (hroller's `move`), remembering what it
    /// replaced in `undo`; false, and nothing changed, if it does not fit.
    mutating func move(_ index: InstanceIndex, to target: Int, undo: inout RollingUndo) -> Bool {
        let inst = instances[index.value]
        let old = inst.primary.value
        guard case .success(let added) = nodes[target].addingPrimary(inst, force: true) else { return false }
        let removed = nodes[old].removingPrimary(inst)
        undo.save(self, nodes: [target, old], instance: index.value)
        nodes[target] = added
        nodes[old] = removed
        instances[index.value].primary = NodeIndex(target)
        return true
    }

    /// Swaps an instance's primary and secondary, ignoring soft limits (hroller's `migrate`).
    func migrating(_ index: InstanceIndex) -> Result<RollingConfiguration, RollingFailure> {
        let inst = instances[index.value]
        let p = inst.primary.value
        let s = inst.secondary?.value ?? -1
        guard hasNode(s) else { return .failure(.missingNode(s)) }
        let primaryLeft = nodes[p].removingPrimary(inst)
        let secondaryLeft = nodes[s].removingSecondary(inst)
        guard case .success(let newPrimary) = secondaryLeft.addingPrimary(inst, force: true),
              case .success(let newSecondary) = primaryLeft.addingSecondary(inst, primary: NodeIndex(s), force: true)
        else { return .failure(.noCapacity) }
        var next = self
        next.nodes[s] = newPrimary
        next.nodes[p] = newSecondary
        next.instances[index.value].primary = NodeIndex(s)
        next.instances[index.value].secondary = NodeIndex(p)
        return .success(next)
    }

    /// Gives an instance a new secondary, ignoring soft limits (hroller's `replaceSecondary`), including
    /// its quirk of storing the primary's record, minus the instance as secondary, in the old secondary's slot.
    func replacingSecondary(_ index: InstanceIndex, with target: Int) -> RollingConfiguration? {
        var next = self, undo = RollingUndo()
        return next.replaceSecondary(index, with: target, undo: &undo) ? next : nil
    }

    /// `replacingSecondary` in place: false, and nothing changed, if the target does not take the instance.
    mutating func replaceSecondary(_ index: InstanceIndex, with target: Int, undo: inout RollingUndo) -> Bool {
        let inst = instances[index.value]
        let p = inst.primary.value
        let oldSecondary = inst.secondary?.value ?? -1
        if p == target { return false }
        guard case .success(let added) = nodes[target].addingSecondary(inst, primary: inst.primary, force: true)
        else { return false }
        let stale = nodes[p].removingSecondary(inst)
        undo.save(self, nodes: hasNode(oldSecondary) ? [target, oldSecondary] : [target], instance: index.value)
        nodes[target] = added
        if hasNode(oldSecondary) { nodes[oldSecondary] = stale }
        instances[index.value].secondary = NodeIndex(target)
        return true
    }
}

/// The node and instance records a series of in-place changes replaced, to take them back.
struct RollingUndo {
    private var nodes: [(Int, Node)] = []
    private var instances: [(Int, Instance)] = []

    /// Remembers the current records of `slots` and of instance `instance` in `conf`, before they change.
    mutating func save(_ conf: RollingConfiguration, nodes slots: [Int], instance: Int) {
        for k in slots { nodes.append((k, conf.nodes[k])) }
        instances.append((instance, conf.instances[instance]))
    }

    /// Puts every remembered record back into `conf`, latest change first.
    func restore(_ conf: inout RollingConfiguration) {
        for (k, n) in nodes.reversed() { conf.nodes[k] = n }
        for (i, inst) in instances.reversed() { conf.instances[i] = inst }
    }
}

/// Why a reboot-planning step failed.
public enum RollingFailure: Error, Equatable, Sendable {
    /// Some instance found no node with room.
    case noCapacity
    /// htools would look up a node index that does not exist and abort (`IntMap.!`).
    case missingNode(Int)
}

extension RollingConfiguration {
    /// How many primaries of `slot` have no secondary node.
    public func nonRedundantCount(of slot: Int) -> Int { nonRedundantInstances(of: slot).count }
}
