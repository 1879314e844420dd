import ClusterModel
import ClusterIO

/// Where `-m ADDRESS` data comes from: `file://DIR` directories (no HTTP client is built in).
enum RapiSource {
    /// Loads the RAPI resources named by `address`.
    static func load(_ address: String, tool: HTool) -> Result<RapiSnapshotReader.Snapshot, ClusterLoadError> {
        let filePrefix = "file://"
        let resources: RapiSnapshotReader.Resources
        if address.hasPrefix(filePrefix) {
            let dir = String(address.dropFirst(filePrefix.count))
            func file(_ name: String) -> () -> Result<String, ClusterLoadError> {
                let path = dir.isEmpty ? name : (dir.hasSuffix("/") ? dir + name : dir + "/" + name)
                return {
                    switch TextFileReading.read(path) {
                    case .success(let text): return .success(text)
                    case .failure(let e):
                        if e.isDecodingError { ClusterLoading.dieUncaught(e.message, tool: tool) }
                        return .failure(ClusterLoadError(e.message))
                    }
                }
            }
            resources = .init(groups: file("groups.json"), nodes: file("nodes.json"),
                              instances: file("instances.json"), info: file("info.json"))
        } else {
            let base = address.contains(":") ? address : "https://\(address):5080"
            let failure: () -> Result<String, ClusterLoadError> = {
                .failure(ClusterLoadError("Curl error for '\(base)/2/groups?bulk=1', error CurlCouldntResolveHost"))
            }
            resources = .init(groups: failure, nodes: failure, instances: failure, info: failure)
        }
        return Result { () throws(ClusterLoadError) in try RapiSnapshotReader.parse(resources) }
    }
}
