import XCTest
import HToolsCLI

/// Golden texts recorded from the reference htools 3.0.2 binaries.
final class OptionUsageTextTests: XCTestCase {
    private let hinfoHelp = """
        hinfo (ganeti) version 3.0.2-3
        Usage: hinfo [OPTION...]
          -p[FIELDS]  --print-nodes[=FIELDS]      print the final node list
                      --print-instances           print the final instance map
          -t FILE     --text-data=FILE            the cluster data FILE
          -m ADDRESS  --master=ADDRESS            collect data via RAPI at the given ADDRESS
          -L[SOCKET]  --luxi[=SOCKET]             collect data via Luxi, optionally using the given SOCKET path [/var/run/ganeti/socket/ganeti-query]
          -I FILE     --ialloc-src=FILE           Specify an iallocator spec as the cluster data source
          -v          --verbose                   increase the verbosity level
          -q          --quiet                     decrease the verbosity level
          -O NODE     --offline=NODE              set node as offline
                      --ignore-dynu               Ignore any dynamic utilisation information
                      --mond[=CHOICE]             pass either 'yes' or 'no' to query all monDs
                      --mond-data=FILE            Import data provided by MonDs from the given FILE
                      --static-kvm-node-memory=N  use static node memory [in MB] on KVM instead of value reported by hypervisor. Use 0 to take value reported from hypervisor.
          -V          --version                   show the version of the program
          -h          --help                      show help
                      --help-completion           show completion info

        """

    private let hinfoCompletion = """
        -p,--print-nodes none
        --print-instances none
        -t,--text-data file
        -m,--master host
        -L,--luxi file
        -I,--ialloc-src file
        -v,--verbose none
        -q,--quiet none
        -O,--offline onenode
        --ignore-dynu none
        --mond choices=yes,no
        --mond-data file
        --static-kvm-node-memory integer
        -V,--version none
        -h,--help none
        --help-completion none

        """

    func testHinfoHelpMatchesReference() {
        let outcome = parseCommandLine(tool: .hinfo, arguments: ["--help"], environment: [:])
        XCTAssertEqual(outcome, .exit(code: 0, stdout: hinfoHelp, stderr: ""))
    }

    func testShortHelpFlagGivesSameText() {
        let outcome = parseCommandLine(tool: .hinfo, arguments: ["-h"], environment: [:])
        XCTAssertEqual(outcome, .exit(code: 0, stdout: hinfoHelp, stderr: ""))
    }

    func testHinfoCompletionMatchesReference() {
        let outcome = parseCommandLine(tool: .hinfo, arguments: ["--help-completion"], environment: [:])
        XCTAssertEqual(outcome, .exit(code: 0, stdout: hinfoCompletion, stderr: ""))
    }

    func testHailCompletionEndsWithArgumentLine() {
        guard case .exit(0, let stdout, "") = parseCommandLine(tool: .hail, arguments: ["--help-completion"],
                                                               environment: [:]) else {
            return XCTFail("expected a successful exit")
        }
        XCTAssertTrue(stdout.hasSuffix("--help-completion none\nfile 1 1\n"))
        XCTAssertTrue(stdout.contains("--restrict-allocation-to manynodes\n"))
    }

    func testVersionTextForEveryTool() {
        for tool in HTool.allCases {
            let expected = "\(tool.rawValue) (ganeti) version 3.0.2-3\ncompiled with ghc 9.0\nrunning on linux x86_64\n"
            XCTAssertEqual(parseCommandLine(tool: tool, arguments: ["--version"], environment: [:]),
                           .exit(code: 0, stdout: expected, stderr: ""))
            XCTAssertEqual(parseCommandLine(tool: tool, arguments: ["-V"], environment: [:]),
                           .exit(code: 0, stdout: expected, stderr: ""))
        }
    }

    func testHelpWinsOverVersionAndCompletion() {
        guard case .exit(0, let stdout, _) = parseCommandLine(tool: .hbal, arguments: ["--help-completion", "-V", "-h"],
                                                              environment: [:]) else {
            return XCTFail("expected a successful exit")
        }
        XCTAssertTrue(stdout.hasPrefix("hbal (ganeti) version 3.0.2-3\nUsage: hbal [OPTION...]\n"))
    }

    func testLuxiHelpUsesGanetiRootDirectory() {
        guard case .exit(0, let stdout, _) = parseCommandLine(tool: .hroller, arguments: ["--help"],
                                                              environment: ["GANETI_ROOTDIR": "/srv/g"]) else {
            return XCTFail("expected a successful exit")
        }
        XCTAssertTrue(stdout.contains("SOCKET path [/srv/g/var/run/ganeti/socket/ganeti-query]\n"))
    }

    func testUnknownOptionPrintsErrorThenUsage() {
        let usage = usageText(programName: "hinfo",
                              descriptors: HTool.hinfo.optionDescriptors(defaultLuxiSocket: "/var/run/ganeti/socket/ganeti-query"))
        XCTAssertEqual(usage, hinfoHelp)
        XCTAssertEqual(parseCommandLine(tool: .hinfo, arguments: ["--no-such-option"], environment: [:]),
                       .exit(code: 2, stdout: "",
                             stderr: "Command line error: unrecognized option `--no-such-option'\n\n" + hinfoHelp))
    }

    func testAmbiguousPrefixListsCandidatesInTheirOwnTable() {
        guard case .exit(2, "", let stderr) = parseCommandLine(tool: .hbal, arguments: ["--mi", "-t"],
                                                               environment: [:]) else {
            return XCTFail("expected a command line error")
        }
        let expectedStart = """
            Command line error: option `--mi' is ambiguous; could be one of:
              -e EPSILON  --min-score=EPSILON     mininum excess to the N+1 limit to aim for
                          --min-disk=RATIO        minimum free disk space for nodes (between 0 and 1) [0]
              -g DELTA    --min-gain=DELTA        minimum gain to aim for in a balancing step before giving up
                          --min-gain-limit=SCORE  minimum cluster score for which we start checking the min-gain
            option `-t' requires an argument FILE

            hbal (ganeti) version 3.0.2-3
            Usage: hbal [OPTION...]

            """
        XCTAssertTrue(stderr.hasPrefix(expectedStart), stderr)
    }

    func testToolOptionCounts() {
        let counts = HTool.allCases.map { ($0, $0.optionKeys.count) }
        XCTAssertEqual(counts.map(\.1), [15, 40, 25, 22, 13, 16, 9])   // hscan: 6 own + 3 generic, as its --help
    }
}
