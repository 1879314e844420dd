/// Applies instance moves to a cluster's nodes, with htools' capacity checks (htools' `applyMoveEx`).
public enum MoveApplication {
    /// The location score of an instance placed on `primary` with `secondary`.
    public static func locationScore(primary: Node, secondary: Node?) -> Int {
        guard let s = secondary else { return 0 }
        return primary.locationTags.filter { s.locationTags.contains($0) }.count
    }

    /// Applies `move` to `instance` given the node array; `force` ignores soft errors.
    public static func apply(_ move: InstanceMove, to instance: Instance, nodes: [Node],
                             force: Bool) -> Result<AppliedMove, FailMode> {
        let oldP = instance.primary
        switch move {
        case .failover:
            guard let oldS = instance.secondary else { return .failure(.internal) }
            let pNode = nodes[oldP.value], sNode = nodes[oldS.value]
            let intP = pNode.removingPrimary(instance)
            let intS = sNode.removingSecondary(instance)
            guard pNode.canMigrate(to: sNode) else { return .failure(.migration) }
            let newP: Node, newS: Node
            switch intS.addingPrimary(instance, force: pNode.offline || force) {
            case .failure(let f): return .failure(f)
            case .success(let n): newP = n
            }
            switch intP.addingSecondary(instance, primary: oldS, force: pNode.offline || force, ignoreDisks: pNode.offline) {
            case .failure(let f): return .failure(f)
            case .success(let n): newS = n
            }
            var inst = instance
            inst.primary = oldS; inst.secondary = oldP
            return .success(AppliedMove(changedNodes: [(oldP, newS), (oldS, newP)], instance: inst, primary: oldS, secondary: oldP))

        case .failoverToAny(let newPdx):
            let pNode = nodes[oldP.value], target = nodes[newPdx.value]
            guard pNode.canMigrate(to: target) else { return .failure(.migration) }
            let newP: Node
            switch target.addingPrimary(instance, force: pNode.offline || force) {
            case .failure(let f): return .failure(f)
            case .success(let n): newP = n
            }
            let oldPAfter = pNode.removingPrimary(instance)
            var inst = instance
            inst.primary = newPdx
            return .success(AppliedMove(changedNodes: [(oldP, oldPAfter), (newPdx, newP)], instance: inst,
                                        primary: newPdx, secondary: instance.secondary))

        case .replacePrimary(let newPdx):
            guard let oldS = instance.secondary else { return .failure(.internal) }
            let pNode = nodes[oldP.value], sNode = nodes[oldS.value], target = nodes[newPdx.value]
            let intP = pNode.removingPrimary(instance)
            let intS = sNode.removingSecondary(instance)
            var inst = instance
            inst.locationScore = locationScore(primary: target, secondary: intS)
            inst.primary = newPdx
            let forceP = pNode.offline || force
            guard pNode.canMigrate(to: sNode) else { return .failure(.migration) }
            guard sNode.canMigrate(to: target) else { return .failure(.migration) }
            let tmpS: Node
            switch intS.addingPrimary(inst, force: forceP) {
            case .failure(let f): return .failure(f)
            case .success(let n): tmpS = n
            }
            let tmpS2 = tmpS.removingPrimary(inst)
            let newP: Node, newS: Node
            switch target.addingPrimary(inst, force: forceP) {
            case .failure(let f): return .failure(f)
            case .success(let n): newP = n
            }
            switch tmpS2.addingSecondary(inst, primary: newPdx, force: forceP) {
            case .failure(let f): return .failure(f)
            case .success(let n): newS = n
            }
            return .success(AppliedMove(changedNodes: [(oldP, intP), (oldS, newS), (newPdx, newP)], instance: inst,
                                        primary: newPdx, secondary: oldS))

        case .replaceSecondary(let newSdx):
            guard let oldS = instance.secondary else { return .failure(.internal) }
            let sNode = nodes[oldS.value], target = nodes[newSdx.value], pNode = nodes[oldP.value]
            let pNode2 = pNode.removingPrimary(instance)
            let intS = sNode.removingSecondary(instance)
            let forceS = sNode.offline || force
            var inst = instance
            inst.locationScore = locationScore(primary: pNode, secondary: target)
            inst.secondary = newSdx
            let newS: Node, newP: Node
            switch target.addingSecondary(inst, primary: oldP, force: forceS) {
            case .failure(let f): return .failure(f)
            case .success(let n): newS = n
            }
            switch pNode2.addingPrimary(inst, force: true) {
            case .failure(let f): return .failure(f)
            case .success(let n): newP = n
            }
            return .success(AppliedMove(changedNodes: [(oldS, intS), (newSdx, newS), (oldP, newP)], instance: inst,
                                        primary: oldP, secondary: newSdx))

        case .replaceAndFailover(let newPdx):
            guard let oldS = instance.secondary else { return .failure(.internal) }
            let pNode = nodes[oldP.value], sNode = nodes[oldS.value], target = nodes[newPdx.value]
            let intP = pNode.removingPrimary(instance)
            let intS = sNode.removingSecondary(instance)
            var inst = instance
            inst.locationScore = locationScore(primary: target, secondary: intP)
            inst.primary = newPdx; inst.secondary = oldP
            let forceS = sNode.offline || force
            guard pNode.canMigrate(to: target) else { return .failure(.migration) }
            let newP: Node, newS: Node
            switch target.addingPrimary(inst, force: force) {
            case .failure(let f): return .failure(f)
            case .success(let n): newP = n
            }
            switch intP.addingSecondary(inst, primary: newPdx, force: forceS) {
            case .failure(let f): return .failure(f)
            case .success(let n): newS = n
            }
            return .success(AppliedMove(changedNodes: [(oldS, intS), (oldP, newS), (newPdx, newP)], instance: inst,
                                        primary: newPdx, secondary: oldP))

        case .failoverAndReplace(let newSdx):
            guard let oldS = instance.secondary else { return .failure(.internal) }
            let pNode = nodes[oldP.value], sNode = nodes[oldS.value], target = nodes[newSdx.value]
            let intP = pNode.removingPrimary(instance)
            let intS = sNode.removingSecondary(instance)
            let forceP = pNode.offline || force
            var inst = instance
            inst.locationScore = locationScore(primary: intS, secondary: target)
            inst.primary = oldS; inst.secondary = newSdx
            guard pNode.canMigrate(to: sNode) else { return .failure(.migration) }
            let newP: Node, newS: Node
            switch intS.addingPrimary(inst, force: forceP) {
            case .failure(let f): return .failure(f)
            case .success(let n): newP = n
            }
            switch target.addingSecondary(inst, primary: oldS, force: forceP) {
            case .failure(let f): return .failure(f)
            case .success(let n): newS = n
            }
            return .success(AppliedMove(changedNodes: [(oldP, intP), (oldS, newP), (newSdx, newS)], instance: inst,
                                        primary: oldS, secondary: newSdx))
        }
    }

    /// Applies a move to a whole cluster (nodes and the instance), ignoring soft errors (htools' `move`).
    public static func applyForced(_ move: InstanceMove, instance index: InstanceIndex, in cluster: inout Cluster) -> FailMode? {
        switch apply(move, to: cluster.instances[index.value], nodes: cluster.nodes, force: true) {
        case .failure(let f): return f
        case .success(let applied):
            for (i, n) in applied.changedNodes { cluster.nodes[i.value] = n }
            cluster.instances[index.value] = applied.instance
            return nil
        }
    }
}
