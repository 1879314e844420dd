import XCTest
@testable import ClusterModel

/// Node bookkeeping, peer maps, name lookup and score components.
final class ModelTests: XCTestCase {
    func testComponentCountMatchesTheComponents() {
        XCTAssertEqual(ScoreComponent.count, ScoreComponent.allCases.count)
        XCTAssertEqual(ScoreEvaluator.rowWidth, ScoreComponent.allCases.count)
    }

    func testAddThenRemovePrimaryRestoresNode() {
        var checked = 0
        for seed in 1...10 as ClosedRange<UInt64> {
        let cluster = RandomCluster.make(seed: seed, features: false)
        for inst in cluster.instances {
            let node = cluster.nodes[inst.primary.value]
            let without = node.removingPrimary(inst)
            // Hard limits (overcommitted random nodes) may refuse even a forced re-add.
            guard node.unallocatedMemory > 0, node.freeDisk > 0,
                  case .success(let back) = without.addingPrimary(inst, force: true) else { continue }
            checked += 1
            XCTAssertEqual(back.primaries.sorted(), node.primaries.sorted())
            XCTAssertEqual(back.freeMemoryRatio, node.freeMemoryRatio)
            XCTAssertEqual(back.usedCpus, node.usedCpus)
            XCTAssertEqual(back.freeDisk, node.freeDisk)
        }
        }
        XCTAssertGreaterThan(checked, 50)
    }

    func testPeerMapKeepsLargestFirst() {
        var p = PeerMap(accumulating: [(NodeIndex(1), 100), (NodeIndex(2), 300), (NodeIndex(1), 250)])
        XCTAssertEqual(p.maximum, 350)          // node 1: 100 + 250
        XCTAssertEqual(p.memory(for: NodeIndex(2)), 300)
        p.set(NodeIndex(2), 400)
        XCTAssertEqual(p.maximum, 400)
        p.remove(NodeIndex(2))
        XCTAssertEqual(p.maximum, 350)
        XCTAssertEqual(p.total, 350)
    }

    func testNameLookup() {
        let names = ["node1.example.com", "node10.example.com", "node2"]
        XCTAssertEqual(lookupName(names, "node1").content, "node1.example.com")
        XCTAssertEqual(lookupName(names, "node1").priority, .partial)
        XCTAssertEqual(lookupName(names, "node2").priority, .exact)
        XCTAssertFalse(lookupName(names, "node").isGood)
        XCTAssertEqual(lookupName(["a.x", "a.y"], "a").priority, .multiple)
    }

    func testCommonDomain() {
        XCTAssertEqual(longestCommonDomain(["a.b.example.com", "c.example.com"]), ".example.com")
        XCTAssertEqual(longestCommonDomain(["a", "b.c"]), "")
    }

    func testScoreOfPerfectlyEvenClusterIsZeroForDeviations() {
        var a = Node(name: "a", totalMemory: 1000, nodeMemory: 0, freeMemory: 1000, totalDisk: 1000, freeDisk: 1000,
                     totalCpus: 4, nodeCpus: 0, offline: false, totalSpindles: 1, freeSpindles: 1, group: GroupIndex(0), exclusiveStorage: false)
        a.freeMemoryRatio = 1
        let stats = ClusterStatistics(nodes: [a, a, a])
        XCTAssertEqual(stats.value(of: .freeMemory), 0)
        XCTAssertEqual(stats.value(of: .offlineAll), 0)
        // No online node: htools has no statistics at all.
        a.offline = true
        XCTAssertEqual(ClusterStatistics(nodes: [a]).componentValues, [])
        XCTAssertEqual(ClusterStatistics(nodes: [a]).score, 0)
    }
}
