import XCTest
import ClusterIO
import HToolsCLI

/// Value-conversion errors and Haskell `reads` behaviour, checked against the reference binaries.
final class OptionValueErrorTests: XCTestCase {
    private func valueError(_ tool: HTool, _ argument: String) -> String? {
        guard case .exit(1, "", let stderr) = parseCommandLine(tool: tool, arguments: [argument],
                                                               environment: [:]) else { return nil }
        let heading = "Error while parsing command line arguments:\n"
        guard stderr.hasPrefix(heading), stderr.hasSuffix("\n") else { return nil }
        return String(stderr.dropFirst(heading.count).dropLast())
    }

    func testMessagesMatchReference() {
        let table: [(HTool, String, String)] = [
            (.hbal, "--max-length=abc", "max solution length: cannot parse string 'abc'"),
            (.hbal, "--max-length=5x", "max solution length: leftover characters when parsing '5x': 'x'"),
            (.hbal, "--max-length=5 ", "max solution length: leftover characters when parsing '5 ': ' '"),
            (.hbal, "--max-length=", "max solution length: cannot parse string ''"),
            (.hbal, "--max-length=1e3", "max solution length: cannot parse string '1e3'"),
            (.hbal, "--max-length=0b11", "max solution length: leftover characters when parsing '0b11': 'b11'"),
            (.hbal, "--max-length=+5", "max solution length: cannot parse string '+5'"),
            (.hbal, "--max-cpu=.5", "parsing max-cpu: cannot parse string '.5'"),
            (.hbal, "--max-cpu=5.", "parsing max-cpu: leftover characters when parsing '5.': '.'"),
            (.hbal, "--max-cpu=1e", "parsing max-cpu: leftover characters when parsing '1e': 'e'"),
            (.hbal, "--max-cpu=-(5)", "parsing max-cpu: cannot parse string '-(5)'"),
            (.hbal, "--max-cpu=0", "Invalid value of the max-cpu ratio, expected >0"),
            (.hbal, "--max-cpu=1e-400", "Invalid value of the max-cpu ratio, expected >0"),
            (.hbal, "--max-cpu=0e5000", "Invalid value of the max-cpu ratio, expected >0"),
            (.hbal, "--max-cpu=( -Infinity)", "Invalid value of the max-cpu ratio, expected >0"),
            (.hbal, "--priority=x", "Unknown priority 'x'"),
            (.hbal, "--mond=maybe", "Invalid choice 'maybe', pass one of 'yes' or 'no'"),
            (.hbal, "-gx", "min gain: cannot parse string 'x'"),
            (.hbal, "--min-gain-limit=x", "min gain limit: cannot parse string 'x'"),
            (.hbal, "-ex", "min score: cannot parse string 'x'"),
            (.hbal, "--min-disk=x", "min free disk space: cannot parse string 'x'"),
            (.hbal, "--static-kvm-node-memory=x", "static node memory: cannot parse string 'x'"),
            (.hsqueeze, "--minimal-resources=x", "minimal resources: cannot parse string 'x'"),
            (.hsqueeze, "--target-resources=x", "target resources: cannot parse string 'x'"),
            (.hspace, "--machine-readable=foo", "Invalid choice 'foo', pass one of 'yes' or 'no'"),
            (.hspace, "--disk-template=foo", "Invalid string value for type DiskTemplate: \"foo\""),
            (.hspace, "--disk-template=a\"b\\c\u{1}\u{e}H\u{7f}\t1é5",
             "Invalid string value for type DiskTemplate: \"a\\\"b\\\\c\\SOH\\SO\\&H\\DEL\\t1\\233\\&5\""),
            (.hspace, "--spindle-use=-1", "Invalid value of the spindle-use (expected >= 0)"),
            (.hspace, "--spindle-use=9223372036854775808", "Invalid value of the spindle-use (expected >= 0)"),
            (.hspace, "--spindle-use=x", "parsing spindle-use: cannot parse string 'x'"),
            (.hspace, "--standard-alloc=1,2", "Invalid standard specification: '1,2', expected disk,ram,cpu"),
            (.hspace, "--tiered-alloc=1,2,3,4,5", "Invalid tiered specification: '1,2,3,4,5', expected disk,ram,cpu"),
            (.hspace, "--standard-alloc=", "Invalid standard specification: '', expected disk,ram,cpu"),
            (.hspace, "--standard-alloc=a,2,3", "standard specs disk: Can't parse string 'a'"),
            (.hspace, "--standard-alloc=1,b,3", "standard specs memory: Can't parse string 'b'"),
            (.hspace, "--standard-alloc=1,2,c", "standard specs cpus: cannot parse string 'c'"),
            (.hspace, "--standard-alloc=1,2,3,d", "standard specs spindles: cannot parse string 'd'"),
            (.hspace, "--standard-alloc=1x,2,3", "standard specs disk: Unknown unit 'x'"),
            (.hspace, "--tiered-alloc=1.5g,2,3", "tiered specs disk: Can't parse string '1.5g'"),
        ]
        for (tool, argument, expected) in table {
            XCTAssertEqual(valueError(tool, argument), expected, argument)
        }
    }

