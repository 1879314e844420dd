import XCTest
import ClusterModel
@testable import ClusterIO

/// End to end: a request written here, parsed, evacuated and answered; the expected bytes were
/// checked against htools 3.0's hail for the same request.
final class IAllocatorEvacuationTests: XCTestCase {
    private func request(_ body: String) -> String {
        let spec = #"{"memory-size":128,"cpu-count":1,"disk-size":1024,"disk-count":1,"nic-count":1,"spindle-use":1}"#
        let policy = #"{"minmax":[{"min":\#(spec),"max":\#(spec)}],"std":\#(spec),"disk-templates":["drbd"],"vcpu-ratio":4.0,"spindle-ratio":32.0}"#
        let node = #"{"offline":false,"drained":false,"group":"g1","ndparams":{"exclusive_storage":false,"spindle_count":1},"#
            + #""total_memory":4096,"reserved_memory":512,"free_memory":3584,"total_disk":102400,"free_disk":102400,"#
            + #""total_cpus":4,"reserved_cpus":1,"free_spindles":4,"total_spindles":4}"#
        let inst = #"{"disk_space_total":1024,"disks":[{"size":1024,"spindles":1}],"memory":512,"vcpus":1,"tags":[],"#
            + #""disk_template":"drbd","spindle_use":1,"nics":[],"admin_state":"up","nodes":["na","nb"]}"#
        return #"{"request":\#(body),"nodegroups":{"g1":{"name":"default","alloc_policy":"preferred","networks":[],"#
            + #""ipolicy":\#(policy),"tags":[]}},"nodes":{"na":\#(node),"nb":\#(node),"nc":\#(node)},"#
            + #""instances":{"i1":\#(inst)},"cluster_tags":[],"enabled_hypervisors":["xen-pvm"]}"#
    }

    func testSecondaryOnlyEvacuationReplacesTheSecondary() throws {
        let r = try IAllocatorRequestParser.parse(request(#"{"type":"node-evacuate","instances":["i1"],"evac_mode":"secondary-only"}"#),
                                                  staticKvmNodeMemory: 4096).get()
        guard case let .nodeEvacuate(instances, mode) = r.kind else { return XCTFail("wrong kind") }
        let result = NodeEvacuation.run(r.cluster, instances: instances, mode: mode, ignoreSoftErrors: false)
        let (info, json) = IAllocatorResponse.evacuation(result.solution, cluster: r.cluster)
        XCTAssertEqual(IAllocatorResponse.success(info: info, result: json),
                       #"{"success":true,"info":"Request successful: 0 instances failed to move and 1 were moved successfully","#
                        + #""result":[[["i1","default",["na","nc"]]],[],[[{"OP_ID":"OP_INSTANCE_REPLACE_DISKS","instance_name":"i1","#
                        + #""early_release":false,"ignore_ipolicy":false,"mode":"replace_new_secondary","disks":[],"remote_node":"nc"}]]]}"#)
    }

    func testAllNodesEvacuationWithoutSpareNodesFails() throws {
        let r = try IAllocatorRequestParser.parse(request(#"{"type":"node-evacuate","instances":["i1"],"evac_mode":"all"}"#),
                                                  staticKvmNodeMemory: 4096).get()
        let result = NodeEvacuation.run(r.cluster, instances: [InstanceIndex(0)], mode: .changeAll, ignoreSoftErrors: false)
        XCTAssertEqual(result.solution.failed.map(\.reason), ["Can't find any good nodes for relocation: no nodes available"])
    }

    func testRelocationNamesTheNewSecondary() throws {
        let r = try IAllocatorRequestParser.parse(
            request(#"{"type":"relocate","name":"i1","required_nodes":1,"relocate_from":["nb"]}"#), staticKvmNodeMemory: 4096).get()
        let moved = try Relocation.run(r.cluster, instance: InstanceIndex(0), requiredNodes: 1, excludedNodes: [NodeIndex(1)],
                                       ignoreSoftErrors: false).get()
        XCTAssertEqual(moved.nodes, [NodeIndex(2)])
        let wrong = Relocation.run(r.cluster, instance: InstanceIndex(0), requiredNodes: 1, excludedNodes: [NodeIndex(0)],
                                   ignoreSoftErrors: false)
        XCTAssertEqual(wrong.map(\.nodes), .failure(EvacuationFailure(
            "Unsupported request: excluded nodes not equal to instance's secondary(1 versus [0])")))
    }
}
