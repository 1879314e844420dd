/// One Ganeti opcode of a move job, as htools' `iMoveToJob` emits them.
public enum JobOperation: Equatable, Sendable {
    /// `OP_INSTANCE_MIGRATE` (live migration, falling back to failover), optionally to a target node.
    case migrate(instance: String, targetNode: String?)
    /// `OP_INSTANCE_FAILOVER` (used for forthcoming instances), optionally to a target node.
    case failover(instance: String, targetNode: String?)
    /// `OP_INSTANCE_REPLACE_DISKS` in `replace_new_secondary` mode onto `remoteNode`.
    case replaceSecondary(instance: String, remoteNode: String)
}

extension JobOperation {
    /// The opcodes that carry out `move` for `instance` (htools' `iMoveToJob`).
    ///
    /// `nodes` is only used for names; `instance` decides between migrate and forced failover.
    public static func job(for move: InstanceMove, instance: Instance, nodes: [Node]) -> [JobOperation] {
        let name = instance.name
        func node(_ n: NodeIndex) -> String { nodes[n.value].name }
        func switchOver(to target: NodeIndex?) -> JobOperation {
            let t = target.map(node)
            return instance.forthcoming ? .failover(instance: name, targetNode: t) : .migrate(instance: name, targetNode: t)
        }
        func replace(_ n: NodeIndex) -> JobOperation { .replaceSecondary(instance: name, remoteNode: node(n)) }
        switch move {
        case .failover: return [switchOver(to: nil)]
        case .failoverToAny(let p): return [switchOver(to: p)]
        case .replacePrimary(let p): return [switchOver(to: nil), replace(p), switchOver(to: nil)]
        case .replaceSecondary(let s): return [replace(s)]
        case .replaceAndFailover(let p): return [replace(p), switchOver(to: nil)]
        case .failoverAndReplace(let s): return [switchOver(to: nil), replace(s)]
        }
    }
}