    func testFirstBadValueWins() {
        XCTAssertEqual(valueError(.hbal, "--max-length=x") ?? "", "max solution length: cannot parse string 'x'")
        let outcome = parseCommandLine(tool: .hbal, arguments: ["--max-cpu=y", "--max-length=x"], environment: [:])
        XCTAssertEqual(outcome, .exit(code: 1, stdout: "", stderr: "Error while parsing command line arguments:\n"
                                      + "parsing max-cpu: cannot parse string 'y'\n"))
    }

    /// `fixed` texts plus `count` random ones of up to `maxLength` characters from `alphabet`.
    private func shortcutTexts(_ fixed: [String], alphabet: String, count: Int, maxLength: Int) -> [String] {
        var rng = SystemRandomNumberGenerator()
        let letters = Array(alphabet)
        return fixed + (0..<count).map { _ in
            String((0..<Int.random(in: 1...maxLength, using: &rng)).map { _ in letters.randomElement(using: &rng)! })
        }
    }

    func testPlainDecimalShortcutAgreesWithReads() {
        let texts = shortcutTexts(["0", "-0", "7", "-7", "007", "-", "--5", "5-", "123456789012345678",
                                   "1234567890123456789", "-123456789012345678", " 5", "5 ", "+5", "0x10", "", "٣",
                                   "5\u{0}"], alphabet: "0123456789-x ", count: 2000, maxLength: 20)
        var shortcuts = 0
        for text in texts {
            guard let v = HaskellRead.plainDecimal(text) else { continue }
            shortcuts += 1
            let full = HaskellRead.readsInt(text)
            XCTAssertEqual(full?.value, v, text)
            XCTAssertEqual(full?.remainder, "", text)
        }
        XCTAssertGreaterThan(shortcuts, 10)
        XCTAssertNil(HaskellRead.plainDecimal("1234567890123456789"), "19 digits may overflow: left to reads")
    }

    func testPlainDoubleShortcutAgreesWithReads() {
        let texts = shortcutTexts(["0", "-0", "0.0", "-0.0", "1.0", "1.", ".5", "-.5", "1.5.2", "007.25", "-",
                                   "-1.25e3", "1e3", "0.1", "2.675", "123456789012345678901234567890.5",
                                   "1" + String(repeating: "0", count: 39), "1" + String(repeating: "0", count: 40),
                                   " 1.0", "1.0 ", "+1.0", "NaN", "Infinity", ""],
                                  alphabet: "0123456789-.e ", count: 3000, maxLength: 24)
        var shortcuts = 0
        for text in texts {
            guard let v = HaskellRead.plainDouble(text) else { continue }
            shortcuts += 1
            let full = HaskellRead.readsDouble(text)
            XCTAssertEqual(full?.value.bitPattern, v.bitPattern, text)
            XCTAssertEqual(full?.remainder, "", text)
        }
        XCTAssertGreaterThan(shortcuts, 50)
        XCTAssertNil(HaskellRead.plainDouble("1."), "not a Haskell literal: left to reads")
    }

