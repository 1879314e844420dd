import ClusterModel

/// The body of `hinfo`: loaded counts, split instances, group table, N+1 status, tables and score.
public enum ClusterInfoReport {
    /// Prints the report for a loaded cluster at the given verbosity.
    public static func run(_ cluster: Cluster, options: HToolsOptions) {
        let verbose = options.verbosity
        Console.outLine("Loaded cluster tags: " + cluster.tags.joined(separator: ","))
        if verbose > 2 { Console.outLine("Loaded cluster ipolicy: " + PolicyDescription.show(cluster.policy)) }
        var nodesView = cluster
        ClusterLoading.applyNodeStatus(options, to: &nodesView)
        let c = nodesView

        if c.instances.isEmpty && verbose > 1 { Console.out("Cluster is empty.\n") }
        Console.outLine(loadedLine(c))
        let suffix = c.commonSuffix
        if !suffix.isEmpty && verbose > 2 { Console.out("Note: Stripping common suffix of '\(suffix)' from names\n") }

        let split = c.splitInstances()
        if split.isEmpty {
            if verbose > 1 { Console.outLine("No split instances found") }
        } else {
            Console.outLine("Found instances belonging to multiple node groups:")
            for i in split { Console.errLine("  " + c.instances[i.value].name) }
        }

        var rows: [[String]] = []
        var allHappy = true
        for slice in c.splitByGroup() {
            let bad = c.badItems(among: slice.nodes)
            let happy = bad.nodes.isEmpty
            allHappy = allHappy && happy
            rows.append([c.groups[slice.group.value].name, String(slice.nodes.count), String(slice.instances.count),
                         String(bad.nodes.count), String(bad.instances.count), happy ? "True" : "False",
                         ScoreReport.score(c.score(of: slice.nodes))])
        }
        if verbose > 1 {
            Console.out("Node group information:\n" + TextTable.render(
                prefix: "  ", header: ["Group", "Nodes", "Instances", "Bad_Nodes", "Bad_Instances", "N+1", "Score"],
                rows: rows, numeric: [false, true, true, true, true, false, true]))
        }
        Console.outLine("Cluster is N+1 " + (allHappy ? "happy" : "unhappy"))

        if options.printInstances {
            Console.errLine("")
            Console.errLine("Instances instance map:")
            Console.err(InstanceTable.render(c))
        }
        if let fields = options.printNodes {
            Console.errLine("")
            Console.errLine("Cluster status:")
            Console.errLine(NodeTable.render(c, fields: fields))
        }
        let stats = c.statistics()
        Console.out("Cluster coefficients:\n" + ScoreReport.render(prefix: "  ", stats))
        Console.outLine("Cluster score: " + ScoreReport.score(stats.score))
    }

    /// `Loaded N nodes, M instances, K node groups`.
    public static func loadedLine(_ c: Cluster) -> String {
        func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) " + (n == 1 ? one : many) }
        return "Loaded " + plural(c.nodes.count, "node", "nodes") + ", " + plural(c.instances.count, "instance", "instances")
            + ", " + plural(c.groups.count, "node group", "node groups")
    }
}
