import XCTest
@testable import ClusterModel

final class RollingPlannerTests: XCTestCase {
    typealias N = SmallCluster.NodeSpec
    typealias I = SmallCluster.InstanceSpec

    private func plan(_ c: Cluster, _ options: RebootPlanner.Options = .init()) -> Result<[RebootPlanner.Group], RebootPlanner.Failure> {
        let graph = NodeGraph.rollingReboot(c, candidates: c.nodes.map(\.index))!
        let classes = RebootPlanner.smallest(RebootPlanner.colourings(graph))
        return RebootPlanner.plan(classes, initial: SmallCluster.configuration(c),
                                  targets: c.nodes.filter { !$0.offline }.map(\.index.value), options: options)
    }

    func testNonRedundantInstancesSplitAnIndependentClass() throws {
        // No DRBD: one colour class; each plain instance must move to a node not rebooting with it.
        let c = SmallCluster.make(nodes: [N(name: "a"), N(name: "b"), N(name: "c")],
                                  instances: [I(name: "p0", primary: 0, template: .plain), I(name: "p1", primary: 1, template: .plain)])
        let groups = try plan(c).get()
        XCTAssertEqual(groups.map(\.slots), [[0, 1], [2]])
        let moved = RebootPlanner.relocations(from: SmallCluster.configuration(c), to: groups[0].configuration)
        XCTAssertEqual(moved.map(\.instance), ["p0", "p1"])
        XCTAssertEqual(moved.map(\.primary), ["c", "c"])
        XCTAssertNil(moved[0].secondary)
    }

    func testALoneNodeCannotShedItsNonRedundantInstance() {
        let c = SmallCluster.make(nodes: [N(name: "a")], instances: [I(name: "p", primary: 0, template: .plain)])
        XCTAssertEqual(plan(c).failureValue, .nonRedundantCapacity)
        var ignore = RebootPlanner.Options()
        ignore.ignoreNonRedundant = true
        XCTAssertEqual(try plan(c, ignore).get().map(\.slots), [[0]])
    }

    func testFullEvacuationOfAPairHasNowhereToPutSecondaries() {
        let c = SmallCluster.make(nodes: [N(name: "a"), N(name: "b")], instances: [I(name: "d", primary: 0, secondary: 1)])
        var options = RebootPlanner.Options()
        options.fullEvacuation = true
        XCTAssertEqual(plan(c, options).failureValue, .secondaryCapacity)
    }

    func testFullEvacuationMovesSecondariesToAThirdNode() throws {
        let c = SmallCluster.make(nodes: [N(name: "a"), N(name: "b"), N(name: "c")],
                                  instances: [I(name: "d", primary: 0, secondary: 1)])
        var options = RebootPlanner.Options()
        options.fullEvacuation = true
        let groups = try plan(c, options).get()
        let initial = SmallCluster.configuration(c)
        for g in groups {
            // No group keeps the instance on one of its own nodes.
            let inst = g.configuration.instances[0]
            XCTAssertFalse(g.slots.contains(inst.primary.value))
            XCTAssertFalse(g.slots.contains(inst.secondary!.value))
            let touches = g.slots.contains(0) || g.slots.contains(1)
            XCTAssertEqual(RebootPlanner.relocations(from: initial, to: g.configuration).count, touches ? 1 : 0)
        }
    }

    func testAFailedRelocationTakesEveryChangeBack() {
        // b has room for one of a's two 20 GiB plain instances: the first moves, the second finds no target, and the
        // configuration must be the one before the attempt (moves are made in place and undone).
        let c = SmallCluster.make(nodes: [N(name: "a"), N(name: "b", freeMemory: 25_000)],
                                  instances: [I(name: "p0", primary: 0, template: .plain, memory: 20_000),
                                              I(name: "p1", primary: 0, template: .plain, memory: 20_000)])
        let initial = SmallCluster.configuration(c)
        var conf = initial
        XCTAssertFalse(conf.relocate(.nonRedundantInstances, [InstanceIndex(0), InstanceIndex(1)], targets: [1]))
        XCTAssertEqual(conf, initial)
        XCTAssertTrue(conf.relocate(.nonRedundantInstances, [InstanceIndex(0)], targets: [1]))
        XCTAssertEqual(conf.instances[0].primary, NodeIndex(1))
        XCTAssertNotEqual(conf, initial)
    }

    func testReplaceSecondaryStoresThePrimaryRecordInTheOldSlot() throws {
        // htools quirk: the old secondary's slot receives the primary's record without the instance as secondary.
        let c = SmallCluster.make(nodes: [N(name: "a"), N(name: "b"), N(name: "c")],
                                  instances: [I(name: "d", primary: 0, secondary: 1)])
        let next = try XCTUnwrap(SmallCluster.configuration(c).replacingSecondary(InstanceIndex(0), with: 2))
        XCTAssertEqual(next.nodes[1].name, "a")
        XCTAssertEqual(next.nodes[2].secondaries, [InstanceIndex(0)])
        XCTAssertEqual(next.instances[0].secondary, NodeIndex(2))
        XCTAssertNil(SmallCluster.configuration(c).replacingSecondary(InstanceIndex(0), with: 0))
    }

    func testMigrationSwapsRolesAndIsNotReportedAsAMove() throws {
        let c = SmallCluster.make(nodes: [N(name: "a"), N(name: "b")], instances: [I(name: "d", primary: 0, secondary: 1)])
        let initial = SmallCluster.configuration(c)
        let next = try initial.migratingOff([0]).get()
        XCTAssertEqual(next.instances[0].primary, NodeIndex(1))
        XCTAssertEqual(next.instances[0].secondary, NodeIndex(0))
        XCTAssertEqual(next.nodes[1].primaries, [InstanceIndex(0)])
        XCTAssertEqual(next.nodes[0].secondaries, [InstanceIndex(0)])
        XCTAssertTrue(RebootPlanner.relocations(from: initial, to: next).isEmpty)
    }

    func testMigratingADRBDInstanceWithoutSecondaryIsAMissingNode() {
        var c = SmallCluster.make(nodes: [N(name: "a")], instances: [I(name: "d", primary: 0, template: .plain)])
        c.instances[0].diskTemplate = .drbd
        XCTAssertEqual(SmallCluster.configuration(c).migratingOff([0]).failureValue, .missingNode(-1))
    }

    func testPresentationPutsTheMasterLastAndLargeGroupsFirst() {
        let c = SmallCluster.make(nodes: [N(name: "m", master: true), N(name: "a"), N(name: "b"), N(name: "c")], instances: [])
        let conf = SmallCluster.configuration(c)
        let groups = [RebootPlanner.Group(slots: [0, 1], configuration: conf),
                      RebootPlanner.Group(slots: [2], configuration: conf),
                      RebootPlanner.Group(slots: [3, 1], configuration: conf)]
        let shown = RebootPlanner.present(groups, candidates: Set(c.nodes.map(\.index)), initial: conf,
                                          isMaster: { c.nodes[$0.value].isMaster })
        XCTAssertEqual(shown.map { $0.nodes.map(\.value) }, [[3, 1], [2], [1, 0]])
    }
}

extension Result {
    /// The failure, or nil on success.
    var failureValue: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
