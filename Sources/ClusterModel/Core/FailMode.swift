/// Why a placement was refused, in htools' order (`FailMem` … `FailInternal`).
public enum FailMode: Int, CaseIterable, Sendable, Error {
    case memory, disk, cpu, n1, tags, migration, diskCount, spindles, `internal`

    /// The name htools prints (`FailMem`, `FailDisk`, …).
    public var htoolsName: String {
        switch self {
        case .memory: return "FailMem"
        case .disk: return "FailDisk"
        case .cpu: return "FailCPU"
        case .n1: return "FailN1"
        case .tags: return "FailTags"
        case .migration: return "FailMig"
        case .diskCount: return "FailDiskCount"
        case .spindles: return "FailSpindles"
        case .internal: return "FailInternal"
        }
    }
}
