/// The lowest score a perfectly balanced cluster could reach given its DRBD reservations
/// (htools' `optimalCVScore`).
public func optimalScore(of nodes: [Node]) -> Double {
    guard nodes.count > 1 else { return 0 }
    var totalMemory = 0.0
    var largest = -Double.infinity
    for n in nodes {
        totalMemory = totalMemory + n.totalMemory
        largest = Swift.max(largest, n.totalMemory)
    }
    let oneLess = totalMemory - largest
    guard oneLess > 0 else { return 0 }
    var drbd = 0
    for n in nodes { drbd &+= n.peers.total }
    let reserved = Double(drbd)
    return 0.25 * (reserved / oneLess - reserved / totalMemory)
}
