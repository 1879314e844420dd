import Foundation
import XCTest

/// hail's answers are usable as the next request's state: allocate, record the placement, then relocate.
final class HailChainTests: XCTestCase {
    private func runHail(_ request: URL) throws -> [String: Any] {
        guard let hail = GoldenConfig.executable(for: "hail") else { throw XCTSkip("hail binary not built") }
        let result = GoldenRunner.run(hail, arguments: [request.path], timeout: 60)
        XCTAssertEqual(result.exitCode, 0, String(decoding: result.stderr, as: UTF8.self))
        let object = try JSONSerialization.jsonObject(with: result.stdout)
        return try XCTUnwrap(object as? [String: Any])
    }

    func testAllocationAnswerFeedsARelocation() throws {
        let fixtures = GoldenConfig.packageRoot.appendingPathComponent("Fixtures/requests")
        // Allocate in the four-node group, so that a relocation has somewhere to go.
        var first = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: fixtures.appendingPathComponent("alloc-drbd.json"))) as? [String: Any])
        var firstRequest = try XCTUnwrap(first["request"] as? [String: Any])
        firstRequest["group_name"] = "east"
        first["request"] = firstRequest
        let allocURL = FileManager.default.temporaryDirectory.appendingPathComponent("hail-chain-alloc-\(getpid()).json")
        try JSONSerialization.data(withJSONObject: first).write(to: allocURL)
        defer { try? FileManager.default.removeItem(at: allocURL) }
        let answer = try runHail(allocURL)
        XCTAssertEqual(answer["success"] as? Bool, true)
        let nodes = try XCTUnwrap(answer["result"] as? [String])
        XCTAssertEqual(nodes.count, 2)
        XCTAssertNotEqual(nodes[0], nodes[1])

        // Record the new instance where hail placed it, then ask to move its secondary away.
        var request = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: allocURL)) as? [String: Any])
        let alloc = try XCTUnwrap(request["request"] as? [String: Any])
        var instances = try XCTUnwrap(request["instances"] as? [String: Any])
        instances["app-new"] = [
            "nodes": nodes, "memory": alloc["memory"] ?? 0, "vcpus": alloc["vcpus"] ?? 1,
            "disk_template": "drbd", "disks": alloc["disks"] ?? [], "disk_space_total": 2 * 51200,
            "admin_state": "up", "admin_state_source": "admin", "hypervisor": "kvm", "os": "debian-stable",
            "spindle_use": 1, "tags": [], "nics": alloc["nics"] ?? [],
        ] as [String: Any]
        request["instances"] = instances
        request["request"] = ["type": "relocate", "name": "app-new", "relocate_from": [nodes[1]], "required_nodes": 1]
        let relocURL = FileManager.default.temporaryDirectory.appendingPathComponent("hail-chain-\(getpid()).json")
        try JSONSerialization.data(withJSONObject: request).write(to: relocURL)
        defer { try? FileManager.default.removeItem(at: relocURL) }

        let relocation = try runHail(relocURL)
        XCTAssertEqual(relocation["success"] as? Bool, true, "\(relocation["info"] ?? "")")
        let target = try XCTUnwrap(relocation["result"] as? [String])
        XCTAssertEqual(target.count, 1)
        XCTAssertNotEqual(target.first, nodes[1], "the secondary must move away from the node it is relocated from")
        XCTAssertNotEqual(target.first, nodes[0], "the new secondary cannot be the primary")
    }
}
