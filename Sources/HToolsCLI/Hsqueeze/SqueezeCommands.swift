import ClusterModel

/// The shell commands hsqueeze prints with `-C`: instance moves as job sets, node tagging and power
/// commands (htools' `off_cmd` and `on_cmd`).
enum SqueezeCommands {
    /// Job sets of a balancing run, as htools' `getMoves` and `splitJobs` build them.
    static func jobSets(_ steps: [SqueezeBalancing.Step], after cluster: Cluster) -> [[MoveJob]] {
        var newestFirst: [MoveJob] = []
        for s in steps {
            func alias(_ n: NodeIndex?) -> String {
                guard let n, cluster.nodes.indices.contains(n.value) else { return "" }
                return cluster.nodes[n.value].alias
            }
            let (_, commands) = SolutionText.describe(s.before, name: s.before.name, move: s.step.move,
                                                      newPrimary: alias(s.step.primary), newSecondary: alias(s.step.secondary))
            let nodes = JobSets.involvedNodes(instance: s.before, placement: s.step)
            newestFirst.insert(MoveJob(nodes: nodes, instance: s.step.instance, move: s.step.move, commands: commands), at: 0)
        }
        return JobSets.split(newestFirst)
    }

    /// Commands for powering nodes off: moves, then standby tags, then power-off.
    static func offline(_ nodes: [NodeIndex], steps: [SqueezeBalancing.Step], after cluster: Cluster) -> String {
        let aliases = nodes.map { cluster.nodes[$0.value].alias }
        return SolutionText.commands(jobSets(steps, after: cluster))
            + "\necho Tagging Commands\n"
            + aliases.map { "  gnt-node add-tags \($0) \(TagRules.standbyAuto)\n" }.joined()
            + "\necho Power Commands\n"
            + aliases.map { "  gnt-node power -f off \($0)\n" }.joined()
    }

    /// Commands for powering nodes on: power-on first, then the moves.
    static func online(_ nodes: [NodeIndex], steps: [SqueezeBalancing.Step], after cluster: Cluster) -> String {
        "echo Power Commands\n"
            + nodes.map { "  gnt-node power -f on \(cluster.nodes[$0.value].alias)\n" }.joined()
            + SolutionText.commands(jobSets(steps, after: cluster))
    }
}
