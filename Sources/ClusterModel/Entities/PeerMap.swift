/// For one node, the memory each peer primary would fail over onto it.
///
/// Kept ordered by descending memory (ties: newest first), as htools' list-based
/// `PeerMap`, so the N+1 reservation is read in O(1) and `peermap` prints identically.
public struct PeerMap: Equatable, Sendable {
    /// (primary node, memory) pairs, largest memory first.
    public private(set) var entries: [(node: NodeIndex, memory: Int)] = []

    /// Creates an empty map.
    public init() {}

    /// Equality on the ordered entries.
    public static func == (a: PeerMap, b: PeerMap) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.node == $1.node && $0.memory == $1.memory }
    }

    /// Builds a map summing duplicate keys, processing `pairs` from the last as htools does.
    public init(accumulating pairs: [(NodeIndex, Int)]) {
        for (k, v) in pairs.reversed() { addWith(k, v, combine: &+) }
    }

    /// Memory reserved for `node`, zero when absent.
    public func memory(for node: NodeIndex) -> Int {
        for e in entries where e.node == node { return e.memory }
        return 0
    }

    /// Sets the memory for `node`, replacing any previous value.
    public mutating func set(_ node: NodeIndex, _ memory: Int) { addWith(node, memory) { _, new in new } }

    /// Removes `node`.
    public mutating func remove(_ node: NodeIndex) {
        if let i = entries.firstIndex(where: { $0.node == node }) { entries.remove(at: i) }
    }

    /// The largest reservation (zero when empty).
    /// - Complexity: O(1)
    public var maximum: Int { entries.first?.memory ?? 0 }

    /// Sum of all reservations.
    public var total: Int { entries.reduce(0) { $0 &+ $1.memory } }

    private mutating func addWith(_ node: NodeIndex, _ value: Int, combine: (Int, Int) -> Int) {
        var newValue = value
        if let i = entries.firstIndex(where: { $0.node == node }) {
            newValue = combine(entries[i].memory, value)
            entries.remove(at: i)
        }
        let pos = entries.firstIndex(where: { $0.memory <= newValue }) ?? entries.count
        entries.insert((node, newValue), at: pos)
    }
}
