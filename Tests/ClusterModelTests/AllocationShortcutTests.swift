import XCTest
@testable import ClusterModel

/// Shortcuts in the capacity loops must give exactly the step-by-step results.
/// Skipping shrink steps in tiered allocation must only skip attempts whose outcome repeats.
final class ShrinkSkippingTests: XCTestCase {
    func testSkippedShrinksRepeatTheAttempt() {
        var skipped = 0
        for seed in 1...40 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 5, instances: 25)
            let cache = SearchCache(cluster, scope: nil)
            var rng = SeededGenerator(seed: seed)
            for template in [DiskTemplate.drbd, .plain, .diskless] {
                let nodes = cluster.nodes.map(\.index)
                let targets: AllocationTargets = template == .drbd
                    ? .pairs(nodes.map { p in NodePairs(primary: p, secondaries: nodes.filter { $0 != p }) })
                    : .singles(nodes)
                for mode in [FailMode.memory, .disk] {
                    var probe = Instance.fromSpec(ResourceSpec(cpu: 2, memory: Int.random(in: 64...256, using: &rng) * 512,
                                                               disk: Int.random(in: 64...1024, using: &rng) * 1024, spindles: 1),
                                                  diskTemplate: template, spindleUse: 1)
                    probe.index = InstanceIndex(cluster.instances.count)
                    for _ in 0..<60 {
                        if let outcome = AllocationSearch.primaryStageFailures(cache, instance: probe, targets: targets,
                                                                               options: AllocationOptions()) {
                            let steps = AllocationSearch.unchangedShrinkSteps(cache, instance: probe, targets: targets, mode: mode)
                            var stepped = probe
                            for _ in 0..<min(steps, 400) {
                                XCTAssertNil(stepped.shrink(by: mode), "seed \(seed): a skipped shrink would have failed")
                                XCTAssertEqual(AllocationSearch.primaryStageFailures(cache, instance: stepped, targets: targets,
                                                                                     options: AllocationOptions()),
                                               outcome, "seed \(seed) \(template) \(mode): skipped attempt differs")
                            }
                            if steps <= 400 {
                                var bulk = probe
                                bulk.shrink(by: mode, steps: steps)
                                XCTAssertEqual(bulk, stepped)
                                skipped += steps
                                probe = stepped
                            }
                        }
                        if probe.shrink(by: mode) != nil { break }
                    }
                }
            }
        }
        XCTAssertGreaterThan(skipped, 1000, "too few skipped steps to be meaningful")
    }
}

final class RelaxedPrefixTests: XCTestCase {
    /// A run limited to `p` placements equals the prefix recorded by a longer run.
    func testPrefixOfALongerRunEqualsTheShortRun() {
        var compared = 0
        for seed in 1...30 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 6, instances: 10, tags: false)
            let start = AllocationProgress(cluster: cluster)
            for template in [DiskTemplate.diskless, .plain, .drbd] {
                let inst = Instance.fromSpec(ResourceSpec(cpu: 1, memory: 512 * Int(1 + seed % 4), disk: 2048, spindles: 1),
                                             diskTemplate: template, spindleUse: 1)
                let targets: AllocationTargets = template == .drbd
                    ? .pairs(cluster.nodes.map { p in NodePairs(primary: p.index, secondaries: cluster.nodes.map(\.index).filter { $0 != p.index }) })
                    : .singles(cluster.nodes.map(\.index))
                for p in [0, 1, 3, 10] {
                    var prefix: AllocationProgress?
                    guard case .success = IterativeAllocation.smallSteps(start, instance: inst, targets: targets, limit: 25,
                                                                       options: AllocationOptions(capacityChecks: false),
                                                                       prefix: p, prefixResult: &prefix),
                          case .success(let short) = IterativeAllocation.smallSteps(start, instance: inst, targets: targets, limit: p,
                                                                                   options: AllocationOptions(capacityChecks: false))
                    else { XCTFail("seed \(seed): allocation error"); continue }
                    guard let recorded = prefix else { XCTFail("seed \(seed) p \(p): no prefix recorded"); continue }
                    XCTAssertEqual(recorded.cluster.instances, short.cluster.instances, "seed \(seed) \(template) p \(p)")
                    XCTAssertEqual(recorded.cluster.nodes, short.cluster.nodes, "seed \(seed) \(template) p \(p)")
                    XCTAssertEqual(recorded.allocated, short.allocated, "seed \(seed) \(template) p \(p)")
                    XCTAssertEqual(recorded.failures, short.failures, "seed \(seed) \(template) p \(p)")
                    XCTAssertEqual(recorded.failuresAreEmpty, short.failuresAreEmpty)
                    compared += 1
                }
            }
        }
        XCTAssertEqual(compared, 30 * 3 * 4)
    }
}

