import XCTest
import HToolsCLI

/// Table-driven checks of the GetOpt-compatible scanner and of the stored option values.
final class OptionParsingTests: XCTestCase {
    private func parse(_ tool: HTool, _ arguments: [String],
                       file: StaticString = #filePath, line: UInt = #line) -> (HToolsOptions, [String])? {
        switch parseCommandLine(tool: tool, arguments: arguments, environment: [:]) {
        case .run(let options, let positional):
            return (options, positional)
        case .exit(let code, _, let stderr):
            XCTFail("exit \(code): \(stderr)", file: file, line: line)
            return nil
        }
    }

    private func stderrOf(_ tool: HTool, _ arguments: [String]) -> (Int32, String)? {
        guard case .exit(let code, _, let stderr) = parseCommandLine(tool: tool, arguments: arguments,
                                                                     environment: [:]) else { return nil }
        return (code, stderr)
    }

    func testDefaultsMatchHtools() {
        let options = HToolsOptions()
        XCTAssertEqual(options.verbosity, 1)
        XCTAssertEqual(options.maxLength, -1)
        XCTAssertEqual(options.minGain, 0.01)
        XCTAssertEqual(options.minGainLimit, 0.1)
        XCTAssertEqual(options.minScore, 1e-9)
        XCTAssertEqual(options.minDisk, 0)
        XCTAssertEqual(options.staticKvmNodeMemory, 4096)
        XCTAssertEqual(options.jobDelay, 10)
        XCTAssertEqual(options.rapiMaster, "")
        XCTAssertEqual(options.outputDir, ".")
        XCTAssertTrue(options.diskMoves && options.instanceMoves && options.capacityChecks)
        XCTAssertNil(options.printNodes)
        XCTAssertNil(options.showCommands)
    }

    func testVerbosityClustersAndRepeats() {
        let table: [([String], Int)] = [
            ([], 1), (["-v"], 2), (["-vv"], 3), (["-v", "-v", "-v"], 4), (["-q"], 0),
            (["-vq"], 1), (["--verbose", "--verb", "-vvq"], 4), (["-qqq"], -2),
        ]
        for (arguments, expected) in table {
            XCTAssertEqual(parse(.hbal, arguments)?.0.verbosity, expected, "\(arguments)")
        }
    }

    func testPrintNodesStoresWhatHtoolsStores() {
        let table: [([String], [String]?)] = [
            ([], nil), (["-p"], []), (["--print-nodes"], []), (["--print-nodes="], []),
            (["-pname,pcnt"], ["name", "pcnt"]), (["-p+fmem"], ["+", "fmem"]), (["-p+"], ["+"]),
            (["--print-nodes=+a,b"], ["+", "a", "b"]), (["-p,"], ["", ""]), (["-pa,,b"], ["a", "", "b"]),
            (["-p", "name"], []),
        ]
        for (arguments, expected) in table {
            XCTAssertEqual(parse(.hbal, arguments)?.0.printNodes, expected, "\(arguments)")
        }
        XCTAssertEqual(parse(.hbal, ["-p", "name"])?.1, ["name"])
    }

    func testOptionalArgumentsOfPrintCommandsLuxiAndYesNo() {
        XCTAssertEqual(parse(.hbal, ["-C"])?.0.showCommands, "-")
        XCTAssertEqual(parse(.hbal, ["-C/tmp/f"])?.0.showCommands, "/tmp/f")
        XCTAssertEqual(parse(.hbal, ["--print-commands=out.sh"])?.0.showCommands, "out.sh")
        XCTAssertEqual(parse(.hbal, ["--print-c="])?.0.showCommands, "")
        XCTAssertEqual(parse(.hbal, ["-C", "file"])?.1, ["file"])
        XCTAssertEqual(parse(.hbal, ["-L"])?.0.luxiSocket, "/var/run/ganeti/socket/ganeti-query")
        XCTAssertEqual(parse(.hbal, ["-L/s"])?.0.luxiSocket, "/s")
        XCTAssertEqual(parse(.hbal, ["--mond"])?.0.monD, true)
        XCTAssertEqual(parse(.hbal, ["--mond=no", "--mond=yes", "--mond=no"])?.0.monD, false)
        XCTAssertEqual(parse(.hspace, ["--machine-readable"])?.0.machineReadable, true)
        XCTAssertEqual(parse(.hspace, ["--machine-readable=no"])?.0.machineReadable, false)
    }

    func testRequiredArgumentsAttachedSeparateAndLong() {
        let table: [[String]] = [["-tFILE"], ["-t", "FILE"], ["--text-data=FILE"], ["--text-data", "FILE"],
                                 ["--text=FILE"], ["--te", "FILE"], ["-vtFILE"]]
        for arguments in table {
            XCTAssertEqual(parse(.hbal, arguments)?.0.dataFile, "FILE", "\(arguments)")
        }
        XCTAssertEqual(parse(.hbal, ["-t", "--", "x"])?.0.dataFile, "--")
        XCTAssertEqual(parse(.hbal, ["-t", "-v"])?.0.dataFile, "-v")
        XCTAssertEqual(parse(.hbal, ["-G", "default", "-l3", "--max-length", "7"])?.0.maxLength, 7)
    }

    func testPositionalArgumentsAndDoubleDash() {
        let table: [([String], [String])] = [
            (["a", "-v", "b"], ["a", "b"]), (["--", "-v", "--x"], ["-v", "--x"]), (["-"], ["-"]),
            (["x", "--", "--", "y"], ["x", "--", "y"]), (["-v-", "--bogus"], ["--bogus"]),
        ]
        for (arguments, expected) in table {
            XCTAssertEqual(parse(.hinfo, arguments)?.1, expected, "\(arguments)")
        }
        XCTAssertEqual(parse(.hinfo, ["--", "-v"])?.0.verbosity, 1)
    }

