import XCTest
@testable import ClusterModel

/// The fast allocation scans against htools' plain primitives: same failures, same winner, same float score.
final class AllocationSearchTests: XCTestCase {
    /// A new DRBD instance of a random size.
    private func newInstance(_ seed: UInt64, template: DiskTemplate, cluster: Cluster) -> Instance {
        var rng = SeededGenerator(seed: seed &* 7919)
        let spec = ResourceSpec(cpu: Int.random(in: 1...4, using: &rng), memory: Int.random(in: 1...12, using: &rng) * 512,
                                disk: Int.random(in: 1...60, using: &rng) * 1024, spindles: Int.random(in: 1...2, using: &rng))
        var inst = Instance.fromSpec(spec, diskTemplate: template, spindleUse: 1, name: "new-0")
        inst.index = InstanceIndex(cluster.instances.count)
        return inst
    }

    private func assertSame(_ a: AllocationSolution<Double>, _ b: AllocationSolution<Double>, _ label: String) {
        XCTAssertEqual(a.failures, b.failures, label)
        XCTAssertEqual(a.successCount, b.successCount, label)
        XCTAssertEqual(a.best?.metric.bitPattern, b.best?.metric.bitPattern, label)
        XCTAssertEqual(a.best?.instance.primary, b.best?.instance.primary, label)
        XCTAssertEqual(a.best?.instance.secondary, b.best?.instance.secondary, label)
        XCTAssertEqual(a.best?.nodes, b.best?.nodes, label)
    }

