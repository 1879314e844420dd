// Golden-output tests for the htools command line programs.
//
// Every case of Fixtures/golden/cases.tsv (id, tool, arguments) is run
// against the tool binaries this package builds, and its stdout, stderr and
// exit code must be byte-identical to Fixtures/golden/<id>.{stdout,stderr,rc},
// which were recorded from the reference Ganeti htools 3.0.2 binaries by
// Fixtures/record-goldens.sh.  "$FIX" in the arguments stands for the
// Fixtures directory; occurrences of that directory in the actual output are
// replaced by "$FIX" before comparing.
//
// Environment variables:
//   HTOOLS_GOLDEN_BIN         directory holding the tool binaries to test
//                             (default: the build products directory that
//                             contains this test bundle).  Point it at the
//                             reference binaries (e.g. /tmp/refbin) to check
//                             the harness itself.
//   HTOOLS_GOLDEN_PENDING     overrides Fixtures/golden/pending.txt: a list of
//                             case-id globs separated by commas or whitespace;
//                             set it to the empty string to treat no case as
//                             pending.
//   HTOOLS_GOLDEN_CASES       only run cases whose id matches one of these
//                             globs (commas or whitespace separated).
//   HTOOLS_GOLDEN_TIMEOUT     per-case time limit in seconds (default 60).
//   HTOOLS_GOLDEN_JOBS        number of cases run concurrently (default: the
//                             number of active processors).
//   HTOOLS_GOLDEN_ACTUAL_DIR  if set, the actual outputs of failing cases are
//                             written there as <id>.stdout/.stderr/.rc.
//
// Pending cases (matched by a glob in pending.txt) are still run; if they
// fail they are skipped (reported, and the test method throws XCTSkip when it
// has nothing else to report); if they pass, that is reported as a failure so
// the entry gets removed from pending.txt.

import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Cases and configuration

struct GoldenCase {
    let id: String
    let tool: String
    let arguments: [String]  // with "$FIX" still unexpanded
    let line: Int
}

enum GoldenConfig {
    /// Tests/CLIGoldenTests/GoldenCLITests.swift -> package root.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static var fixturesDir: URL { packageRoot.appendingPathComponent("Fixtures") }
    static var goldenDir: URL { fixturesDir.appendingPathComponent("golden") }

