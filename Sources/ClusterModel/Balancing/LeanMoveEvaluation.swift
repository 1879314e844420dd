/// Up to three changed lean nodes produced by one candidate move.
struct LeanChanges {
    var count = 0
    var a: LeanNode
    var b: LeanNode
    var c: LeanNode

    init(placeholder: LeanNode) { a = placeholder; b = placeholder; c = placeholder }

    mutating func set(_ x: LeanNode, _ y: LeanNode) { a = x; b = y; count = 2 }
    mutating func set(_ x: LeanNode, _ y: LeanNode, _ z: LeanNode) { a = x; b = y; c = z; count = 3 }

    /// Where `a`, `b` and `c` sit in the value.
    private static let offsets = (MemoryLayout<LeanChanges>.offset(of: \LeanChanges.a)!,
                                  MemoryLayout<LeanChanges>.offset(of: \LeanChanges.b)!,
                                  MemoryLayout<LeanChanges>.offset(of: \LeanChanges.c)!)

    /// Node `k` (0: `a`, 1: `b`, 2: `c`) of the changes at `p`, in place.
    @inline(__always)
    static func node(_ k: Int, of p: UnsafeMutablePointer<LeanChanges>) -> UnsafeMutablePointer<LeanNode> {
        let offset = k == 0 ? offsets.0 : (k == 1 ? offsets.1 : offsets.2)
        return (UnsafeMutableRawPointer(p) + offset).assumingMemoryBound(to: LeanNode.self)
    }
}

/// Per-instance data for lean evaluation, built once per victim.
///
/// A class, so that passing the victim around copies one reference, not the instance's names and tag arrays
/// (each copy retained and released every one of them). The instance itself is read in place.
final class LeanVictim {
    /// The instance, read in place: the caller's buffer (valid while the victim is used) or an owned copy.
    let instancePointer: UnsafePointer<Instance>
    private let owned: UnsafeMutablePointer<Instance>?
    let primary: NodeIndex
    let secondary: NodeIndex?
    let mirrorType: MirrorType
    let lean: LeanInstance
    let hasExclusionTags: Bool
    let hasDesiredTags: Bool

    /// The victim for the instance at `p`, which must stay valid and unchanged while the victim is used.
    convenience init(at p: UnsafePointer<Instance>) { self.init(at: p, owning: nil) }

    /// The victim for a copy of `i`.
    convenience init(_ i: Instance) {
        let copy = UnsafeMutablePointer<Instance>.allocate(capacity: 1)
        copy.initialize(to: i)
        self.init(at: copy, owning: copy)
    }

    private init(at p: UnsafePointer<Instance>, owning copy: UnsafeMutablePointer<Instance>?) {
        instancePointer = p; owned = copy
        primary = p.pointee.primary; secondary = p.pointee.secondary; mirrorType = p.pointee.diskTemplate.mirrorType
        lean = LeanInstance(at: p)
        hasExclusionTags = !p.pointee.exclusionTags.isEmpty; hasDesiredTags = !p.pointee.desiredLocationTags.isEmpty
    }

    deinit {
        if let owned { owned.deinitialize(count: 1); owned.deallocate() }
    }

    /// The instance's exclusion tags.
    var exclusionTags: [Int] { instancePointer.pointee.exclusionTags }
}

/// Evaluates instance moves on lean nodes, mirroring `MoveApplication.apply` step for step.
struct LeanMoveEvaluation {
    /// The base nodes (read-only: tags, migration and location tags).
    let nodes: [Node]
    /// Lean copies of the base nodes (in a raw buffer, so that hot loops can read them in place).
    let lean: LeanNodeStore
    /// Peer maps, flat.
    let peers: PeerTable
    /// Whether a node has no migration tags (then any migration from it is allowed).
    let migrationFree: [Bool]
    /// Whether a node has location tags.
    let hasLocation: [Bool]
    /// Whether any node has location tags (then location scores depend on the target).
    let anyLocation: Bool

    init(nodes: [Node]) {
        self.nodes = nodes
        lean = LeanNodeStore(LeanNode.copies(of: nodes))
        peers = PeerTable(nodes)
        // Read in place: iterating the array would copy every node (and retain its lists and maps).
        migrationFree = nodes.withUnsafeBufferPointer { b in b.indices.map { b[$0].migrationTags.isEmpty } }
        hasLocation = nodes.withUnsafeBufferPointer { b in b.indices.map { !b[$0].locationTags.isEmpty } }
        anyLocation = hasLocation.contains(true)
    }

    @inline(__always) func clash(_ v: LeanVictim, _ n: NodeIndex) -> Bool {
        if !v.hasExclusionTags { return false }
        return nodes.withUnsafeBufferPointer { ns in
            v.exclusionTags.contains { ns[n.value].primaryTags[$0] != nil }
        }
    }

    @inline(__always) func desired(_ v: LeanVictim, _ n: NodeIndex) -> Int {
        if !v.hasDesiredTags { return 0 }
        return nodes.withUnsafeBufferPointer { $0[n.value].desiredLocationScore(of: v.instancePointer.pointee) }
    }

    @inline(__always) func migrates(_ a: NodeIndex, _ b: NodeIndex) -> Bool {
        if migrationFree[a.value] { return true }
        return nodes.withUnsafeBufferPointer { $0[a.value].canMigrate(to: $0[b.value]) }
    }

    @inline(__always) func location(_ p: NodeIndex, _ s: NodeIndex) -> Int {
        if !hasLocation[p.value] || !hasLocation[s.value] { return 0 }
        return nodes.withUnsafeBufferPointer {
            MoveApplication.locationScore(primary: $0[p.value], secondary: $0[s.value])
        }
    }