    func testFastPairScanMatchesReferencePrimitives() {
        for seed in 1...40 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 9, instances: 30)
            let inst = newInstance(seed, template: .drbd, cluster: cluster)
            guard case .success(.pairs(let pairs)) = AllocationTargets.generate(
                in: cluster, groups: cluster.groups, requiredNodes: 2, dropUnallocable: true,
                options: AllocationOptions()) else { return XCTFail("no pairs") }
            for ignoreSoft in [false, true] {
                let options = AllocationOptions(ignoreSoftErrors: ignoreSoft, capacityChecks: false)
                let fast = AllocationSearch.scanPairs(cluster, scope: nil, instance: inst, pairs: pairs,
                                                      options: options, predicate: nil)
                let reference = AllocationSearch.referencePairs(cluster, scope: nil, instance: inst, pairs: pairs,
                                                                options: options, predicate: nil)
                assertSame(fast, reference, "seed \(seed) soft \(ignoreSoft)")
            }
        }
    }

    func testFastPairScanMatchesReferenceWithRedundancyPredicate() {
        for seed in 1...12 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 6, instances: 14)
            let inst = newInstance(seed, template: .drbd, cluster: cluster)
            guard case .success(.pairs(let pairs)) = AllocationTargets.generate(
                in: cluster, groups: cluster.groups, requiredNodes: 2, dropUnallocable: true,
                options: AllocationOptions()) else { return XCTFail("no pairs") }
            let options = AllocationOptions()
            let predicate: (Placement<Double>) -> Bool = {
                GlobalRedundancy.allocationKeepsRedundancy(cluster, scope: nil, placement: $0, options: options)
            }
            let fast = AllocationSearch.scanPairs(cluster, scope: nil, instance: inst, pairs: pairs,
                                                  options: options, predicate: predicate)
            let reference = AllocationSearch.referencePairs(cluster, scope: nil, instance: inst, pairs: pairs,
                                                            options: options, predicate: predicate)
            assertSame(fast, reference, "seed \(seed)")
        }
    }

    func testParallelScanEqualsSequentialScan() {
        let runner = ParallelRunner(width: 3) { count, job in for k in (0..<count).reversed() { job(k) } }
        for seed in 1...10 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 12, instances: 30)
            let inst = newInstance(seed, template: .drbd, cluster: cluster)
            let targets = try! AllocationTargets.generate(in: cluster, groups: cluster.groups, requiredNodes: 2,
                                                          dropUnallocable: true, options: AllocationOptions()).get()
            let sequential = try! AllocationSearch.tryAllocation(cluster, instance: inst, targets: targets,
                                                                 options: AllocationOptions(capacityChecks: false)).get()
            let parallel = try! AllocationSearch.tryAllocation(cluster, instance: inst, targets: targets,
                                                               options: AllocationOptions(capacityChecks: false,
                                                                                          parallelism: runner)).get()
            assertSame(sequential, parallel, "seed \(seed)")
            XCTAssertEqual(sequential.log, parallel.log)
        }
    }

    func testSingleScanMatchesReferencePrimitives() {
        for seed in 1...30 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 8, instances: 25)
            for template in [DiskTemplate.plain, .diskless, .ext] {
                let inst = newInstance(seed, template: template, cluster: cluster)
                let nodes = cluster.nodes.filter { !$0.offline }.map(\.index)
                let options = AllocationOptions(capacityChecks: false)
                let fast = AllocationSearch.scanSingles(cluster, scope: nil, instance: inst, nodes: nodes,
                                                        options: options, predicate: nil)
                var reference = CandidateCollection<Double>()
                for n in nodes {
                    switch PlacementPrimitives.allocateOnSingle(cluster, scope: nil, instance: inst, primary: n, options: options) {
                    case .failure(let f): reference.failures.add(f)
                    case .success(let p): reference.candidates.append(p)
                    }
                }
                assertSame(fast, reference.solution(predicate: nil), "seed \(seed) \(template)")
            }
        }
    }

    func testScoreRowsEqualFullRecompute() {
        for seed in 1...20 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed)
            let rows = ScoreRows(cluster, members: nil)
            XCTAssertEqual(rows.score(replacing: -1, with: NodeScoreValues(cluster.nodes[0])).bitPattern,
                           cluster.score().bitPattern)
            let inst = newInstance(seed, template: .plain, cluster: cluster)
            for n in cluster.nodes {
                guard case .success(let changed) = n.addingPrimary(inst, force: true) else { continue }
                var nodes = cluster.nodes
                nodes[n.index.value] = changed
                XCTAssertEqual(rows.score(replacing: n.index.value, with: NodeScoreValues(changed)).bitPattern,
                               ClusterStatistics(nodes: nodes).score.bitPattern, "seed \(seed) node \(n.name)")
            }
        }
    }

    func testNoTargetsGiveHtoolsErrors() {
        let cluster = RandomCluster.make(seed: 3)
        let inst = newInstance(3, template: .drbd, cluster: cluster)
        XCTAssertEqual(AllocationSearch.tryAllocation(cluster, instance: inst, targets: .pairs([]),
                                                      options: AllocationOptions()).failureMessage,
                       "Not enough online nodes")
        XCTAssertEqual(AllocationSearch.tryAllocation(cluster, instance: inst, targets: .singles([]),
                                                      options: AllocationOptions()).failureMessage,
                       "No online nodes")
    }
}

private extension Result where Failure == AllocationError {
    var failureMessage: String? {
        if case .failure(let e) = self { return e.message }
        return nil
    }
}

/// The forced-primary probe used by the global N+1 check against `Node.addingPrimary(force: true)`.
final class ForcedPrimaryProbeTests: XCTestCase {
    func testProbeEqualsRealPlacement() {
        for seed in 1...25 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 8, instances: 30)
            for inst in cluster.instances where !inst.forthcoming {
                for node in cluster.nodes {
                    var row = [Double](repeating: 0, count: ScoreComponent.count)
                    var pairs: [Int: Int]?
                    let failure = ForcedPrimaryProbe.evaluate(node, inst, row: &row, pairs: &pairs)
                    switch node.addingPrimary(inst, force: true) {
                    case .failure(let f):
                        XCTAssertEqual(failure, f, "seed \(seed)")
                    case .success(let n):
                        XCTAssertNil(failure, "seed \(seed)")
                        let expected = NodeScoreValues(n)
                        for c in ScoreComponent.allCases where c.aggregation != .spread {
                            XCTAssertEqual(row[c.rawValue].bitPattern, expected.numbers[c.rawValue].bitPattern,
                                           "seed \(seed) \(c.name)")
                        }
                        XCTAssertEqual(pairs ?? node.locationExclusionCounts, expected.pairCounts, "seed \(seed)")
                    }
                }
            }
        }
    }
}