final class SpeculativeAllocationTests: XCTestCase {
    /// The big step and the checked run computed side by side give what the sequential order gives, whichever job
    /// runs first.
    func testSpeculationMatchesSequentialAllocation() {
        let forward = ParallelRunner(width: 2) { count, job in for k in 0..<count { job(k) } }
        let backward = ParallelRunner(width: 2) { count, job in for k in (0..<count).reversed() { job(k) } }
        var placed = 0
        for seed in 1...14 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 5 + Int(seed % 4), instances: 12, tags: false)
            for template in [DiskTemplate.diskless, .plain] {
                let inst = Instance.fromSpec(ResourceSpec(cpu: 1, memory: 1024 * Int(1 + seed % 3), disk: 4096, spindles: 1),
                                             diskTemplate: template, spindleUse: 1)
                let targets = AllocationTargets.singles(cluster.nodes.filter { !$0.offline }.map(\.index))
                let start = AllocationProgress(cluster: cluster)
                guard case .success(let plain) = IterativeAllocation.allocate(start, instance: inst, targets: targets,
                                                                               limit: nil, options: AllocationOptions())
                else { XCTFail("seed \(seed): allocation error"); continue }
                placed += plain.allocated.count
                for runner in [forward, backward] {
                    guard case .success(let other) = IterativeAllocation.allocate(
                        start, instance: inst, targets: targets, limit: nil, options: AllocationOptions(parallelism: runner))
                    else { XCTFail("seed \(seed): allocation error"); continue }
                    XCTAssertEqual(other.cluster, plain.cluster, "seed \(seed) \(template)")
                    XCTAssertEqual(other.allocated, plain.allocated, "seed \(seed) \(template)")
                    XCTAssertEqual(other.failures, plain.failures, "seed \(seed) \(template)")
                }
            }
        }
        XCTAssertGreaterThan(placed, 30)
    }
}

final class QuickFailureTests: XCTestCase {
    /// When the plain-value pass says every target refuses, the full search must report the same failures and no
    /// placement; the pass must also find such attempts at the secondary stage.
    func testQuickFailuresMatchTheSearch() {
        var decided = 0, atSecondaries = 0
        for seed in 1...40 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 5, instances: 30)
            let cache = SearchCache(cluster, scope: nil)
            var rng = SeededGenerator(seed: seed &* 31)
            for template in [DiskTemplate.drbd, .plain, .diskless] {
                let nodes = cluster.nodes.map(\.index)
                let targets: AllocationTargets = template == .drbd
                    ? .pairs(nodes.map { p in NodePairs(primary: p, secondaries: nodes.filter { $0 != p }) })
                    : .singles(nodes)
                for attempt in 0..<24 {
                    // Half the attempts large (refused at primaries), half near the nodes' free disk and memory.
                    let large = attempt % 2 == 0
                    var inst = Instance.fromSpec(ResourceSpec(cpu: Int.random(in: 1...8, using: &rng),
                                                              memory: Int.random(in: 1...(large ? 120 : 60), using: &rng) * 512,
                                                              disk: Int.random(in: 1...(large ? 900 : 500), using: &rng) * 1024,
                                                              spindles: 1),
                                                 diskTemplate: template, spindleUse: 1)
                    inst.index = InstanceIndex(cluster.instances.count)
                    guard let quick = AllocationSearch.quickFailures(cache, instance: inst, targets: targets,
                                                                     options: AllocationOptions(), throughPairs: true)
                    else { continue }
                    decided += 1
                    if !quick.atPrimaries { atSecondaries += 1 }
                    guard case .success(let full) = AllocationSearch.tryAllocation(cluster, instance: inst, targets: targets,
                                                                                    options: AllocationOptions())
                    else { XCTFail("seed \(seed): search error"); continue }
                    XCTAssertNil(full.best, "seed \(seed) \(template): quick pass refused a placeable instance")
                    XCTAssertEqual(full.failures, quick.failures, "seed \(seed) \(template)")
                }
            }
        }
        XCTAssertGreaterThan(decided, 100)
        XCTAssertGreaterThan(atSecondaries, 10)
    }
}

final class AllocationEdgeTests: XCTestCase {
    /// htools divides by the instance memory when guessing a big step: a zero-memory spec ends like its runtime
    /// exception, and never traps.
    func testZeroMemoryBigStepFailsLikeHtools() {
        let cluster = RandomCluster.make(seed: 3, nodes: 4, instances: 6, tags: false)
        let inst = Instance.fromSpec(ResourceSpec(cpu: 1, memory: 0, disk: 1024, spindles: 1), diskTemplate: .diskless,
                                     spindleUse: 1)
        let result = IterativeAllocation.allocate(AllocationProgress(cluster: cluster), instance: inst,
                                                  targets: .singles(cluster.nodes.map(\.index)), limit: nil,
                                                  options: AllocationOptions())
        guard case .failure(let e) = result else { return XCTFail("a zero-memory big step must fail") }
        XCTAssertEqual(e, AllocationError("divide by zero", uncaught: true))
    }
}
