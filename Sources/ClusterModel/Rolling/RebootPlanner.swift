/// Plans rolling reboots as htools' hroller does: colour the node graph, then split colour classes
/// until every group can be emptied of what must leave it.
public enum RebootPlanner {
    /// Which kinds of instances the plan moves away from rebooting nodes.
    public struct Options: Sendable {
        /// Keep non-redundant instances where they are (`--ignore-non-redundant`).
        public var ignoreNonRedundant = false
        /// Also migrate DRBD primaries away and replace secondaries (`--full-evacuation`).
        public var fullEvacuation = false
        /// Creates the default options.
        public init() {}
    }

    /// One reboot group: its node slots (graph vertices, possibly non-candidates) and the
    /// configuration after clearing them.
    public struct Group: Sendable {
        /// Node slots rebooted together.
        public var slots: [Int]
        /// Nodes and instances once the group has been cleared.
        public var configuration: RollingConfiguration
    }

    /// Why no plan exists.
    public enum Failure: Error, Equatable, Sendable {
        /// Non-redundant instances cannot all be moved.
        case nonRedundantCapacity
        /// Migrating DRBD instances off a group failed.
        case migrationFailed
        /// Secondaries cannot all be moved.
        case secondaryCapacity
        /// htools aborts looking up a missing node index.
        case missingNode(Int)
    }

    /// The colouring of each algorithm in htools' order, as colour classes.
    public static func colourings(_ graph: NodeGraph) -> [(algorithm: GraphColoring.Algorithm, classes: [[Int]])] {
        GraphColoring.Algorithm.allCases.map { algorithm in
            (algorithm, GraphColoring.classes(graph, colours: GraphColoring.colour(graph, with: algorithm)))
        }
    }

    /// The first colouring with the fewest colours.
    public static func smallest(_ colourings: [(algorithm: GraphColoring.Algorithm, classes: [[Int]])]) -> [[Int]] {
        var best: [[Int]]? = nil
        for c in colourings where best == nil || c.classes.count < best?.count ?? 0 { best = c.classes }
        return best ?? []
    }

    /// Splits colour classes into reboot groups; `targets` are the online nodes instances may go to.
    public static func plan(_ classes: [[Int]], initial: RollingConfiguration, targets: [Int],
                            options: Options) -> Result<[Group], Failure> {
        var groups: [Group] = []
        if options.ignoreNonRedundant {
            groups = classes.map { Group(slots: $0, configuration: initial) }
        } else {
            for cls in classes {
                guard let parts = initial.partition(.nonRedundantInstances, slots: cls, targets: targets) else {
                    return .failure(.nonRedundantCapacity)
                }
                groups += parts.map { Group(slots: $0.slots, configuration: $0.configuration) }
            }
        }
        guard options.fullEvacuation else { return .success(groups) }
        var migrated: [Group] = []
        for g in groups {
            switch g.configuration.migratingOff(g.slots) {
            case .success(let conf): migrated.append(Group(slots: g.slots, configuration: conf))
            case .failure(.missingNode(let key)): return .failure(.missingNode(key))
            case .failure(.noCapacity): return .failure(.migrationFailed)
            }
        }
        var split: [Group] = []
        for g in migrated {
            guard let parts = g.configuration.partition(.secondaries, slots: g.slots, targets: targets) else {
                return .failure(.secondaryCapacity)
            }
            split += parts.map { Group(slots: $0.slots, configuration: $0.configuration) }
        }
        return .success(split)
    }
}
