import ClusterModel

extension IAllocatorRequest {
    /// The request applied to another cluster (hail's `-t`/`--simulate`): instance and group
    /// references keep their indices, as in htools, and the tags of instances to allocate keep
    /// their strings (re-interned in the new cluster's symbol table).
    public func replacingCluster(_ newCluster: Cluster) -> IAllocatorRequest {
        var copy = self
        var target = newCluster
        func rebase(_ inst: Instance) -> Instance {
            var i = inst
            i.exclusionTags = inst.exclusionTags.map { target.symbols.intern(cluster.symbols.name($0)) }
            i.desiredLocationTags = inst.desiredLocationTags.map { target.symbols.intern(cluster.symbols.name($0)) }.sorted()
            return i
        }
        switch kind {
        case let .allocate(inst, details, restrict):
            copy.kind = .allocate(rebase(inst), details, restrictToNodes: restrict)
        case let .multiAllocate(items):
            copy.kind = .multiAllocate(items.map { MultiAllocationItem(instance: rebase($0.instance), details: $0.details) })
        default:
            break
        }
        copy.cluster = target
        return copy
    }
}
