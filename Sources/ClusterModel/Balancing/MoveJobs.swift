/// One executed move of a plan with the nodes it touches and its `gnt-instance` commands (htools' `MoveJob`).
public struct MoveJob: Sendable {
    /// Nodes involved (new primary, new secondary, old nodes), without duplicates.
    public var nodes: [NodeIndex]
    /// The moved instance.
    public var instance: InstanceIndex
    /// The move.
    public var move: InstanceMove
    /// Commands without the `gnt-instance` prefix.
    public var commands: [String]

    /// Creates a move job.
    public init(nodes: [NodeIndex], instance: InstanceIndex, move: InstanceMove, commands: [String]) {
        self.nodes = nodes; self.instance = instance; self.move = move; self.commands = commands
    }
}

/// Groups move jobs into sets of independent jobs (htools' `splitJobs`).
public enum JobSets {
    /// Nodes a placement touches: new nodes then the instance's current ones, deduplicated (htools' `involvedNodes`).
    public static func involvedNodes(instance: Instance, placement: BalancingStep) -> [NodeIndex] {
        var all = [placement.primary]
        if let s = placement.secondary { all.append(s) }
        all += instance.allNodes
        var out: [NodeIndex] = []
        for n in all where n.value >= 0 && !out.contains(n) { out.append(n) }
        return out
    }

    /// Splits `newestFirst` jobs into job sets exactly as htools does (its output order included).
    public static func split(_ newestFirst: [MoveJob]) -> [[MoveJob]] {
        var sets: [[MoveJob]] = []
        var busy: [NodeIndex] = []
        for job in newestFirst {
            if sets.isEmpty {
                sets = [[job]]
                busy = job.nodes
            } else if !job.nodes.contains(where: { busy.contains($0) }) {
                sets[0].insert(job, at: 0)
                busy = job.nodes + busy
            } else {
                sets.insert([job], at: 0)
                busy = job.nodes
            }
        }
        return sets
    }
}
