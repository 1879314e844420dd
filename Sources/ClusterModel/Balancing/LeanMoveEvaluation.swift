/// Up to three changed lean nodes produced by one candidate move.
struct LeanChanges {
    var count = 0
    var a: LeanNode? = nil
    var b: LeanNode? = nil
    var c: LeanNode? = nil

    mutating func append(_ n: LeanNode) {
        switch count {
        case 0: a = n
        case 1: b = n
        default: c = n
        }
        count += 1
    }

    subscript(_ k: Int) -> LeanNode {
        switch k {
        case 0: return a!
        case 1: return b!
        default: return c!
        }
    }
}

/// Evaluates instance moves on lean nodes, mirroring `MoveApplication.apply` step for step.
struct LeanMoveEvaluation {
    /// The base nodes (read-only: tags, peers, migration and location tags).
    let nodes: [Node]
    /// Lean copies of the base nodes.
    let lean: [LeanNode]

    /// The changed nodes of `move`, or nil when the move is refused.
    func evaluate(_ move: InstanceMove, instance inst: Instance, force: Bool) -> LeanChanges? {
        var li = LeanInstance(inst)
        let oldP = inst.primary
        var out = LeanChanges()
        func clash(_ n: NodeIndex) -> Bool {
            if inst.exclusionTags.isEmpty { return false }
            let tags = nodes[n.value].primaryTags
            return inst.exclusionTags.contains { tags[$0] != nil }
        }
        func desired(_ n: NodeIndex) -> Int {
            inst.desiredLocationTags.isEmpty ? 0 : nodes[n.value].desiredLocationScore(of: inst)
        }
        func migrates(_ a: NodeIndex, _ b: NodeIndex) -> Bool {
            nodes[a.value].migrationTags.isEmpty || nodes[a.value].canMigrate(to: nodes[b.value])
        }
        func location(_ p: NodeIndex, _ s: NodeIndex) -> Int {
            MoveApplication.locationScore(primary: nodes[p.value], secondary: nodes[s.value])
        }
        switch move {
        case .failover:
            guard let oldS = inst.secondary else { return nil }
            let pOffline = lean[oldP.value].offline
            var intP = lean[oldP.value]; intP.removePrimary(li, desired: desired(oldP))
            var intS = lean[oldS.value]; intS.removeSecondary(li, primaryKey: oldP.value, peers: nodes[oldS.value].peers)
            guard migrates(oldP, oldS) else { return nil }
            if intS.addPrimary(li, force: pOffline || force, desired: desired(oldS), tagClash: clash(oldS)) != nil { return nil }
            if intP.addSecondary(li, primaryKey: oldS.value, peers: nodes[oldP.value].peers,
                                 force: pOffline || force, ignoreDisks: pOffline) != nil { return nil }
            out.append(intP); out.append(intS)

        case .failoverToAny(let newP):
            guard migrates(oldP, newP) else { return nil }
            var target = lean[newP.value]
            if target.addPrimary(li, force: lean[oldP.value].offline || force, desired: desired(newP), tagClash: clash(newP)) != nil { return nil }
            var old = lean[oldP.value]; old.removePrimary(li, desired: desired(oldP))
            out.append(old); out.append(target)

        case .replacePrimary(let newP):
            guard let oldS = inst.secondary else { return nil }
            let forceP = lean[oldP.value].offline || force
            var intP = lean[oldP.value]; intP.removePrimary(li, desired: desired(oldP))
            var s = lean[oldS.value]; s.removeSecondary(li, primaryKey: oldP.value, peers: nodes[oldS.value].peers)
            li.locationScore = location(newP, oldS)
            guard migrates(oldP, oldS), migrates(oldS, newP) else { return nil }
            if s.addPrimary(li, force: forceP, desired: desired(oldS), tagClash: clash(oldS)) != nil { return nil }
            s.removePrimary(li, desired: desired(oldS))
            var target = lean[newP.value]
            if target.addPrimary(li, force: forceP, desired: desired(newP), tagClash: clash(newP)) != nil { return nil }
            if s.addSecondary(li, primaryKey: newP.value, peers: nodes[oldS.value].peers, force: forceP, ignoreDisks: false) != nil { return nil }
            out.append(intP); out.append(s); out.append(target)

        case .replaceSecondary(let newS):
            guard let oldS = inst.secondary else { return nil }
            var p = lean[oldP.value]; p.removePrimary(li, desired: desired(oldP))
            var intS = lean[oldS.value]; intS.removeSecondary(li, primaryKey: oldP.value, peers: nodes[oldS.value].peers)
            let forceS = lean[oldS.value].offline || force
            li.locationScore = location(oldP, newS)
            var target = lean[newS.value]
            if target.addSecondary(li, primaryKey: oldP.value, peers: nodes[newS.value].peers, force: forceS, ignoreDisks: false) != nil { return nil }
            if p.addPrimary(li, force: true, desired: desired(oldP), tagClash: false) != nil { return nil }
            out.append(intS); out.append(target); out.append(p)

        case .replaceAndFailover(let newP):
            guard let oldS = inst.secondary else { return nil }
            var intP = lean[oldP.value]; intP.removePrimary(li, desired: desired(oldP))
            var intS = lean[oldS.value]; intS.removeSecondary(li, primaryKey: oldP.value, peers: nodes[oldS.value].peers)
            li.locationScore = location(newP, oldP)
            let forceS = lean[oldS.value].offline || force
            guard migrates(oldP, newP) else { return nil }
            var target = lean[newP.value]
            if target.addPrimary(li, force: force, desired: desired(newP), tagClash: clash(newP)) != nil { return nil }
            if intP.addSecondary(li, primaryKey: newP.value, peers: nodes[oldP.value].peers, force: forceS, ignoreDisks: false) != nil { return nil }
            out.append(intS); out.append(intP); out.append(target)

        case .failoverAndReplace(let newS):
            guard let oldS = inst.secondary else { return nil }
            var intP = lean[oldP.value]; intP.removePrimary(li, desired: desired(oldP))
            var intS = lean[oldS.value]; intS.removeSecondary(li, primaryKey: oldP.value, peers: nodes[oldS.value].peers)
            let forceP = lean[oldP.value].offline || force
            li.locationScore = location(oldS, newS)
            guard migrates(oldP, oldS) else { return nil }
            if intS.addPrimary(li, force: forceP, desired: desired(oldS), tagClash: clash(oldS)) != nil { return nil }
            var target = lean[newS.value]
            if target.addSecondary(li, primaryKey: oldS.value, peers: nodes[newS.value].peers, force: forceP, ignoreDisks: false) != nil { return nil }
            out.append(intP); out.append(intS); out.append(target)
        }
        return out
    }
}
