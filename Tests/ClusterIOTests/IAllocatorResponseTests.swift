import XCTest
import ClusterModel
@testable import ClusterIO

/// The response bytes: envelope, opcodes and evacuation/multi-allocation shapes.
final class IAllocatorResponseTests: XCTestCase {
    func testEnvelopes() {
        XCTAssertEqual(IAllocatorResponse.failure("No online nodes"),
                       #"{"success":false,"info":"Request failed: No online nodes","result":[]}"#)
        XCTAssertEqual(IAllocatorResponse.success(info: "success", result: .strings(["n1"])),
                       #"{"success":true,"info":"Request successful: success","result":["n1"]}"#)
    }

    func testOpcodeFieldOrder() {
        XCTAssertEqual(JSONText.encode(IAllocatorResponse.opcode(.replaceSecondary(instance: "i", remoteNode: "n"))),
                       #"{"OP_ID":"OP_INSTANCE_REPLACE_DISKS","instance_name":"i","early_release":false,"#
                        + #""ignore_ipolicy":false,"mode":"replace_new_secondary","disks":[],"remote_node":"n"}"#)
        XCTAssertEqual(JSONText.encode(IAllocatorResponse.opcode(.migrate(instance: "i", targetNode: "t"))),
                       #"{"OP_ID":"OP_INSTANCE_MIGRATE","instance_name":"i","target_node":"t","#
                        + #""allow_runtime_changes":false,"ignore_ipolicy":false,"cleanup":false,"#
                        + #""allow_failover":true,"ignore_hvversions":true}"#)
        XCTAssertEqual(JSONText.encode(IAllocatorResponse.opcode(.failover(instance: "i", targetNode: nil))),
                       #"{"OP_ID":"OP_INSTANCE_FAILOVER","instance_name":"i","shutdown_timeout":120,"#
                        + #""ignore_consistency":false,"ignore_ipolicy":false,"cleanup":false}"#)
    }

    func testMultiAllocationShape() {
        let (info, result) = IAllocatorResponse.multiAllocation(allocated: [("a", ["n1", "n2"])], failed: [("b", "why")])
        XCTAssertEqual(info, "1 instances failed to allocate and 1 were allocated successfully")
        XCTAssertEqual(JSONText.encode(result), #"[[["a",["n1","n2"]]],[["b","why"]]]"#)
    }
}
