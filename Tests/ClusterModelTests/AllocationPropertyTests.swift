import XCTest
@testable import ClusterModel

/// Invariants of whole allocation runs: capacity is never broken, bookkeeping stays consistent,
/// tiered specs only shrink, and the rules for policies and shrinking hold.
final class AllocationPropertyTests: XCTestCase {
    private func run(_ cluster: Cluster, template: DiskTemplate, spec: ResourceSpec, limit: Int?) -> AllocationProgress {
        let options = AllocationOptions(capacityChecks: false)
        let targets = try! AllocationTargets.generate(in: cluster, groups: cluster.groups,
                                                      requiredNodes: Instance.requiredNodes(template),
                                                      dropUnallocable: true, options: options).get()
        let inst = Instance.fromSpec(spec, diskTemplate: template, spindleUse: 1)
        return try! IterativeAllocation.allocate(AllocationProgress(cluster: cluster), instance: inst, targets: targets,
                                                 limit: limit, options: options).get()
    }

    func testAllocationNeverBreaksCapacity() {
        for seed in 1...15 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 8, instances: 10, features: false)
            for template in [DiskTemplate.drbd, .plain] {
                let result = run(cluster, template: template,
                                 spec: ResourceSpec(cpu: 1, memory: 1024, disk: 4096, spindles: 1), limit: 60)
                for (before, after) in zip(cluster.nodes, result.cluster.nodes) where before != after {
                    XCTAssertGreaterThan(after.unallocatedMemory, 0, "seed \(seed) \(after.name)")
                    XCTAssertGreaterThan(after.freeDisk, 0, "seed \(seed) \(after.name)")
                    XCTAssertGreaterThanOrEqual(after.freeDisk, after.lowDisk)
                    XCTAssertLessThanOrEqual(after.cpuRatio, after.policy.vcpuRatio + 1e-9)
                    if !before.failsN1 { XCTAssertFalse(after.failsN1, "seed \(seed) \(after.name) became N+1 failing") }
                }
            }
        }
    }

    func testPlacedInstancesAreBookedOnTheirNodes() {
        for seed in 1...10 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 6, instances: 8, features: false)
            let result = run(cluster, template: .drbd, spec: ResourceSpec(cpu: 1, memory: 512, disk: 2048, spindles: 1),
                             limit: 25)
            XCTAssertEqual(result.cluster.instances.count, cluster.instances.count + result.allocated.count)
            for (k, inst) in result.allocated.enumerated() {
                XCTAssertEqual(inst.name, "new-\(k)")
                XCTAssertEqual(result.cluster[instance: inst.index].name, inst.name)
                XCTAssertTrue(result.cluster[node: inst.primary].primaries.contains(inst.index))
                XCTAssertTrue(result.cluster[node: inst.secondary!].secondaries.contains(inst.index))
                XCTAssertEqual(result.cluster[node: inst.primary].group, result.cluster[node: inst.secondary!].group)
            }
        }
    }

    func testLimitIsHonoured() {
        let cluster = RandomCluster.make(seed: 5, nodes: 6, instances: 4, features: false)
        let result = run(cluster, template: .drbd, spec: ResourceSpec(cpu: 1, memory: 128, disk: 1024, spindles: 1), limit: 7)
        XCTAssertEqual(result.allocated.count, 7)
    }

    func testTieredSpecsOnlyShrink() {
        for seed in 1...8 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, nodes: 6, instances: 6, features: false)
            let options = AllocationOptions(capacityChecks: false)
            let targets = try! AllocationTargets.generate(in: cluster, groups: cluster.groups, requiredNodes: 2,
                                                          dropUnallocable: true, options: options).get()
            let inst = Instance.fromSpec(ResourceSpec(cpu: 4, memory: 8192, disk: 65536, spindles: 2),
                                         diskTemplate: .drbd, spindleUse: 1)
            let result = try! TieredAllocation.allocate(AllocationProgress(cluster: cluster), instance: inst,
                                                        targets: targets, limit: nil, options: options).get()
            let specs = result.allocated.map(\.resourceSpec)
            for (a, b) in zip(specs, specs.dropFirst()) {
                XCTAssertLessThanOrEqual(b.memory, a.memory, "seed \(seed)")
                XCTAssertLessThanOrEqual(b.disk, a.disk, "seed \(seed)")
                XCTAssertLessThanOrEqual(b.cpu, a.cpu, "seed \(seed)")
            }
            XCTAssertFalse(result.failuresAreEmpty)
        }
    }

    func testShrinkingUnits() {
        let inst = Instance.fromSpec(ResourceSpec(cpu: 2, memory: 192, disk: 768, spindles: 2), diskTemplate: .plain,
                                     spindleUse: 1)
        XCTAssertEqual(try inst.shrunk(by: .memory).get().memory, 128)
        XCTAssertEqual(try inst.shrunk(by: .disk).get().disk, 512)
        XCTAssertEqual(try inst.shrunk(by: .disk).get().disks[0].size, 512)
        XCTAssertEqual(try inst.shrunk(by: .cpu).get().vcpus, 1)
        XCTAssertEqual(try inst.shrunk(by: .spindles).get().disks[0].spindles, 1)
        XCTAssertThrowsError(try inst.shrunk(by: .n1).get())
        let small = Instance.fromSpec(ResourceSpec(cpu: 1, memory: 100, disk: 300, spindles: 1), diskTemplate: .plain,
                                      spindleUse: 1)
        XCTAssertThrowsError(try small.shrunk(by: .memory).get())   // 36 < 64
        XCTAssertThrowsError(try small.shrunk(by: .disk).get())     // 44 < 256
        XCTAssertThrowsError(try small.shrunk(by: .cpu).get())      // 0 < 1
        XCTAssertThrowsError(try small.shrunk(by: .spindles).get()) // 0 < 1
    }

    func testPolicyComplianceChecksInHtoolsOrder() {
        let policy = InstancePolicy.htoolsDefault
        func inst(_ mem: Int, _ disk: Int, _ cpu: Int, template: DiskTemplate = .plain) -> Instance {
            Instance.fromSpec(ResourceSpec(cpu: cpu, memory: mem, disk: disk, spindles: 1), diskTemplate: template, spindleUse: 1)
        }
        XCTAssertNil(policy.violation(of: inst(128, 1024, 1), exclusiveStorage: false))
        XCTAssertEqual(policy.violation(of: inst(64, 1024, 1), exclusiveStorage: false), .memory)
        XCTAssertEqual(policy.violation(of: inst(64, 512, 1), exclusiveStorage: false), .memory)    // memory first
        XCTAssertEqual(policy.violation(of: inst(128, 512, 1), exclusiveStorage: false), .disk)
        XCTAssertEqual(policy.violation(of: inst(128, 1024, 9), exclusiveStorage: false), .cpu)     // above 8
        var restricted = policy
        restricted.diskTemplates = [.drbd]
        XCTAssertEqual(restricted.violation(of: inst(128, 1024, 1), exclusiveStorage: false), .disk)
    }

    func testFailureCountsSortLikeHspace() {
        var f = FailureCounts()
        f.add(.n1, 2)
        f.add(.memory, 2)
        f.add(.disk, 5)
        XCTAssertEqual(f.sortedByCount.prefix(4).map(\.mode), [.disk, .memory, .n1, .cpu])
        XCTAssertEqual(f.nonZeroDescription, "FailMem: 2, FailDisk: 5, FailN1: 2")
    }
}