    func testHaskellReadsOfNumbers() {
        let ints: [(String, Int?, String)] = [
            ("5", 5, ""), (" 5", 5, ""), ("(5)", 5, ""), ("( (5) )x", 5, "x"), ("- 5", -5, ""), ("(-5)", -5, ""),
            ("0x1F", 31, ""), ("0o17", 15, ""), ("0x", 0, "x"), ("5m", 5, "m"), ("18446744073709551617", 1, ""),
            ("1.5", nil, ""), ("1e3", nil, ""), ("-(5)", nil, ""), ("+5", nil, ""), ("", nil, ""), ("(5", nil, ""),
        ]
        for (text, value, rest) in ints {
            let parsed = HaskellRead.readsInt(text)
            XCTAssertEqual(parsed?.value, value, text)
            if value != nil { XCTAssertEqual(parsed?.remainder, rest, text) }
        }
        let doubles: [(String, Double?, String)] = [
            ("1.5", 1.5, ""), ("1e+2", 100, ""), ("1E-2", 0.01, ""), ("0x10", 16, ""), ("0o10", 8, ""),
            ("Infinity", .infinity, ""), ("-Infinity", -.infinity, ""), ("1e400", .infinity, ""),
            ("1e-99999999999999999999", .infinity, ""), ("0e99999999999999999999", .infinity, ""),
            ("0e5000", 0, ""), ("1e-400", 0, ""), ("5.", 5, "."), ("1e", 1, "e"), (".5", nil, ""), ("NaNx", nil, ""),
        ]
        for (text, value, rest) in doubles {
            let parsed = HaskellRead.readsDouble(text)
            XCTAssertEqual(parsed?.value, value, text)
            if value != nil { XCTAssertEqual(parsed?.remainder, rest, text) }
        }
        XCTAssertTrue(HaskellRead.readsDouble("NaN")?.value.isNaN ?? false)
        XCTAssertEqual(HaskellRead.readsBool(" (True)")?.value, true)
        XCTAssertEqual(HaskellRead.readsBool("False")?.value, false)
        XCTAssertNil(HaskellRead.readsBool("true"))
    }

    func testParseUnit() {
        let table: [(String, Int)] = [("1024", 1024), ("1g", 1024), ("1GiB", 1024), ("1t", 1_048_576),
                                      ("1M", 0), ("1000M", 953), ("1G", 953), ("1TB", 953_674), ("5 m", 5),
                                      ("-1G", -953), ("5 ", 5)]
        for (text, expected) in table {
            XCTAssertEqual(try? OptionValueParsing.parseUnit(text).get(), expected, text)
        }
        XCTAssertEqual(OptionValueParsing.parseUnit("5 m "), .failure(OptionValueError("Unknown unit 'm '")))
    }

    func testSeparatorSplit() {
        XCTAssertEqual(OptionValueParsing.separatorSplit(""), [])
        XCTAssertEqual(OptionValueParsing.separatorSplit(","), ["", ""])
        XCTAssertEqual(OptionValueParsing.separatorSplit("a,,b,"), ["a", "", "b", ""])
    }

    func testProgramExitHelpers() {
        XCTAssertNil(rejectPositionalArguments([]))
        XCTAssertEqual(rejectPositionalArguments(["x"]),
                       ProgramExit(code: 1, stderr: "Error: This program doesn't take any arguments.\n"))
        XCTAssertEqual(hailInputFile([]), .failure(ProgramExit(code: 1, stderr: "Error: This program needs an input file.\n")))
        XCTAssertEqual(hailInputFile(["a", "b"]),
                       .failure(ProgramExit(code: 1, stderr: "Error: Only one argument is accepted (the input file)\n")))
        XCTAssertEqual(hailInputFile(["req.json"]), .success("req.json"))
        XCTAssertEqual(failedToLoadDataExit(noBackendSelectedMessage),
                       ProgramExit(code: 1, stderr: "Error: failed to load data, aborting: No backend selected! Exiting.\n"))
        XCTAssertEqual(HTool(programPath: "/usr/lib/ganeti/iallocators/HAIL"), .hail)
        XCTAssertNil(HTool(programPath: "hcheck"))
    }
}
