import XCTest
@testable import ClusterModel

/// A node a step leaves as it was may count as untouched; one the step really changed must not.
final class NodeIdentityTests: XCTestCase {
    func testReplaceSecondaryLeavesThePrimaryAlikeAndChangesTheSecondaries() {
        var alikePrimaries = 0
        for seed in 900...919 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 8, instances: 40, locationTags: false)
            for inst in cluster.instances where inst.diskTemplate == .drbd {
                guard let s = inst.secondary else { continue }
                for t in cluster.nodes.map(\.index) where t != inst.primary && t != s {
                    guard case .success(let applied) = MoveApplication.apply(.replaceSecondary(t), to: inst,
                                                                             nodes: cluster.nodes, force: true) else { continue }
                    for (i, n) in applied.changedNodes {
                        let alike = cluster.nodes[i.value].evaluatesAlike(n)
                        if i == inst.primary { if alike { alikePrimaries += 1 } } else {
                            XCTAssertFalse(alike, "seed \(seed), \(inst.name) to \(t): node \(i) counted as untouched")
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(alikePrimaries, 0)
    }

    func testEveryNodeEvaluatesAlikeItself() {
        let cluster = RandomCluster.make(seed: 42, nodes: 10, instances: 60)
        for n in cluster.nodes { XCTAssertTrue(n.evaluatesAlike(n)) }
    }
}
