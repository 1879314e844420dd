import XCTest
@testable import ClusterModel

/// The plain-value global N+1 check must reach the reference check's verdict for every node, before and after
/// placements, and whatever the thread count.
final class LeanRedundancyTests: XCTestCase {
    private func referenceOutcome(_ base: RedundancyBase, _ node: Int) -> GlobalRedundancy.Outcome {
        GlobalRedundancy.canEvacuate(NodeIndex(node), base)
    }

    func testEveryNodeVerdictMatchesTheReference() {
        var nodesCompared = 0, redundantNodes = 0, placements = 0
        for seed in 1...80 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 3 + Int(seed % 7), instances: 12 + Int(seed % 40), tags: false)
            let reference = RedundancyBase(cluster, scope: nil, allowLean: false)
            let fast = RedundancyBase(cluster, scope: nil)
            guard let lean = fast.lean else { XCTFail("seed \(seed): lean form refused a cluster without tags"); continue }
            XCTAssertNil(reference.lean)
            var work = LeanEvacuation(lean)
            for node in cluster.nodes.indices {
                let expected = referenceOutcome(reference, node)
                XCTAssertEqual(work.canEvacuate(node), expected, "seed \(seed) node \(node)")
                nodesCompared += 1
                if expected == .redundant { redundantNodes += 1 }
            }
            // Placements of new instances of every kind, on every feasible target.
            var rng = SeededGenerator(seed: seed &* 7919)
            for template in [DiskTemplate.diskless, .plain, .drbd, .ext] {
                var inst = Instance.fromSpec(ResourceSpec(cpu: Int.random(in: 1...4, using: &rng),
                                                          memory: Int.random(in: 1...24, using: &rng) * 256,
                                                          disk: Int.random(in: 1...20, using: &rng) * 1024, spindles: 1),
                                             diskTemplate: template, spindleUse: 1)
                inst.index = InstanceIndex(cluster.instances.count)
                for p in cluster.nodes.indices {
                    let secondaries = template == .drbd ? cluster.nodes.indices.filter { $0 != p } : [-1]
                    for s in secondaries.prefix(3) {
                        let result = s < 0
                            ? PlacementPrimitives.allocateOnSingle(cluster, scope: nil, instance: inst, primary: NodeIndex(p),
                                                                   options: AllocationOptions(ignoreSoftErrors: true))
                            : PlacementPrimitives.allocateOnPair(cluster, statistics: cluster.statistics(of: nil), instance: inst,
                                                                 primary: NodeIndex(p), secondary: NodeIndex(s),
                                                                 options: AllocationOptions(ignoreSoftErrors: true))
                        guard case .success(let placement) = result else { continue }
                        placements += 1
                        let refAfter = reference.applying(placement)
                        let fastAfter = fast.applying(placement)
                        guard let leanAfter = fastAfter.lean else { XCTFail("seed \(seed): lean form dropped"); continue }
                        var after = LeanEvacuation(leanAfter)
                        for node in cluster.nodes.indices {
                            XCTAssertEqual(after.canEvacuate(node), referenceOutcome(refAfter, node),
                                           "seed \(seed) \(template) on \(p)/\(s), node \(node)")
                        }
                        XCTAssertEqual(GlobalRedundancy.check(fastAfter, options: AllocationOptions()),
                                       GlobalRedundancy.check(refAfter, options: AllocationOptions()),
                                       "seed \(seed) \(template) on \(p)/\(s)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(redundantNodes, 50, "too few evacuable nodes to be meaningful")
        XCTAssertGreaterThan(nodesCompared - redundantNodes, 50, "too few failing nodes to be meaningful")
        XCTAssertGreaterThan(placements, 500)
    }

    /// Identical nodes make exact score ties, where the later candidate must win (checked by the debug assertion
    /// in `LeanEvacuation.choose` as well as by the verdicts).
    func testUniformNodesWithTies() {
        var compared = 0
        for seed in 200...260 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 8, instances: 6 + Int(seed % 10), tags: false, uniformNodes: true)
            let reference = RedundancyBase(cluster, scope: nil, allowLean: false)
            guard let lean = RedundancyBase(cluster, scope: nil).lean else { XCTFail("no lean form"); continue }
            var work = LeanEvacuation(lean)
            for node in cluster.nodes.indices {
                XCTAssertEqual(work.canEvacuate(node), referenceOutcome(reference, node), "seed \(seed) node \(node)")
                compared += 1
            }
        }
        XCTAssertEqual(compared, 61 * 8)
    }

    func testVerdictDoesNotDependOnThreadsOrHistory() {
        let runner = ParallelRunner(width: 3) { count, job in for k in (0..<count).reversed() { job(k) } }
        for seed in 100...130 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 6, instances: 30, tags: false)
            let expected = GlobalRedundancy.check(RedundancyBase(cluster, scope: nil, allowLean: false), options: AllocationOptions())
            let run = AllocationRunState()
            for _ in 0..<3 {
                let base = RedundancyBase(cluster, scope: nil, run: run)
                XCTAssertEqual(GlobalRedundancy.check(base, options: AllocationOptions(parallelism: runner)), expected, "seed \(seed)")
                XCTAssertEqual(GlobalRedundancy.check(base, options: AllocationOptions()), expected, "seed \(seed)")
            }
        }
    }

    func testTaggedClustersTakeTheReferencePath() {
        let cluster = RandomCluster.make(seed: 5)
        XCTAssertNil(RedundancyBase(cluster, scope: nil).lean)
    }
}
