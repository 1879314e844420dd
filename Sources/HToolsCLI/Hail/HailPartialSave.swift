import ClusterModel
import ClusterIO

/// Saving the state after an allocation in a named group. htools then holds only that group's
/// nodes, so serialising any instance placed elsewhere fails (`IntMap.!`) after the file was
/// opened: the file keeps what its 8 KiB buffer had flushed, and hail dies with GHC's message.
enum HailPartialSave {
    /// GHC's handle buffer size in bytes.
    static let bufferSize = 8192

    /// Mirrors htools' failure when `cluster` has instances outside `visible`; returns when there are none.
    static func save(_ options: HToolsOptions, _ cluster: Cluster, visible: [NodeIndex]) {
        guard let prefix = options.saveCluster else { return }
        let shown = Set(visible)
        var missing: NodeIndex?
        var instanceLines: [String] = []
        for inst in cluster.instances {
            if !shown.contains(inst.primary) { missing = inst.primary; break }
            if let s = inst.secondary, !shown.contains(s) { missing = s; break }
            instanceLines.append(TextSnapshotWriter.instanceLine(inst, cluster))
        }
        guard let key = missing else { return }
        let groups = cluster.groups.map { TextSnapshotWriter.groupLine($0) + "\n" }.joined()
        let nodes = visible.map { TextSnapshotWriter.nodeLine(cluster.nodes[$0.value], cluster) + "\n" }.joined()
        let text = groups + "\n" + nodes + "\n" + instanceLines.map { $0 + "\n" }.joined()
        let bytes = Array(text.utf8)
        let flushed = bytes.count / bufferSize * bufferSize
        let written = String(decoding: bytes[..<flushed], as: UTF8.self)
        if let error = AtomicFile.write(written, to: prefix + ".post-ialloc") {
            ClusterLoading.dieUncaught(error, tool: .hail)
        }
        HailMissingKeys.die(key: key.value)
    }
}