    func testRepeatedListOptionsKeepHtoolsOrder() {
        XCTAssertEqual(parse(.hbal, ["-O", "n1", "--offline=n2", "-On3"])?.0.offlineNodes, ["n3", "n2", "n1"])
        XCTAssertEqual(parse(.hspace, ["--simulate=p,3,1,1,1", "--simulate=u,2,1,1,1"])?.0.simulationSpecs,
                       ["u,2,1,1,1", "p,3,1,1,1"])
        XCTAssertEqual(parse(.hbal, ["--exclude-instances=a,b", "--exclude-instances=c"])?.0.excludeInstances, ["c"])
        XCTAssertEqual(parse(.hbal, ["--exclusion-tags="])?.0.exclusionTags, [])
        XCTAssertEqual(parse(.hroller, ["--node-tags=t1,t2"])?.0.nodeTags, ["t1", "t2"])
        XCTAssertEqual(parse(.hail, ["--restrict-allocation-to=n1,n2"])?.0.restrictToNodes, ["n1", "n2"])
    }

    func testTypedValues() {
        let hspace = parse(.hspace, ["--disk-template=drbd", "--spindle-use=2", "--max-cpu=(2.5)",
                                     "--standard-alloc=1G,128M,1", "--tiered-alloc=(2)t,1g,4,2",
                                     "--no-capacity-checks", "--static-kvm-node-memory=0x10"])?.0
        XCTAssertEqual(hspace?.diskTemplate, .drbd)
        XCTAssertEqual(hspace?.spindleUse, 2)
        XCTAssertEqual(hspace?.maxCpu, 2.5)
        XCTAssertEqual(hspace?.standardSpec, RequestedResourceSpec(cpu: 1, memory: 122, disk: 953, spindles: 1))
        XCTAssertEqual(hspace?.tieredSpec, RequestedResourceSpec(cpu: 4, memory: 1024, disk: 2_097_152, spindles: 2))
        XCTAssertEqual(hspace?.noCapacityChecks, true)
        XCTAssertEqual(hspace?.staticKvmNodeMemory, 16)
        let hbal = parse(.hbal, ["--priority=high", "-g", "0.5", "--min-gain-limit=1e-2", "-e", "-1",
                                 "--min-disk=0.25", "--reason", "why", "-X", "-E", "--no-disk-moves"])?.0
        XCTAssertEqual(hbal?.priority, .high)
        XCTAssertEqual(hbal?.minGain, 0.5)
        XCTAssertEqual(hbal?.minGainLimit, 0.01)
        XCTAssertEqual(hbal?.minScore, -1)
        XCTAssertEqual(hbal?.minDisk, 0.25)
        XCTAssertEqual(hbal?.reason, "why")
        XCTAssertEqual(hbal?.executeJobs, true)
        XCTAssertEqual(hbal?.evacMode, true)
        XCTAssertEqual(hbal?.diskMoves, false)
        let hsqueeze = parse(.hsqueeze, ["--minimal-resources=3", "--target-resources", "4.5"])?.0
        XCTAssertEqual(hsqueeze?.minResources, 3)
        XCTAssertEqual(hsqueeze?.targetResources, 4.5)
    }

    func testScannerErrors() {
        let table: [(HTool, [String], String)] = [
            (.hbal, ["-t"], "Command line error: option `-t' requires an argument FILE\n\n"),
            (.hbal, ["--text-data"], "Command line error: option `--text-data' requires an argument FILE\n\n"),
            (.hbal, ["--print-i=3"], "Command line error: option `--print-i' doesn't allow an argument\n\n"),
            (.hbal, ["-vz"], "Command line error: unrecognized option `-z'\n\n"),
            (.hbal, ["-x", "-y", "--zz=1"],
             "Command line error: unrecognized option `-x'\nunrecognized option `-y'\nunrecognized option `--zz=1'\n\n"),
            (.hbal, ["--bogus", "-t"],
             "Command line error: option `-t' requires an argument FILE\nunrecognized option `--bogus'\n\n"),
            (.hspace, ["--priority=low"], "Command line error: unrecognized option `--priority=low'\n\n"),
            (.hbal, ["-v-v"],
             "Command line error: option `--v' is ambiguous; could be one of:\n"
                + "  -v  --verbose  increase the verbosity level\n"
                + "  -V  --version  show the version of the program\n\n"),
        ]
        for (tool, arguments, expectedStart) in table {
            guard let (code, stderr) = stderrOf(tool, arguments) else {
                XCTFail("no exit for \(arguments)")
                continue
            }
            XCTAssertEqual(code, 2, "\(arguments)")
            XCTAssertTrue(stderr.hasPrefix(expectedStart + "\(tool.rawValue) (ganeti) version"), "\(arguments): \(stderr)")
        }
    }

    func testExactLongNameBeatsLongerNames() {
        XCTAssertEqual(parse(.hbal, ["--mond"])?.0.monD, true)
        XCTAssertEqual(parse(.hbal, ["--mond-d=x"])?.0.monDDataFile, "x")
        XCTAssertEqual(parse(.hbal, ["--min-gain=2"])?.0.minGain, 2)
    }

    func testHelpIsOnlyShownAfterValuesConvert() {
        XCTAssertEqual(parseCommandLine(tool: .hbal, arguments: ["--help", "--max-length=x"], environment: [:]),
                       .exit(code: 1, stdout: "", stderr: "Error while parsing command line arguments:\n"
                             + "max solution length: cannot parse string 'x'\n"))
    }
}
