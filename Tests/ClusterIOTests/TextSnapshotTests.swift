import XCTest
@testable import ClusterIO
import ClusterModel

/// The text snapshot format: round trips and htools' error messages.
final class TextSnapshotTests: XCTestCase {
    private var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/clusters")
    }

    func testWriteThenParseIsIdentity() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).filter { $0.hasSuffix(".data") && !$0.hasPrefix("invalid") }
        XCTAssertFalse(files.isEmpty)
        for f in files {
            let text = try String(contentsOf: fixtures.appendingPathComponent(f), encoding: .utf8)
            let parsed = try TextSnapshotReader.parse(text)
            let written = TextSnapshotWriter.serialize(parsed)
            let reparsed = try TextSnapshotReader.parse(written)
            XCTAssertEqual(TextSnapshotWriter.serialize(reparsed), written, f)
            XCTAssertEqual(reparsed.nodes.map(\.name), parsed.nodes.map(\.name), f)
            XCTAssertEqual(reparsed.instances.map(\.name), parsed.instances.map(\.name), f)
            XCTAssertEqual(reparsed.groups, parsed.groups, f)
        }
    }

    func testAssembledClusterSurvivesRoundTrip() throws {
        let text = try String(contentsOf: fixtures.appendingPathComponent("unbalanced.data"), encoding: .utf8)
        var a = try assembleCluster(TextSnapshotReader.parse(text))
        _ = reconcileNodeResources(&a)
        var b = try assembleCluster(TextSnapshotReader.parse(TextSnapshotWriter.serialize(a)))
        _ = reconcileNodeResources(&b)
        XCTAssertEqual(a.score(), b.score())
        XCTAssertEqual(a.nodes, b.nodes)
    }

    func testBadInputMessages() {
        let cases: [(String, String)] = [
            ("", "Invalid format of the input file: 0 sections instead of 4 or more"),
            ("g|u|preferred\n\n\n\n", "Invalid/incomplete group data: '[\"g\",\"u\",\"preferred\"]'"),
            ("g|u|pref\u{1}|\n\n\n\n", "Invalid string value for type AllocPolicy: \"pref\\SOH\""),
            ("g|u|preferred|\n\nn1|1x|0|1|1|1|1|N|u\n\n\n", "n1: leftover characters when parsing '1x': 'x'"),
            ("g|u|preferred|\n\nn1|1 |0|1|1|1|1|N|u\n\n\n", "n1: leftover characters when parsing '1 ': ' '"),
            ("g|u|preferred|\n\nn1|10|0|1|1|1|1|N|nope\n\n\n", "Unknown group 'nope' for node n1"),
            ("g|u|preferred|\n\nn1|10|0|1|1|1|1|N|u\n\ni1|1|1|1|running|Y|n2||drbd|\n\n", "Unknown node 'n2' for instance i1"),
            ("g|u|preferred|\n\nn1|10|0|1|1|1|1|N|u\n\ni1|1|1|1|running|Y|n1||foo|\n\n",
             "Instance i1: Invalid string value for type DiskTemplate: \"foo\""),
            ("g|u|preferred|\n\nn1|10|0|1|1|1|1|N|u\n\ni1|1|1|1|running|Y|n1|n1|drbd|\n\n",
             "Instance i1 has same primary and secondary node - n1"),
            ("g|u|preferred|\n\nn1|10|0|1|1|1|1|N|u\n\ni1|1|1e3|1|running|Y|n1||plain|\n\n", "i1: cannot parse string '1e3'"),
        ]
        for (input, message) in cases {
            XCTAssertThrowsError(try TextSnapshotReader.parse(input), input) { error in
                XCTAssertEqual((error as? ClusterLoadError)?.message, message)
            }
        }
    }

    func testHaskellReadAcceptsWhatHtoolsAccepts() throws {
        let c = try TextSnapshotReader.parse("g|u|preferred|\n\nn1|- 5|0|(7)|0x10|1|1|N|u\n\n\n")
        XCTAssertEqual(c.nodes[0].totalMemory, -5)
        XCTAssertEqual(c.nodes[0].freeMemory, 7)
        XCTAssertEqual(c.nodes[0].totalDisk, 16)
    }
}
