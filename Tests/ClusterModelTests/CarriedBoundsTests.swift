import XCTest
@testable import ClusterModel

/// Carrying candidate bounds across steps must never change the plan: every step, and the tie-breaks between
/// equal candidates, must be those of the plain search that evaluates everything afresh.
final class CarriedBoundsTests: XCTestCase {
    private func plan(_ cluster: Cluster, carry: Bool, threads: Int = 1, maxSteps: Int = 60,
                      adjust: (inout BalanceOptions) -> Void = { _ in }) -> BalanceTable {
        var options = BalanceOptions()
        options.threads = threads
        options.carryBounds = carry
        options.carryingMinimumNodes = 0
        adjust(&options)
        var table = BalanceTable(cluster: cluster, memberNodes: cluster.nodes.map(\.index),
                                 memberInstances: cluster.instances.map(\.index))
        var balancer = Balancer(table: table, options: options)
        while Balancer.mayContinue(table, maxRounds: maxSteps, minScore: 1e-9), let next = balancer.step(table) { table = next }
        return table
    }

    private func assertSamePlan(_ a: BalanceTable, _ b: BalanceTable, _ message: String, file: StaticString = #filePath,
                                line: UInt = #line) {
        XCTAssertEqual(a.placements.count, b.placements.count, message, file: file, line: line)
        for (x, y) in zip(a.placements, b.placements) {
            XCTAssertEqual(x.instance, y.instance, message, file: file, line: line)
            XCTAssertEqual(x.move, y.move, message, file: file, line: line)
            XCTAssertEqual(x.score.bitPattern, y.score.bitPattern, message, file: file, line: line)
        }
    }

    /// Balances up to 25 steps with carried bounds and checks, after every step, the carried slot bounds against
    /// the exact scores and the carried fixed-row statistics against fresh ones.
    private func assertCarriedRecordsHold(_ cluster: Cluster, _ message: String, file: StaticString = #filePath,
                                          line: UInt = #line, adjust: (inout BalanceOptions) -> Void = { _ in }) {
        var options = BalanceOptions()
        options.threads = 1
        options.carryingMinimumNodes = 0
        adjust(&options)
        var table = BalanceTable(cluster: cluster, memberNodes: cluster.nodes.map(\.index),
                                 memberInstances: cluster.instances.map(\.index))
        var balancer = Balancer(table: table, options: options)
        var steps = 0
        while steps < 25, let next = balancer.step(table) {
            table = next
            steps += 1
            XCTAssertEqual(balancer.carriedBoundViolations(table), [], "\(message), step \(steps)", file: file, line: line)
            XCTAssertEqual(balancer.carriedFixedStatisticsViolations(table), [], "\(message), step \(steps)",
                           file: file, line: line)
        }
    }

    func testCarriedBoundsGiveThePlainPlan() {
        for seed in 300...339 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 10, instances: 60, locationTags: false)
            assertSamePlan(plan(cluster, carry: true), plan(cluster, carry: false), "seed \(seed)")
        }
    }

    func testCarriedBoundsOnUniformClustersWithManyTies() {
        // Identical nodes make many candidates score exactly alike: the earliest must still win.
        for seed in 400...419 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 12, instances: 70, features: false, uniformNodes: true)
            assertSamePlan(plan(cluster, carry: true), plan(cluster, carry: false), "seed \(seed)")
        }
    }

    func testCarriedBoundsWithOptions() {
        let variants: [(String, (inout BalanceOptions) -> Void)] = [
            ("no disk moves", { $0.diskMoves = false }),
            ("no instance moves", { $0.instanceMoves = false }),
            ("restricted migration", { $0.restrictedMigration = true }),
            ("ignore soft errors", { $0.ignoreSoftErrors = true }),
            ("evacuation", { $0.evacuationMode = true }),
        ]
        for seed in 500...511 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 9, instances: 50, locationTags: false)
            for (name, adjust) in variants {
                assertSamePlan(plan(cluster, carry: true, adjust: adjust), plan(cluster, carry: false, adjust: adjust),
                               "seed \(seed), \(name)")
            }
        }
    }

    func testCarriedBoundsAcrossStepsThatEmptyAnOfflineNode() {
        // Evacuation steps all change the offline node, whose row only counts instances: its victims' records
        // are carried, so the plan and the bounds must still be those of the plain search.
        for seed in 800...819 as ClosedRange<UInt64> {
            var cluster = RandomCluster.make(seed: seed, nodes: 11, instances: 70, locationTags: false)
            cluster.nodes[Int(seed % 3)].offline = true
            for evacuate in [true, false] {
                let adjust: (inout BalanceOptions) -> Void = { $0.evacuationMode = evacuate }
                assertSamePlan(plan(cluster, carry: true, adjust: adjust), plan(cluster, carry: false, adjust: adjust),
                               "seed \(seed), evacuation \(evacuate)")
            }
            assertCarriedRecordsHold(cluster, "seed \(seed)") { $0.evacuationMode = true }
        }
    }

    func testCarriedPlanDoesNotDependOnThreadCount() {
        for seed in 600...609 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 14, instances: 120, locationTags: false)
            assertSamePlan(plan(cluster, carry: true, threads: 1), plan(cluster, carry: true, threads: 3), "seed \(seed)")
        }
    }

    func testCarriedBoundsNeverExceedTheExactScores() {
        // After every step, each victim's carried slot bounds must lie below the exact score of every candidate
        // towards that slot's target.
        for seed in 700...709 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 8, instances: 40, locationTags: false)
            assertCarriedRecordsHold(cluster, "seed \(seed)")
        }
    }
}
