#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A request to stop the program: exact bytes for stdout and stderr, and the exit code.
public struct ProgramExit: Error, Equatable, Sendable {
    /// The exit status.
    public var code: Int32
    /// Text for standard output.
    public var stdout: String
    /// Text for standard error.
    public var stderr: String

    /// Creates an exit request.
    public init(code: Int32, stdout: String = "", stderr: String = "") {
        self.code = code
        self.stdout = stdout
        self.stderr = stderr
    }

    /// The same request as a command-line outcome.
    public var outcome: CommandLineOutcome { .exit(code: code, stdout: stdout, stderr: stderr) }
}

/// htools' `exitErr`: `Error: <message>` on stderr, exit status 1.
public func errorExit(_ message: String) -> ProgramExit {
    ProgramExit(code: 1, stderr: "Error: \(message)\n")
}

/// The message htools tools without positional arguments give when some are present.
public let noArgumentsMessage = "This program doesn't take any arguments."

/// The exit hbal, hspace, hroller, hsqueeze and hinfo make when given positional arguments; nil when there are none.
public func rejectPositionalArguments(_ positional: [String]) -> ProgramExit? {
    positional.isEmpty ? nil : errorExit(noArgumentsMessage)
}

/// hail's check of its positional arguments: exactly one, the request file.
public func hailInputFile(_ positional: [String]) -> Result<String, ProgramExit> {
    switch positional.count {
    case 0: return .failure(errorExit("This program needs an input file."))
    case 1: return .success(positional[0])
    default: return .failure(errorExit("Only one argument is accepted (the input file)"))
    }
}

/// The reason htools' data loader gives when no data source option was given.
public let noBackendSelectedMessage = "No backend selected! Exiting."

/// htools' exit when loading cluster data fails: `Error: failed to load data, aborting: <reason>`.
public func failedToLoadDataExit(_ reason: String) -> ProgramExit {
    errorExit("failed to load data, aborting: \(reason)")
}

/// Writes the exit request's texts to stdout then stderr (flushing stdio first) and exits with its code.
public func emitAndExit(_ request: ProgramExit) -> Never {
    fflush(nil)
    writeFully(fileDescriptor: 1, request.stdout)
    writeFully(fileDescriptor: 2, request.stderr)
    exit(request.code)
}

/// For `.exit` outcomes: prints and exits. For `.run`: returns the options and positional arguments.
public func emitAndExit(_ outcome: CommandLineOutcome) -> (options: HToolsOptions, positional: [String]) {
    switch outcome {
    case .run(let options, let positional):
        return (options, positional)
    case .exit(let code, let stdout, let stderr):
        emitAndExit(ProgramExit(code: code, stdout: stdout, stderr: stderr))
    }
}

/// Parses the process's own arguments for `tool`, exiting as htools would on help, version or errors.
public func parseCommandLineOrExit(tool: HTool) -> (options: HToolsOptions, positional: [String]) {
    emitAndExit(parseCommandLine(tool: tool, arguments: Array(CommandLine.arguments.dropFirst())))
}

/// Writes all of `text`'s UTF-8 bytes to a file descriptor, retrying on interruption and partial writes.
public func writeFully(fileDescriptor: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            return write(fileDescriptor, base + offset, buffer.count - offset)
        }
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        if written == 0 { return }
        offset += written
    }
}
