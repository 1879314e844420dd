import XCTest
import ClusterModel
@testable import ClusterIO

/// Request parsing: a small cluster written here, each request kind, and htools' error texts.
final class IAllocatorRequestTests: XCTestCase {
    private let spec = #"{"memory-size":128,"cpu-count":1,"disk-size":1024,"disk-count":1,"nic-count":1,"spindle-use":1}"#
    private var policy: String {
        #"{"minmax":[{"min":\#(spec),"max":\#(spec)}],"std":\#(spec),"disk-templates":["drbd","plain"],"vcpu-ratio":4.0,"spindle-ratio":32.0}"#
    }

    private func node(_ group: String = "g1") -> String {
        #"{"offline":false,"drained":false,"group":"\#(group)","ndparams":{"exclusive_storage":false,"spindle_count":1},"#
            + #""total_memory":4096,"reserved_memory":512,"free_memory":3584,"total_disk":10240,"free_disk":10240,"#
            + #""total_cpus":4,"reserved_cpus":1,"free_spindles":1,"total_spindles":1}"#
    }

    private let instance = #"{"disk_space_total":1024,"disks":[{"size":1024}],"memory":512,"vcpus":1,"tags":[],"#
        + #""disk_template":"drbd","spindle_use":1,"nics":[],"nodes":["a.example","b.example"]}"#

    private func message(request: String, group: String? = nil, extraNodeField: String = "") -> String {
        let g = group ?? #"{"name":"default","alloc_policy":"preferred","networks":[],"ipolicy":\#(policy),"tags":[]}"#
        return #"{"request":\#(request),"nodegroups":{"g1":\#(g)},"#
            + #""nodes":{"a.example":\#(node()),"b.example":\#(node()),"c.example":\#(node())},"#
            + #""instances":{"i1.example":\#(instance)},"cluster_tags":[],"enabled_hypervisors":["xen-pvm"]}"#
    }

    private func parse(_ text: String) -> Result<IAllocatorRequest, IAllocatorError> {
        IAllocatorRequestParser.parse(text, staticKvmNodeMemory: 4096)
    }

    func testNodeEvacuationRequest() throws {
        let r = try parse(message(request: #"{"type":"node-evacuate","instances":["i1.example"],"evac_mode":"all"}"#)).get()
        XCTAssertEqual(r.kind, .nodeEvacuate(instances: [InstanceIndex(0)], mode: .changeAll))
        XCTAssertEqual(r.cluster.nodes.map(\.name), ["a.example", "b.example", "c.example"])
        XCTAssertEqual(r.cluster.instances[0].secondary, NodeIndex(1))
        XCTAssertEqual(r.cluster.nodes[0].alias, "a")
    }

    func testRelocateFindsNodesByAlias() throws {
        let text = message(request: #"{"type":"relocate","name":"i1.example","required_nodes":1,"relocate_from":["b"]}"#)
        XCTAssertEqual(try parse(text).get().kind, .relocate(InstanceIndex(0), requiredNodes: 1, excludedNodes: [NodeIndex(1)]))
    }

    func testAllocateRequestBuildsTheNewInstance() throws {
        let request = #"{"type":"allocate","name":"new","required_nodes":2,"disk_space_total":2048,"#
            + #""disks":[{"size":2048,"spindles":2}],"memory":256,"vcpus":2,"tags":[],"disk_template":"drbd","#
            + #""spindle_use":1,"nics":[{"network":"net1"}]}"#
        guard case let .allocate(inst, details, restrict) = try parse(message(request: request)).get().kind else {
            return XCTFail("not an allocation")
        }
        XCTAssertEqual(details, AllocationDetails(requiredNodes: 2, groupName: nil))
        XCTAssertNil(restrict)
        XCTAssertEqual(inst.memory, 256)
        XCTAssertEqual(inst.disks, [Disk(size: 2048, spindles: 2)])
        XCTAssertEqual(inst.nicNetworks, ["net1"])
        XCTAssertEqual(inst.status, .running)
    }

    func testErrorsCarryHtoolsOwners() {
        let cases: [(String, String)] = [
            (#"{"type":"relocate","required_nodes":1}"#,
             #"invalid request dict: key 'name' not found, object contains only ["type","required_nodes"]"#),
            (#"{"type":"foo"}"#, "Invalid request type 'foo'"),
            (#"{"type":"allocate-secondary","name":"zz"}"#, "Unknown instance 'zz'"),
            (#"{"type":"node-evacuate","instances":["i1.example"],"evac_mode":"x"}"#,
             #"invalid request dict: key 'evac_mode': Invalid string value for type EvacMode: "x""#),
            (#"{"type":"change-group","instances":["nope"],"target_groups":[]}"#, "Wrong number of elems found with name nope"),
        ]
        for (request, expected) in cases {
            if case .failure(let e) = parse(message(request: request)) {
                XCTAssertEqual(e.message, expected)
            } else {
                XCTFail("accepted \(request)")
            }
        }
    }

    func testPolicyErrorsNameTheField() {
        let bad = #"{"name":"default","alloc_policy":"preferred","networks":[],"ipolicy":{"minmax":[],"std":\#(spec),"#
            + #""disk-templates":[],"vcpu-ratio":"x","spindle-ratio":1}, "tags":[]}"#
        guard case .failure(let e) = parse(message(request: #"{"type":"x"}"#, group: bad)) else { return XCTFail("accepted") }
        XCTAssertEqual(e.message, "invalid data for group 'g1': key 'ipolicy': Can't parse value for 'vcpu-ratio': Unable to read Double")
    }

    func testMissingTopLevelKeys() {
        guard case .failure(let e) = parse("{}") else { return XCTFail("accepted") }
        XCTAssertEqual(e.message, "invalid iallocator message: key 'request' not found, object contains only []")
        guard case .failure(let e2) = parse(#"{"request":0}"#) else { return XCTFail("accepted") }
        XCTAssertEqual(e2.message, "invalid iallocator message: key 'request': Unable to read JSObject")
    }
}
