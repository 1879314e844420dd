import ClusterModel
import ClusterIO

/// Reads hail's request file as htools' `readRequest` does: the file (or standard input for `-`),
/// parsed, with load warnings always shown; exits with htools' messages on failure.
enum HailRequestReading {
    /// The parsed request; prints `Warning: cluster has inconsistent data:` when needed.
    static func read(_ path: String, staticKvmNodeMemory: Int) -> IAllocatorRequest {
        let text: String
        if path == "-" {
            switch TextFileReading.readBytes("-").flatMap({ TextFileReading.decode($0, path: "<stdin>") }) {
            case .success(let t): text = t
            case .failure(let e): ClusterLoading.dieUncaught(e.message, tool: .hail)
            }
        } else {
            text = ClusterLoading.readOrDie(path, tool: .hail)
        }
        switch IAllocatorRequestParser.parse(text, staticKvmNodeMemory: staticKvmNodeMemory) {
        case .failure(let e):
            Console.fail(e.message)
        case .success(let request):
            ClusterLoading.showWarnings(request.warnings)
            return request
        }
    }
}
