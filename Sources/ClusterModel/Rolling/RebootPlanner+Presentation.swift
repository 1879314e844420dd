/// Turning planned groups into hroller's output order and its list of instance moves.
extension RebootPlanner {
    /// One instance that changed nodes: its name, new primary and (for DRBD) new secondary names.
    public struct InstanceRelocation: Equatable, Sendable {
        /// Instance name.
        public var instance: String
        /// Name of the node now in the instance's primary slot.
        public var primary: String
        /// Name of the node now in its secondary slot, for DRBD instances.
        public var secondary: String?
    }

    /// A group ready for printing: candidate node indices and the moves that clear it.
    public struct PresentedGroup: Sendable {
        /// Candidate nodes of the group, non-masters first.
        public var nodes: [NodeIndex]
        /// Instances moved to clear the group.
        public var moves: [InstanceRelocation]
    }

    /// Keeps only candidate nodes, orders groups by size (largest first, stable), puts the master's
    /// group last and the master last within it, and lists each group's moves (htools' `masterLast`,
    /// `getMoves`).
    public static func present(_ groups: [Group], candidates: Set<NodeIndex>, initial: RollingConfiguration,
                               isMaster: (NodeIndex) -> Bool) -> [PresentedGroup] {
        let filtered = groups.map { g in
            (nodes: g.slots.map(NodeIndex.init).filter { candidates.contains($0) }, configuration: g.configuration)
        }
        let bySize = filtered.enumerated().sorted { a, b in
            a.element.nodes.count != b.element.nodes.count ? a.element.nodes.count > b.element.nodes.count : a.offset < b.offset
        }.map(\.element)
        let ordered = bySize.map { g -> (nodes: [NodeIndex], hasMaster: Bool, configuration: RollingConfiguration) in
            let masters = g.nodes.filter(isMaster)
            return (g.nodes.filter { !isMaster($0) } + masters, !masters.isEmpty, g.configuration)
        }
        let final = ordered.filter { !$0.hasMaster } + ordered.filter { $0.hasMaster }
        return final.map { PresentedGroup(nodes: $0.nodes, moves: relocations(from: initial, to: $0.configuration)) }
    }

    /// Instances whose primary (or DRBD secondary) changed, excluding plain primary/secondary swaps.
    public static func relocations(from before: RollingConfiguration, to after: RollingConfiguration) -> [InstanceRelocation] {
        var out: [InstanceRelocation] = []
        let olds = before.instances, news = after.instances
        // Field by field: iterating the instances themselves would copy (retain and release) every one twice.
        for i in 0..<min(olds.count, news.count) {
            let oldP = olds[i].primary.value, oldS = olds[i].secondary?.value ?? -1
            let newP = news[i].primary.value, newS = news[i].secondary?.value ?? -1
            let redundant = olds[i].diskTemplate.hasSecondary
            guard oldP != newP || (redundant && oldS != newS) else { continue }
            guard !(newP == oldS && newS == oldP) else { continue }
            guard after.hasNode(newP) else { continue }
            var secondary: String? = nil
            if redundant {
                guard after.hasNode(newS) else { continue }
                secondary = after.nodes[newS].name
            }
            out.append(InstanceRelocation(instance: news[i].name, primary: after.nodes[newP].name, secondary: secondary))
        }
        return out
    }
}
