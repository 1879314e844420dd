/// Run state of an instance as recorded in a snapshot.
public enum InstanceStatus: String, CaseIterable, Sendable {
    case adminDown = "ADMIN_down"
    case adminOffline = "ADMIN_offline"
    case errorDown = "ERROR_down"
    case errorUp = "ERROR_up"
    case nodeDown = "ERROR_nodedown"
    case nodeOffline = "ERROR_nodeoffline"
    case running = "running"
    case userDown = "USER_down"
    case wrongNode = "ERROR_wrongnode"

    /// Whether the instance counts as running (running or ERROR_up).
    public var isRunning: Bool { self == .running || self == .errorUp }

    /// Whether the instance is administratively offline.
    public var isOffline: Bool { self == .adminOffline }

    /// The constructor name Haskell's `show` prints.
    public var haskellConstructor: String {
        switch self {
        case .adminDown: return "StatusDown"
        case .adminOffline: return "StatusOffline"
        case .errorDown: return "ErrorDown"
        case .errorUp: return "ErrorUp"
        case .nodeDown: return "NodeDown"
        case .nodeOffline: return "NodeOffline"
        case .running: return "Running"
        case .userDown: return "UserDown"
        case .wrongNode: return "WrongNode"
        }
    }
}
