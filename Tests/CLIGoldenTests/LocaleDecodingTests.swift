import Foundation
import XCTest

/// The file decoding follows the locale the C library actually selects, as GHC's runtime does.
///
/// Observed with htools 3.0 on a file with a non-ASCII node name: under `C.UTF-8` it loads; under a UTF-8 locale
/// that is not installed (`setlocale` fails, so the code set stays ASCII) it stops with
/// `hinfo: FILE: hGetContents: invalid argument (invalid byte sequence)` and exit code 1.
final class LocaleDecodingTests: XCTestCase {
    private func snapshot() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("locale-decoding-\(getpid()).data")
        try Data("g|u|preferred|\n\nnod\u{E9}1|1000|0|500|100|50|4|N|u\n\n\n".utf8).write(to: url)
        return url
    }

    func testUTF8LocaleDecodesNonASCII() throws {
        guard let hinfo = GoldenConfig.executable(for: "hinfo") else { throw XCTSkip("hinfo binary not built") }
        let file = try snapshot()
        defer { try? FileManager.default.removeItem(at: file) }
        let result = GoldenRunner.run(hinfo, arguments: ["-t", file.path], timeout: 60, locale: "C.UTF-8")
        XCTAssertEqual(result.exitCode, 0, String(decoding: result.stderr, as: UTF8.self))
    }

    func testMissingUTF8LocaleDecodesASCIIOnly() throws {
        guard let hinfo = GoldenConfig.executable(for: "hinfo") else { throw XCTSkip("hinfo binary not built") }
        let file = try snapshot()
        defer { try? FileManager.default.removeItem(at: file) }
        let result = GoldenRunner.run(hinfo, arguments: ["-t", file.path], timeout: 60, locale: "xx_XX.UTF-8")
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertEqual(String(decoding: result.stderr, as: UTF8.self),
                       "hinfo: \(file.path): hGetContents: invalid argument (invalid byte sequence)\n")
    }
}