    /// The Fixtures path as substituted for "$FIX" (no trailing slash).
    static var fixturesPath: String {
        var p = fixturesDir.path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static var timeout: TimeInterval {
        if let s = environment["HTOOLS_GOLDEN_TIMEOUT"], let v = TimeInterval(s), v > 0 {
            return v
        }
        return 60
    }

    static var jobs: Int {
        if let s = environment["HTOOLS_GOLDEN_JOBS"], let v = Int(s), v > 0 { return v }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    static func splitGlobs(_ s: String) -> [String] {
        s.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\n" })
            .map(String.init)
    }

    static func loadCases() throws -> [GoldenCase] {
        let url = goldenDir.appendingPathComponent("cases.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var result: [GoldenCase] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
                .map(String.init)
            guard cols.count >= 2 else {
                throw NSError(domain: "GoldenCLITests", code: 1, userInfo: [
                    NSLocalizedDescriptionKey: "cases.tsv:\(index + 1): expected id<TAB>tool<TAB>args",
                ])
            }
            let args = cols.count > 2
                ? cols[2].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                : []
            result.append(GoldenCase(id: cols[0], tool: cols[1], arguments: args, line: index + 1))
        }
        return result
    }

    /// Pending globs: $HTOOLS_GOLDEN_PENDING if set, else pending.txt.
    static func loadPending() -> [String] {
        if let env = environment["HTOOLS_GOLDEN_PENDING"] {
            return splitGlobs(env)
        }
        let url = goldenDir.appendingPathComponent("pending.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { raw in
            let s = raw.trimmingCharacters(in: .whitespaces)
            return (s.isEmpty || s.hasPrefix("#")) ? nil : s
        }
    }

    static var selectedGlobs: [String]? {
        guard let env = environment["HTOOLS_GOLDEN_CASES"] else { return nil }
        let globs = splitGlobs(env)
        return globs.isEmpty ? nil : globs
    }

    static func matches(_ id: String, _ globs: [String]) -> Bool {
        globs.contains { fnmatch($0, id, 0) == 0 }
    }

    // MARK: Binary lookup

    /// Directories that may hold the built tool executables.
    static func candidateBinDirs() -> [URL] {
        if let dir = environment["HTOOLS_GOLDEN_BIN"], !dir.isEmpty {
            return [URL(fileURLWithPath: dir)]
        }
        var dirs: [URL] = []
        func add(_ u: URL) {
            let std = u.standardizedFileURL
            if !dirs.contains(std) { dirs.append(std) }
        }
        // Linux: the test runner executable lives in the build products dir
        // (.build/<triple>/<config>/<Package>PackageTests.xctest).
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            add(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first, first.contains("/") {
            add(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        // Darwin: .../<config>/<Package>PackageTests.xctest/Contents/MacOS/...
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            add(bundle.bundleURL.deletingLastPathComponent())
        }
        add(Bundle.main.bundleURL)
        add(Bundle.main.bundleURL.deletingLastPathComponent())
        // Darwin fallback: from inside a bundle (…/X.xctest/Contents/MacOS)
        // go up to the directory containing the .xctest bundle.
        for d in dirs {
            let comps = d.pathComponents
            if let i = comps.lastIndex(where: { $0.hasSuffix(".xctest") }), i > 0 {
                add(URL(fileURLWithPath: NSString.path(withComponents: Array(comps[..<i]))))
            }
        }
        return dirs
    }

    static let binDirs: [URL] = candidateBinDirs()

    /// Executable for `tool` (e.g. "hbal"; also tries the target name "Hbal").
    static func executable(for tool: String) -> URL? {
        let names = [tool, tool.prefix(1).uppercased() + tool.dropFirst()]
        let fm = FileManager.default
        for dir in binDirs {
            for name in names {
                let url = dir.appendingPathComponent(name)
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue,
                   fm.isExecutableFile(atPath: url.path) {
                    return url
                }
            }
        }
        return nil
    }
}

// MARK: - Running one case

struct RunResult {
    var stdout = Data()
    var stderr = Data()
    var exitCode: Int32 = -1
    var timedOut = false
    var launchError: String?
}

enum GoldenRunner {
    static func replacingFixPath(_ data: Data) -> Data {
        let needle = Data(GoldenConfig.fixturesPath.utf8)
        let replacement = Data("$FIX".utf8)
        guard !needle.isEmpty, data.count >= needle.count else { return data }
        var out = Data()
        out.reserveCapacity(data.count)
        var searchStart = data.startIndex
        while let r = data.range(of: needle, in: searchStart..<data.endIndex) {
            out.append(data[searchStart..<r.lowerBound])
            out.append(replacement)
            searchStart = r.upperBound
        }
        out.append(data[searchStart..<data.endIndex])
        return out
    }

    static func run(_ exe: URL, arguments: [String], timeout: TimeInterval, locale: String = "C") -> RunResult {
        var result = RunResult()
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory
            .appendingPathComponent("htools-golden-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            result.launchError = "cannot create scratch directory: \(error)"
            return result
        }
        defer { try? fm.removeItem(at: scratch) }

        // Outputs go to files (no pipe-buffer deadlocks with large outputs).
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        let cwd = scratch.appendingPathComponent("cwd")
        try? fm.createDirectory(at: cwd, withIntermediateDirectories: true)
        guard fm.createFile(atPath: outURL.path, contents: nil),
              fm.createFile(atPath: errURL.path, contents: nil),
              let outHandle = try? FileHandle(forWritingTo: outURL),
              let errHandle = try? FileHandle(forWritingTo: errURL),
              let nullHandle = FileHandle(forReadingAtPath: "/dev/null")
        else {
            result.launchError = "cannot set up output files in \(scratch.path)"
            return result
        }

        let process = Process()
        process.executableURL = exe
        process.arguments = arguments
        process.currentDirectoryURL = cwd
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = locale
        process.environment = env
        process.standardInput = nullHandle
        process.standardOutput = outHandle
        process.standardError = errHandle

        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do {
            try process.run()
        } catch {
            result.launchError = "cannot launch \(exe.path): \(error)"
            try? outHandle.close(); try? errHandle.close(); try? nullHandle.close()
            return result
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            result.timedOut = true
            process.terminate()  // SIGTERM
            if done.wait(timeout: .now() + 3) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = done.wait(timeout: .now() + 5)
            }
        }
        process.waitUntilExit()
        try? outHandle.close(); try? errHandle.close(); try? nullHandle.close()

        result.exitCode = process.terminationReason == .exit
            ? process.terminationStatus
            : 128 + process.terminationStatus
        result.stdout = replacingFixPath((try? Data(contentsOf: outURL)) ?? Data())
        result.stderr = replacingFixPath((try? Data(contentsOf: errURL)) ?? Data())
        return result
    }
}

// MARK: - Outcome of one case

enum CaseOutcome {
    case passed
    case failed(String)
    case pendingSkipped(String)
    case pendingPassed
}

final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [CaseOutcome?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ o: CaseOutcome) { lock.lock(); storage[i] = o; lock.unlock() }
    var all: [CaseOutcome?] { lock.lock(); defer { lock.unlock() }; return storage }
}

/// A short human-readable description of how `actual` differs from `expected`.
func describeDifference(_ name: String, expected: Data, actual: Data) -> String {
    let e = String(decoding: expected, as: UTF8.self)
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let a = String(decoding: actual, as: UTF8.self)
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var i = 0
    while i < e.count && i < a.count && e[i] == a[i] { i += 1 }
    var msg = "\(name) differs (expected \(expected.count) bytes, got \(actual.count)); first difference at line \(i + 1):"
    let lo = max(0, i - 2)
    for j in lo..<min(e.count, i + 3) { msg += "\n    -\(j + 1): \(e[j])" }
    for j in lo..<min(a.count, i + 3) { msg += "\n    +\(j + 1): \(a[j])" }
    if i >= e.count && i >= a.count { msg += "\n    (difference in line endings / bytes only)" }
    return msg
}

// MARK: - Tests

final class GoldenCLITests: XCTestCase {

    /// Runs every selected case of `tool` and reports failures.
    private func runGoldens(tool: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let all = try GoldenConfig.loadCases()
        let pending = GoldenConfig.loadPending()
        var cases = all.filter { $0.tool == tool }
        if let sel = GoldenConfig.selectedGlobs {
            cases = cases.filter { GoldenConfig.matches($0.id, sel) }
        }
        if cases.isEmpty {
            throw XCTSkip("no golden cases selected for \(tool)")
        }
        let exe = GoldenConfig.executable(for: tool)
        let timeout = GoldenConfig.timeout
        let fixPath = GoldenConfig.fixturesPath
        let goldenDir = GoldenConfig.goldenDir
        let actualDir = GoldenConfig.environment["HTOOLS_GOLDEN_ACTUAL_DIR"].map { URL(fileURLWithPath: $0) }
        let selected = cases
        let outcomes = OutcomeBox(count: selected.count)
        let searched = GoldenConfig.binDirs.map(\.path).joined(separator: ", ")

        let evaluate: @Sendable (Int) -> Void = { index in
            let c = selected[index]
            let isPending = GoldenConfig.matches(c.id, pending)
            func fail(_ why: String) {
                outcomes.set(index, isPending ? .pendingSkipped(why) : .failed(why))
            }
            guard let exe else {
                fail("no executable named '\(tool)' found (searched: \(searched))")
                return
            }
            let expOut = try? Data(contentsOf: goldenDir.appendingPathComponent("\(c.id).stdout"))
            let expErr = try? Data(contentsOf: goldenDir.appendingPathComponent("\(c.id).stderr"))
            let expRcText = (try? String(contentsOf: goldenDir.appendingPathComponent("\(c.id).rc"), encoding: .utf8))
            guard let expOut, let expErr, let expRcText,
                  let expRc = Int32(expRcText.trimmingCharacters(in: .whitespacesAndNewlines))
            else {
                // A missing golden is a harness problem, never "pending".
                outcomes.set(index, .failed("golden files for \(c.id) missing or unreadable in \(goldenDir.path)"))
                return
            }
            let args = c.arguments.map { $0.replacingOccurrences(of: "$FIX", with: fixPath) }
            let r = GoldenRunner.run(exe, arguments: args, timeout: timeout)
            if let err = r.launchError { fail(err); return }
            var problems: [String] = []
            if r.timedOut { problems.append("timed out after \(Int(timeout)) s and was killed") }
            if r.exitCode != expRc { problems.append("exit code \(r.exitCode), expected \(expRc)") }
            if r.stdout != expOut { problems.append(describeDifference("stdout", expected: expOut, actual: r.stdout)) }
            if r.stderr != expErr { problems.append(describeDifference("stderr", expected: expErr, actual: r.stderr)) }
            if problems.isEmpty {
                outcomes.set(index, isPending ? .pendingPassed : .passed)
                return
            }
            if let actualDir {
                try? FileManager.default.createDirectory(at: actualDir, withIntermediateDirectories: true)
                try? r.stdout.write(to: actualDir.appendingPathComponent("\(c.id).stdout"))
                try? r.stderr.write(to: actualDir.appendingPathComponent("\(c.id).stderr"))
                try? Data("\(r.exitCode)\n".utf8).write(to: actualDir.appendingPathComponent("\(c.id).rc"))
            }
            fail(problems.joined(separator: "\n  "))
        }

        // Run cases concurrently, a bounded number at a time.  Plain Threads
        // rather than Dispatch workers: libdispatch worker threads block most
        // signals, and a child spawned from such a thread inherits that mask
        // (it would then ignore the SIGTERM sent on timeout).
        let jobs = min(GoldenConfig.jobs, selected.count)
        let next = OutcomeCounter()
        let finished = DispatchGroup()
        for _ in 0..<jobs {
            finished.enter()
            let worker = Thread {
                while let i = next.take(limit: selected.count) { evaluate(i) }
                finished.leave()
            }
            worker.start()
        }
        finished.wait()

        var passed = 0, failed = 0
        var skipped: [String] = []
        for (c, outcome) in zip(cases, outcomes.all) {
            let command = ([c.tool] + c.arguments).joined(separator: " ")
            switch outcome {
            case .passed?:
                passed += 1
            case .failed(let why)?:
                failed += 1
                XCTFail("[\(c.id)] \(command)\n  \(why)", file: file, line: line)
            case .pendingSkipped?:
                skipped.append(c.id)
            case .pendingPassed?:
                failed += 1
                XCTFail("[\(c.id)] passes now but is listed as pending: remove it from Fixtures/golden/pending.txt",
                        file: file, line: line)
            case nil:
                failed += 1
                XCTFail("[\(c.id)] was not run (internal error)", file: file, line: line)
            }
        }
        let summary = "\(tool): \(cases.count) golden case(s): \(passed) passed, \(failed) failed, \(skipped.count) pending skipped"
        print(summary)
        if !skipped.isEmpty {
            print("\(tool): pending (skipped): \(skipped.joined(separator: " "))")
            if failed == 0 {
                throw XCTSkip(summary)
            }
        }
    }

    func testHinfoGoldens() throws { try runGoldens(tool: "hinfo") }
    func testHbalGoldens() throws { try runGoldens(tool: "hbal") }
    func testHspaceGoldens() throws { try runGoldens(tool: "hspace") }
    func testHrollerGoldens() throws { try runGoldens(tool: "hroller") }
    func testHsqueezeGoldens() throws { try runGoldens(tool: "hsqueeze") }
    func testHailGoldens() throws { try runGoldens(tool: "hail") }

    /// The case list itself: unique ids, known tools, golden files present,
    /// no absolute fixture paths stored.
    func testCaseListIsConsistent() throws {
        let cases = try GoldenConfig.loadCases()
        XCTAssertFalse(cases.isEmpty, "no cases in cases.tsv")
        let known: Set<String> = ["hail", "hbal", "hspace", "hroller", "hsqueeze", "hinfo"]
        var seen: Set<String> = []
        let fm = FileManager.default
        for c in cases {
            XCTAssertTrue(seen.insert(c.id).inserted, "duplicate case id \(c.id) (cases.tsv line \(c.line))")
            XCTAssertTrue(known.contains(c.tool), "unknown tool '\(c.tool)' for \(c.id)")
            for ext in ["stdout", "stderr", "rc"] {
                let url = GoldenConfig.goldenDir.appendingPathComponent("\(c.id).\(ext)")
                XCTAssertTrue(fm.fileExists(atPath: url.path), "missing golden file \(url.lastPathComponent)")
            }
        }
        // Stored outputs must not contain this machine's fixtures path.
        let needle = Data(GoldenConfig.fixturesPath.utf8)
        for c in cases {
            for ext in ["stdout", "stderr"] {
                let url = GoldenConfig.goldenDir.appendingPathComponent("\(c.id).\(ext)")
                if let data = try? Data(contentsOf: url), data.range(of: needle) != nil {
                    XCTFail("\(url.lastPathComponent) contains the absolute fixtures path; re-record it")
                }
            }
        }
    }
}

/// Hands out case indices to the worker threads.
final class OutcomeCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take(limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
