/// The move kinds htools' `possibleMoves` allows an instance towards one target, in its order, held inline (the
/// victim scans need them once per victim, and an array would be allocated and freed every time).
struct MoveKinds {
    /// Number of kinds (0...4).
    private(set) var count = 0
    private var items: (InstanceMove, InstanceMove, InstanceMove, InstanceMove) = (.failover, .failover, .failover, .failover)

    /// The kinds for an instance with `mirror` disks towards `target` (see `possibleMoves`).
    init(mirror: MirrorType, secondaryUsable: Bool, instanceMoves: Bool, diskMoves: Bool, restrictedMigration: Bool,
         primaryOffline: Bool, target: NodeIndex) {
        switch mirror {
        case .none:
            break
        case .external:
            if instanceMoves { append(.failoverToAny(target)) }
        case .internal:
            guard diskMoves else { break }
            append(.replaceSecondary(target))
            guard instanceMoves, !restrictedMigration || primaryOffline else { break }
            append(.replaceAndFailover(target))
            guard secondaryUsable else { break }
            if !restrictedMigration { append(.replacePrimary(target)) }
            append(.failoverAndReplace(target))
        }
    }

    /// Whether no kind is allowed.
    @inline(__always) var isEmpty: Bool { count == 0 }

    /// Kind `i` (in `0..<count`).
    @inline(__always) subscript(_ i: Int) -> InstanceMove {
        withKinds { $0[i] }
    }

    /// Calls `body` with the kinds as a buffer (indexing it costs no branch per kind, unlike the subscript of a
    /// tuple).
    @inline(__always) func withKinds<R>(_ body: (UnsafeBufferPointer<InstanceMove>) -> R) -> R {
        withUnsafeBytes(of: items) { raw in
            body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: InstanceMove.self), count: count))
        }
    }

    private mutating func append(_ move: InstanceMove) {
        switch count {
        case 0: items.0 = move
        case 1: items.1 = move
        case 2: items.2 = move
        default: items.3 = move
        }
        count += 1
    }
}
