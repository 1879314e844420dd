import ClusterModel
import ClusterIO

/// The hscan program: summarise clusters read over RAPI and save each as a text snapshot (htools' `Hscan.main`).
public enum HscanProgram {
    /// Runs hscan for the cluster addresses in `clusters`; never returns.
    public static func run(_ options: HToolsOptions, clusters: [String]) -> Never {
        let local = "LOCAL"
        let width = clusters.isEmpty ? local.unicodeScalars.count : clusters.map { $0.unicodeScalars.count }.max() ?? 0
        typealias F = HaskellNumberFormat
        if !options.noHeaders {
            let header = [("Nodes", 5), ("Inst", 5), ("BNode", 5), ("BInst", 5), ("t_mem", 6), ("f_mem", 6),
                          ("t_disk", 6), ("f_disk", 6), ("Score", 10)].map { F.pad($0.0, $0.1) }
            Console.out(F.pad("Name", -width) + " " + header.joined(separator: " ") + "\n")
        }
        if clusters.isEmpty {
            // No LUXI client: the local query socket is never reachable here.
            ClusterLoading.dieUncaught("Network.Socket.connect: <socket: 3>: does not exist (No such file or directory)", tool: .hscan)
        }
        var allGood = true
        for name in clusters {
            switch RapiSource.load(name, tool: .hscan) {
            case .failure(let e):
                Console.out("\nError for \(name): failed to load data. Details:\n\(e.message)\n")
                allGood = false
            case .success(let snapshot):
                allGood = write(name, snapshot, width: width, options: options) && allGood
            }
        }
        Console.exit(allGood ? 0 : 2)
    }

    /// Prints one cluster's summary line (and `-p` table) and writes `DIR/NAME.data`.
    static func write(_ name: String, _ snapshot: RapiSnapshotReader.Snapshot, width: Int, options: HToolsOptions) -> Bool {
        var processed: Cluster
        do {
            processed = try assembleCluster(snapshot.cluster)
        } catch {
            Console.out("\nError for \(name): failed to process data. Details:\n\(String(describing: error))\n")
            return false
        }
        if snapshot.hypervisor == "kvm" && options.staticKvmNodeMemory > 0 {
            for i in processed.nodes.indices { processed.nodes[i].nodeMemory = options.staticKvmNodeMemory }
        }
        _ = reconcileNodeResources(&processed)
        Console.out(HaskellNumberFormat.pad(name, -width) + " " + summary(processed) + "\n")
        if let fields = options.printNodes { Console.out(NodeTable.render(processed, fields: fields)) }
        let fileName = String(name.map { $0 == "/" ? "_" : $0 }) + ".data"
        let path = joinPath(options.outputDir, fileName)
        if let error = AtomicFile.write(TextSnapshotWriter.serialize(snapshot.cluster), to: path) {
            ClusterLoading.dieUncaught(error, tool: .hscan)
        }
        return true
    }

    /// htools' `printCluster`: counts, bad items, memory and disk totals, score.
    static func summary(_ c: Cluster) -> String {
        typealias F = HaskellNumberFormat
        let bad = c.badItems(among: c.nodes.map(\.index))
        var totalMemory = 0.0, totalDisk = 0.0, freeMemory = 0, freeDisk = 0
        for n in c.nodes {
            totalMemory = totalMemory + n.totalMemory
            totalDisk = totalDisk + n.totalDisk
            freeMemory &+= n.freeMemory
            freeDisk &+= n.freeDisk
        }
        return [F.integer(c.nodes.count, width: 5), F.integer(c.instances.count, width: 5),
                F.integer(bad.nodes.count, width: 5), F.integer(bad.instances.count, width: 5),
                F.fixed(totalMemory, width: 6, decimals: 0), F.integer(freeMemory, width: 6),
                F.fixed(totalDisk / 1024, width: 6, decimals: 0), F.integer(floorDiv(freeDisk, 1024), width: 6),
                F.fixed(c.score(), decimals: 8)].joined(separator: " ")
    }

    /// `System.FilePath`'s `</>` for a relative file name.
    static func joinPath(_ dir: String, _ file: String) -> String {
        if dir.isEmpty { return file }
        return dir.hasSuffix("/") ? dir + file : dir + "/" + file
    }
}
