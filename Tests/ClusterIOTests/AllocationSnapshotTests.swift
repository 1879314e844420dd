import XCTest
@testable import ClusterIO
import ClusterModel

/// hspace's `-S` files: a simulated cluster filled by allocation, written and read back, gives the same numbers.
final class AllocationSnapshotTests: XCTestCase {
    private func simulated(_ specs: [String]) throws -> Cluster {
        var c = try assembleCluster(try SimulationBackend.parse(specs))
        _ = reconcileNodeResources(&c)
        return c
    }

    func testSimulationNamesAndUnits() throws {
        let c = try SimulationBackend.parse(["p,2,8T,64g,16", "a,1,1000M,2G,4,3,True"])
        XCTAssertEqual(c.groups.map(\.name), ["group-01", "group-02"])
        XCTAssertEqual(c.groups.map(\.uuid), ["fake-uuid-01", "fake-uuid-02"])
        XCTAssertEqual(c.groups.map(\.allocPolicy), [.preferred, .lastResort])
        XCTAssertEqual(c.nodes.map(\.name), ["node-01-001", "node-01-002", "node-02-001"])
        XCTAssertEqual(c.nodes.map(\.isMaster), [true, false, false])
        XCTAssertEqual(c.nodes[0].freeDisk, 7_629_394)    // 8 × 10¹² B in MiB, truncated
        XCTAssertEqual(c.nodes[0].freeMemory, 65_536)
        XCTAssertEqual(c.nodes[2].freeDisk, 953)          // 1000 MB
        XCTAssertEqual(c.nodes[2].freeMemory, 1907)       // 2 GB
        XCTAssertEqual(c.nodes[2].totalSpindles, 3)
        XCTAssertTrue(c.nodes[2].exclusiveStorage)
    }

    func testSimulationErrors() {
        func message(_ spec: String) -> String? {
            do { _ = try SimulationBackend.parse([spec]); return nil } catch { return error.message }
        }
        XCTAssertEqual(message("x,4,8T,64g,16"),
                       "Invalid string value for type AllocPolicy: \"x\"; Cannot parse AllocPolicy abbreviation 'x'")
        XCTAssertEqual(message("p,a,8T,64g,16"), "node count: cannot parse string 'a'")
        XCTAssertEqual(message("p,4,8X,64g,16"), "disk size: Unknown unit 'X'")
        XCTAssertEqual(message("p,2,1.5g,1g,1"), "disk size: Can't parse string '1.5g'")
        XCTAssertEqual(message("p,2,1g,1g,1,1,maybe"), "exclusive storage: cannot parse string 'maybe'")
        XCTAssertTrue(message("p,4,8T,64g")?.hasSuffix("but got 4: 'p,4,8T,64g'") ?? false)
    }

    func testSavedStateReloadsToTheSameResources() throws {
        let cluster = try simulated(["p,4,2T,64g,16"])
        let options = AllocationOptions(capacityChecks: false)
        let targets = try AllocationTargets.generate(in: cluster, groups: cluster.groups, requiredNodes: 2,
                                                     dropUnallocable: true, options: options).get()
        let inst = Instance.fromSpec(ResourceSpec(cpu: 2, memory: 4096, disk: 65536, spindles: 1),
                                     diskTemplate: .drbd, spindleUse: 1)
        let result = try TieredAllocation.allocate(AllocationProgress(cluster: cluster), instance: inst, targets: targets,
                                                   limit: nil, options: options).get()
        XCTAssertFalse(result.allocated.isEmpty)
        let text = TextSnapshotWriter.serialize(result.cluster)
        var reloaded = try assembleCluster(try TextSnapshotReader.parse(text))
        _ = reconcileNodeResources(&reloaded)
        // htools saves each node's reported free memory, which simulated placements do not lower, so a reloaded
        // state shows the placed memory as negative "missing" memory; everything else is the same.
        var expected = ClusterResources(result.cluster)
        expected.missingMemory = -expected.instanceMemory
        XCTAssertEqual(ClusterResources(reloaded), expected)
        XCTAssertEqual(reloaded.score().bitPattern, result.cluster.score().bitPattern)
        XCTAssertEqual(TextSnapshotWriter.serialize(reloaded), text)
    }
}
