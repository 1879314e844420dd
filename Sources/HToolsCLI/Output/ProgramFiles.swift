import ClusterModel
import ClusterIO

/// The `-S` and `-C` file outputs shared by hbal, hroller and hsqueeze (htools' `maybeSaveData`, `maybeSaveCommands`).
enum ProgramFiles {
    /// Writes the cluster (limited to `nodes`/`instances` when given) to `PREFIX.EXT` and reports it on
    /// standard error; dies like GHC on I/O errors.
    static func saveState(_ prefix: String?, _ ext: String, _ message: String, _ data: Cluster, tool: HTool,
                          nodes: [NodeIndex]? = nil, instances: [InstanceIndex]? = nil) {
        guard let prefix = prefix else { return }
        let path = prefix + "." + ext
        if let error = AtomicFile.write(TextSnapshotWriter.serialize(data, nodes: nodes, instances: instances), to: path) {
            ClusterLoading.dieUncaught(error, tool: tool)
        }
        Console.errLine("The cluster state \(message) has been written to file '\(path)'")
    }

    /// Prints the commands under `title` (`-C` alone) or writes them as a shell script (`-CFILE`).
    static func saveCommands(_ target: String?, title: String, _ commands: String, tool: HTool) {
        guard let target = target else { return }
        if target == "-" {
            Console.outLine("")
            Console.outLine(title)
            let lines = FieldParsing.lines(commands).filter { $0 != "  check" }
            Console.out(lines.map { "  " + $0 + "\n" }.joined())
            return
        }
        if let error = AtomicFile.write(SolutionText.scriptHeader + commands, to: target) {
            ClusterLoading.dieUncaught(error, tool: tool)
        }
        Console.out("The commands have been written to file '\(target)'\n")
    }
}
