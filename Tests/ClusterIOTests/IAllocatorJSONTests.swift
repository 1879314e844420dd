import XCTest
@testable import ClusterIO

/// The Text.JSON-compatible syntax errors, number rounding and compact encoding.
final class IAllocatorJSONTests: XCTestCase {
    private func error(_ text: String) -> String? {
        if case .failure(let e) = IAllocatorJSON.decodeObject(text) { return e.message }
        return nil
    }

    func testSyntaxErrorsUseTextJSONWording() {
        let prefix = "Parsing input IAllocator message: "
        let cases: [(String, String)] = [
            ("", "Invalid JSON: a JSON text a serialized object or array at the top level."),
            (" {}", "Invalid JSON: a JSON text a serialized object or array at the top level."),
            ("[]", "Unable to read JSObject"),
            ("{} x", "Invalid tokens at end of JSON string: \"x\""),
            ("{\"a\":01}", "Unable to parse JSON object: unterminated sequence: 1}"),
            ("{\"a\":-}", "Unable to parse JSON Rational: "),
            ("{\"a\":[1,]}", "Malformed JSON: invalid token in this context ]}"),
            ("{\"a\" 1}", "Malformed JSON labelled field:  1}"),
            ("{\"a\":tru}", "Unable to parse JSON Bool: tru}"),
            ("{\"a\":1e}", "Unable to parse JSON exponential: }"),
            ("{a:1}", "Malformed JSON: expecting string: a:1}"),
            ("{\"a\":\"\\x\"}", "Unable to parse JSON String: invalid escape char: 'x'"),
            ("{\"a\":\"\\u12\"}", "Unable to parse JSON String: invalid hex: [(18,\"\\\""),
            ("{\"a\":\"\t\"}", "Illegal unescaped character in string: \t\"}"),
            ("{\"a\":[1 2]}", "Unable to parse JSON array: unterminated array:  2]}"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(error(input), prefix + expected, "input \(input.debugDescription)")
        }
    }

    func testAcceptsTextJSONLeniencies() {
        // "1." is a number, and any Unicode space separates tokens.
        guard case .success(let o) = IAllocatorJSON.decodeObject("{\"a\":1.,\u{A0}\"b\":[ ]}") else {
            return XCTFail("not accepted")
        }
        XCTAssertEqual(o.keys, ["a", "b"])
        XCTAssertEqual(JSONReader<Int>.int.read(o["a"] ?? .null), .success(1))
    }

    func testIntegerReadingRoundsHalfToEven() {
        XCTAssertEqual(JSONNumberRounding.rounded(literal: "2.5"), 2)
        XCTAssertEqual(JSONNumberRounding.rounded(literal: "3.5"), 4)
        XCTAssertEqual(JSONNumberRounding.rounded(literal: "2.5000001"), 3)
        XCTAssertEqual(JSONNumberRounding.rounded(literal: "-1.5"), -2)
        XCTAssertEqual(JSONNumberRounding.rounded(literal: "1.5e2"), 150)
        XCTAssertEqual(JSONNumberRounding.rounded(literal: "15e-1"), 2)
        XCTAssertEqual(JSONNumberRounding.rounded(literal: "4e-9"), 0)
    }

    func testStringReaderAcceptsArraysOfCharacters() {
        let chars = JSONValue.array([.string("a"), .string("b")])
        XCTAssertEqual(JSONReader<String>.string.read(chars), .success("ab"))
        XCTAssertEqual(JSONReader<String>.string.read(.array([.string("ab")])), .failure(IAllocatorError("Unable to read Char")))
        XCTAssertEqual(JSONReader<String>.string.read(.int(3)), .failure(IAllocatorError("Unable to read String")))
    }

    func testCompactEncodingEscapesLikeTextJSON() {
        let value = JSONValue.fields([("k", .string("a\"b\\c\n\u{01}é")), ("n", .int(-3)), ("l", .array([.null, .bool(true)]))])
        XCTAssertEqual(JSONText.encode(value), "{\"k\":\"a\\\"b\\\\c\\n\\u0001é\",\"n\":-3,\"l\":[null,true]}")
    }

    func testPrettyFormForErrorMessages() {
        XCTAssertEqual(JSONText.pretty(.fields([("a", .int(1))])), "{\"a\": 1}")
        XCTAssertEqual(JSONText.pretty(.array([.int(1), .string("x")])), "[1, \"x\"]")
    }
}

/// Integers beyond 64 bits wrap as Haskell's `fromIntegral` does, thanks to the literal texts.
final class IAllocatorNumberTests: XCTestCase {
    func testLargeIntegersWrapModulo64Bits() throws {
        let o = try IAllocatorJSON.decodeObject(#"{"a":18446744073709551617,"b":-1,"c":2.5e0}"#).get()
        XCTAssertEqual(JSONReader<Int>.int.read(o["a"] ?? .null), .success(1))
        XCTAssertEqual(JSONReader<Int>.int.read(o["b"] ?? .null), .success(-1))
        XCTAssertEqual(JSONReader<Int>.int.read(o["c"] ?? .null), .success(2))
        XCTAssertEqual(JSONReader<Double>.double.read(o["c"] ?? .null), .success(2.5))
    }
}
