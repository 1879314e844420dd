import ClusterModel

/// Texts of a balancing plan: solution lines, move descriptions and `gnt-instance` commands.
public enum SolutionText {
    /// The move description and commands of a step (htools' `computeMoves`).
    public static func describe(_ instance: Instance, name: String, move: InstanceMove,
                                newPrimary: String, newSecondary: String) -> (String, [String]) {
        let verb = instance.isRunning ? "migrate" : "failover"
        let mig = "\(verb) -f \(name)"
        func rep(_ node: String) -> String { "replace-disks -n \(node) \(name)" }
        switch move {
        case .failover: return ("f", [mig])
        case .failoverToAny: return ("fa:\(newPrimary)", ["\(verb) -f -n \(newPrimary) \(name)"])
        case .failoverAndReplace: return ("f r:\(newSecondary)", [mig, rep(newSecondary)])
        case .replaceSecondary: return ("r:\(newSecondary)", [rep(newSecondary)])
        case .replaceAndFailover: return ("r:\(newPrimary) f", [rep(newPrimary), mig])
        case .replacePrimary: return ("f r:\(newPrimary) f", [mig, rep(newPrimary), mig])
        }
    }

    /// One solution line and its commands (htools' `printSolutionLine`); `moved` is the instance as it was before
    /// the step (node names are read from `cluster`, before or after the step alike).
    public static func line(_ cluster: Cluster, moved inst: Instance, placement p: BalancingStep, position: Int,
                            nodeNameWidth: Int, instanceNameWidth: Int) -> (String, [String]) {
        let pairWidth = 2 * nodeNameWidth + 1
        func alias(_ n: NodeIndex?) -> String { n.map { cluster.nodes[$0.value].alias } ?? "" }
        let newPrimary = alias(p.primary), newSecondary = alias(p.secondary)
        let (moves, commands) = describe(inst, name: inst.alias, move: p.move, newPrimary: newPrimary, newSecondary: newSecondary)
        let old = inst.secondary == nil ? alias(inst.primary) : alias(inst.primary) + ":" + alias(inst.secondary)
        let new = p.secondary == nil ? newPrimary : newPrimary + ":" + newSecondary
        typealias F = HaskellNumberFormat
        let text = "  " + F.integer(position, width: 3) + ". " + F.pad(inst.alias, -instanceNameWidth) + " "
            + F.pad(old, -pairWidth) + " => " + F.pad(new, -pairWidth) + " "
            + F.fixed(p.score, width: 12, decimals: 8) + " a=" + moves
        return (text, commands)
    }

    /// The job-set script body (htools' `formatCmds`).
    public static func commands(_ jobSets: [[MoveJob]]) -> String {
        var lines: [String] = []
        for (setNumber, set) in jobSets.enumerated() {
            for (jobNumber, job) in set.enumerated() {
                if jobNumber == 0 { lines += ["", "echo jobset \(setNumber + 1), \(set.count) jobs"] }
                lines.append("  echo job \(setNumber + 1)/\(jobNumber + 1)")
                lines.append("  check")
                lines += job.commands.map { "  gnt-instance " + $0 }
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The shell script header htools writes before the commands (htools' `shTemplate`).
    public static let scriptHeader = """
        #!/bin/sh

        # Auto-generated script for executing cluster rebalancing

        # To stop, touch the file /tmp/stop-htools

        set -e

        check() {
          if [ -f /tmp/stop-htools ]; then
            echo 'Stop requested, exiting'
            exit 0
          fi
        }


        """
}