    /// Fills `out` with the changed nodes of `move`; returns false when the move is refused (`out` is then unspecified).
    func evaluate(_ move: InstanceMove, victim v: LeanVictim, force: Bool, into out: inout LeanChanges) -> Bool {
        var li = v.lean
        let oldP = v.primary
        switch move {
        case .failover:
            guard let oldS = v.secondary else { return false }
            let pOffline = lean[oldP.value].offline
            var intP = lean[oldP.value]; intP.removePrimary(li, desired: desired(v, oldP))
            var intS = lean[oldS.value]; intS.removeSecondary(li, primaryKey: oldP.value, peers: peers)
            guard migrates(oldP, oldS) else { return false }
            if intS.addPrimary(li, force: pOffline || force, desired: desired(v, oldS), tagClash: clash(v, oldS)) != nil { return false }
            if intP.addSecondary(li, primaryKey: oldS.value, peers: peers, force: pOffline || force, ignoreDisks: pOffline) != nil { return false }
            out.set(intP, intS)

        case .failoverToAny(let newP):
            // Built in `out` itself (the most common move of non-DRBD instances; no extra node copies).
            guard migrates(oldP, newP) else { return false }
            let oldOffline = lean.nodes[oldP.value].offline
            out.b = lean.nodes[newP.value]
            if out.b.addPrimary(li, force: oldOffline || force, desired: desired(v, newP), tagClash: clash(v, newP)) != nil { return false }
            out.a = lean.nodes[oldP.value]
            out.a.removePrimary(li, desired: desired(v, oldP))
            out.count = 2

        case .replacePrimary(let newP):
            guard let oldS = v.secondary else { return false }
            let forceP = lean[oldP.value].offline || force
            var intP = lean[oldP.value]; intP.removePrimary(li, desired: desired(v, oldP))
            var s = lean[oldS.value]; s.removeSecondary(li, primaryKey: oldP.value, peers: peers)
            li.locationScore = location(newP, oldS)
            guard migrates(oldP, oldS), migrates(oldS, newP) else { return false }
            if s.addPrimary(li, force: forceP, desired: desired(v, oldS), tagClash: clash(v, oldS)) != nil { return false }
            s.removePrimary(li, desired: desired(v, oldS))
            var target = lean[newP.value]
            if target.addPrimary(li, force: forceP, desired: desired(v, newP), tagClash: clash(v, newP)) != nil { return false }
            if s.addSecondary(li, primaryKey: newP.value, peers: peers, force: forceP, ignoreDisks: false) != nil { return false }
            out.set(intP, s, target)

        case .replaceSecondary(let newS):
            guard let oldS = v.secondary else { return false }
            var p = lean[oldP.value]; p.removePrimary(li, desired: desired(v, oldP))
            var intS = lean[oldS.value]; intS.removeSecondary(li, primaryKey: oldP.value, peers: peers)
            let forceS = lean[oldS.value].offline || force
            li.locationScore = location(oldP, newS)
            var target = lean[newS.value]
            if target.addSecondary(li, primaryKey: oldP.value, peers: peers, force: forceS, ignoreDisks: false) != nil { return false }
            if p.addPrimary(li, force: true, desired: desired(v, oldP), tagClash: false) != nil { return false }
            out.set(intS, target, p)

        case .replaceAndFailover(let newP):
            guard let oldS = v.secondary else { return false }
            var intP = lean[oldP.value]; intP.removePrimary(li, desired: desired(v, oldP))
            var intS = lean[oldS.value]; intS.removeSecondary(li, primaryKey: oldP.value, peers: peers)
            li.locationScore = location(newP, oldP)
            let forceS = lean[oldS.value].offline || force
            guard migrates(oldP, newP) else { return false }
            var target = lean[newP.value]
            if target.addPrimary(li, force: force, desired: desired(v, newP), tagClash: clash(v, newP)) != nil { return false }
            if intP.addSecondary(li, primaryKey: newP.value, peers: peers, force: forceS, ignoreDisks: false) != nil { return false }
            out.set(intS, intP, target)

        case .failoverAndReplace(let newS):
            guard let oldS = v.secondary else { return false }
            var intP = lean[oldP.value]; intP.removePrimary(li, desired: desired(v, oldP))
            var intS = lean[oldS.value]; intS.removeSecondary(li, primaryKey: oldP.value, peers: peers)
            let forceP = lean[oldP.value].offline || force
            li.locationScore = location(oldS, newS)
            guard migrates(oldP, oldS) else { return false }
            if intS.addPrimary(li, force: forceP, desired: desired(v, oldS), tagClash: clash(v, oldS)) != nil { return false }
            var target = lean[newS.value]
            if target.addSecondary(li, primaryKey: oldS.value, peers: peers, force: forceP, ignoreDisks: false) != nil { return false }
            out.set(intP, intS, target)
        }
        return true
    }
}

/// Lean nodes in a raw buffer, freed with the store (hot loops read them in place instead of copying them out).
final class LeanNodeStore: @unchecked Sendable {
    /// The nodes, by index.
    let nodes: UnsafeMutablePointer<LeanNode>
    /// The number of nodes.
    let count: Int

    init(_ lean: [LeanNode]) {
        count = lean.count
        nodes = .allocate(capacity: max(1, lean.count))
        _ = UnsafeMutableBufferPointer(start: nodes, count: lean.count).initialize(from: lean)
    }

    deinit {
        nodes.deinitialize(count: count)
        nodes.deallocate()
    }

    /// A copy of node `i`.
    @inline(__always) subscript(_ i: Int) -> LeanNode { nodes[i] }
}
