import XCTest
@testable import ClusterModel

/// Properties of balancing plans on random clusters.
final class BalancerPropertyTests: XCTestCase {
    private func plan(_ cluster: Cluster, threads: Int, maxSteps: Int = 30) -> BalanceTable {
        var options = BalanceOptions()
        options.threads = threads
        var table = BalanceTable(cluster: cluster, memberNodes: cluster.nodes.map(\.index), memberInstances: cluster.instances.map(\.index))
        var balancer = Balancer(table: table, options: options)
        while Balancer.mayContinue(table, maxRounds: maxSteps, minScore: 1e-9), let next = balancer.step(table) { table = next }
        return table
    }

    func testStepsKeepCapacityAndNeverBreakN1() {
        for seed in 1...25 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 7, instances: 25)
            var options = BalanceOptions()
            options.threads = 1
            var table = BalanceTable(cluster: cluster, memberNodes: cluster.nodes.map(\.index), memberInstances: cluster.instances.map(\.index))
            var balancer = Balancer(table: table, options: options)
            var steps = 0
            while steps < 30, let next = balancer.step(table) {
                for (before, after) in zip(table.cluster.nodes, next.cluster.nodes) where !before.offline {
                    if !before.failsN1 { XCTAssertFalse(after.failsN1, "seed \(seed): step broke N+1 on \(after.name)") }
                    if before.unallocatedMemory > 0 { XCTAssertGreaterThan(after.unallocatedMemory, 0, "seed \(seed): memory overcommitted") }
                }
                XCTAssertLessThan(next.score, table.score, "seed \(seed): a step must improve the score")
                let full = ClusterStatistics(nodes: next.cluster.nodes).score
                XCTAssertEqual(next.score.bitPattern, full.bitPattern, "seed \(seed): recorded score differs from a full recompute")
                table = next
                steps += 1
            }
        }
    }

    func testPlanDoesNotDependOnThreadCount() {
        for seed in 100...110 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 9, instances: 40)
            let one = plan(cluster, threads: 1), three = plan(cluster, threads: 3)
            XCTAssertEqual(one.placements.map(\.instance), three.placements.map(\.instance), "seed \(seed)")
            XCTAssertEqual(one.score.bitPattern, three.score.bitPattern, "seed \(seed)")
        }
    }

    func testIncrementalStatisticsTrackFullRecompute() {
        for seed in 200...220 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed)
            var stats = ClusterStatistics(nodes: cluster.nodes)
            var nodes = cluster.nodes
            for inst in cluster.instances {
                guard let s = inst.secondary else { continue }
                let target = NodeIndex((s.value + 1) % nodes.count)
                if target == inst.primary { continue }
                guard case .success(let applied) = MoveApplication.apply(.replaceSecondary(target), to: inst, nodes: nodes, force: true) else { continue }
                for (i, n) in applied.changedNodes { stats.replace(nodes[i.value], with: n); nodes[i.value] = n }
                break
            }
            let full = ClusterStatistics(nodes: nodes).score
            XCTAssertEqual(stats.score, full, accuracy: 1e-9 * max(1, abs(full)), "seed \(seed)")
        }
    }
}
