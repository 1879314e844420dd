import XCTest
@testable import ClusterModel

/// Properties of the evacuation model: the cached group score equals a full recompute, and
/// evacuations never land on the nodes being emptied.
final class EvacuationTests: XCTestCase {
    func testCachedGroupScoreEqualsFullRecompute() {
        for seed in 1...20 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed)
            var rows = GroupScoreRows(cluster, group: GroupIndex(0))
            for inst in cluster.instances where inst.diskTemplate == .drbd {
                for target in cluster.nodes where target.index != inst.primary && target.index != inst.secondary {
                    guard case .success(let applied) = MoveApplication.apply(.replaceSecondary(target.index), to: inst,
                                                                             nodes: cluster.nodes, force: true) else { continue }
                    var nodes = cluster.nodes
                    for (i, n) in applied.changedNodes { nodes[i.value] = n }
                    let full = ClusterStatistics(nodes: nodes).score
                    let cached = rows.score(with: applied.changedNodes.map(\.1))
                    XCTAssertEqual(full.bitPattern, cached.bitPattern, "seed \(seed) instance \(inst.name)")
                }
            }
        }
    }

    func testEvacuatedNodesAreNeverTargets() {
        for seed in 1...20 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed)
            let drbd = cluster.instances.filter { $0.diskTemplate == .drbd && $0.secondary != nil }.prefix(3)
            for mode in EvacuationMode.allCases {
                let result = NodeEvacuation.run(cluster, instances: drbd.map(\.index), mode: mode, ignoreSoftErrors: false)
                let emptied = NodeEvacuation.evacuatedNodes(Array(drbd), mode: mode)
                for moved in result.solution.moved {
                    let inst = cluster.instances[moved.instance.value]
                    let newNodes = Set(moved.nodes).subtracting(inst.allNodes)
                    XCTAssertTrue(newNodes.isDisjoint(with: emptied), "seed \(seed) mode \(mode)")
                    XCTAssertEqual(result.cluster.instances[moved.instance.value].allNodes, moved.nodes)
                }
                XCTAssertEqual(result.solution.moved.count + result.solution.failed.count, drbd.count)
                XCTAssertEqual(result.solution.jobs.count, result.solution.moved.count)
            }
        }
    }

    func testPlainInstancesCannotBeRelocated() {
        let cluster = RandomCluster.make(seed: 7)
        guard let plain = cluster.instances.first(where: { $0.diskTemplate == .plain }) else { return }
        let result = NodeEvacuation.run(cluster, instances: [plain.index], mode: .changeAll, ignoreSoftErrors: false)
        XCTAssertEqual(result.solution.failed.map(\.reason), ["Instances of type plain cannot be relocated"])
    }
}
