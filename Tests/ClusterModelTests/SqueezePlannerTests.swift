import XCTest
@testable import ClusterModel

final class SqueezePlannerTests: XCTestCase {
    typealias N = SmallCluster.NodeSpec
    typealias I = SmallCluster.InstanceSpec

    func testProbeInstanceFloorsScaledSpec() {
        let spec = InstanceSpec(memorySize: 1000, cpuCount: 3, diskSize: 1024, diskCount: 1, nicCount: 1, spindleUse: 1)
        let probe = SqueezePlanner.probeInstance(spec, factor: 1.5)
        // 1.5 × 1000 = 1500, 1.5 × 3 = 4.5 → 4, 1.5 × 1 = 1.5 → 1
        XCTAssertEqual([probe.memory, probe.vcpus, probe.spindleUse, probe.disk], [1500, 4, 1, 0])
        XCTAssertEqual(probe.diskTemplate, .ext)
        XCTAssertFalse(probe.autoBalance)
    }

    func testOfflineCandidatesSkipMasterSecondariesAndLocalStorage() {
        let c = SmallCluster.make(
            nodes: [N(name: "m", master: true), N(name: "local"), N(name: "sec"), N(name: "one"), N(name: "two"),
                    N(name: "off", offline: true)],
            instances: [I(name: "p", primary: 1, template: .plain), I(name: "d", primary: 3, secondary: 2),
                        I(name: "e1", primary: 4, template: .ext), I(name: "e2", primary: 4, template: .ext)])
        // "one" holds a DRBD primary (local storage) and "sec" a secondary: only "two" remains.
        XCTAssertEqual(SqueezePlanner.offlineCandidates(c).map(\.value), [4])
    }

    func testOfflineCandidatesMostPrimariesFirst() {
        let c = SmallCluster.make(nodes: [N(name: "a"), N(name: "b"), N(name: "c")],
                                  instances: [I(name: "x", primary: 1, template: .ext), I(name: "y", primary: 1, template: .ext),
                                              I(name: "z", primary: 2, template: .ext)])
        XCTAssertEqual(SqueezePlanner.offlineCandidates(c).map(\.value), [1, 2, 0])
    }

    func testOnlineCandidatesAreOfflineStandbyNodes() {
        let c = SmallCluster.make(nodes: [N(name: "a", offline: true, tags: ["htools:standby:auto"]),
                                          N(name: "b", offline: true), N(name: "c", tags: ["htools:standby:x"])],
                                  instances: [])
        XCTAssertEqual(SqueezePlanner.onlineCandidates(c).map(\.value), [0])
    }

    func testUnderusedClusterPowersNodesOffAndKeepsInstancesOnline() {
        let c = SmallCluster.make(nodes: (0..<4).map { N(name: "n\($0)") },
                                  instances: (0..<4).map { I(name: "e\($0)", primary: $0, template: .ext) })
        let probe = SqueezePlanner.probeInstance(c.policy.standardSpec, factor: 2)
        let off = SqueezePlanner.nodesToOffline(SqueezePlanner.offlineCandidates(c), in: c, keeping: probe)
        XCTAssertFalse(off.isEmpty)
        let (final, steps) = SqueezeBalancing.settingOffline(true, off, in: c)
        XCTAssertTrue(SqueezePlanner.allPrimariesOnline(final))
        XCTAssertTrue(SqueezePlanner.everyNodeFits(probe, in: final))
        XCTAssertFalse(steps.isEmpty)
        for s in steps { XCTAssertFalse(off.contains(s.step.primary)) }
    }

    func testNothingToOnlineWhenCapacitySuffices() {
        let c = SmallCluster.make(nodes: [N(name: "a"), N(name: "b", offline: true, tags: ["htools:standby:auto"])],
                                  instances: [I(name: "e", primary: 0, template: .ext)])
        let probe = SqueezePlanner.probeInstance(c.policy.standardSpec, factor: 2)
        XCTAssertEqual(SqueezePlanner.nodesToOnline([NodeIndex(1)], in: c, keeping: probe), [])
    }

    func testOnliningAStandbyNodeRestoresCapacity() {
        // Node a is nearly full, so a 2 GiB probe does not fit until the standby node takes its instance.
        let c = SmallCluster.make(nodes: [N(name: "a", freeMemory: 1500),
                                          N(name: "b", offline: true, tags: ["htools:standby:auto"])],
                                  instances: [I(name: "e", primary: 0, template: .ext, memory: 20_000)])
        let probe = SqueezePlanner.probeInstance(
            InstanceSpec(memorySize: 1024, cpuCount: 1, diskSize: 0, diskCount: 0, nicCount: 0, spindleUse: 1), factor: 2)
        XCTAssertFalse(SqueezePlanner.everyNodeFits(probe, in: c))
        XCTAssertEqual(SqueezePlanner.nodesToOnline([NodeIndex(1)], in: c, keeping: probe), [NodeIndex(1)])
    }
}
