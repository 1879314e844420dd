#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of parsing a tool's command line: run with these settings, or stop with this output.
public enum CommandLineOutcome: Equatable, Sendable {
    /// Parsing succeeded; the tool should run.
    case run(HToolsOptions, positional: [String])
    /// The program must print `stdout` and `stderr` and exit with `code` (help, version, errors).
    case exit(code: Int32, stdout: String, stderr: String)
}

/// Parses a tool's arguments (without the program name) as htools does, reading `GANETI_ROOTDIR` from the process environment.
public func parseCommandLine(tool: HTool, arguments: [String]) -> CommandLineOutcome {
    var environment: [String: String] = [:]
    if let rootDirectory = getenv("GANETI_ROOTDIR") {
        environment["GANETI_ROOTDIR"] = String(cString: rootDirectory)
    }
    return parseCommandLine(tool: tool, arguments: arguments, environment: environment)
}

/// Parses a tool's arguments (without the program name) as htools does, with an explicit environment.
public func parseCommandLine(tool: HTool, arguments: [String],
                             environment: [String: String]) -> CommandLineOutcome {
    let luxiSocket = defaultLuxiSocketPath(environment: environment)
    let descriptors = tool.optionDescriptors(defaultLuxiSocket: luxiSocket)
    let scan = getoptPermute(descriptors, arguments: arguments)
    guard scan.errors.isEmpty else {
        return .exit(code: 2, stdout: "",
                     stderr: "Command line error: " + scan.errors.joined() + "\n"
                        + usageText(programName: tool.programName, descriptors: descriptors))
    }
    var options = HToolsOptions()
    for occurrence in scan.occurrences {
        do {
            try options.apply(occurrence.descriptor.key, value: occurrence.value, defaultLuxiSocket: luxiSocket)
        } catch {
            let message = (error as? OptionValueError)?.message ?? String(describing: error)
            return .exit(code: 1, stdout: "",
                         stderr: "Error while parsing command line arguments:\n" + message + "\n")
        }
    }
    if options.showHelp {
        return .exit(code: 0, stdout: usageText(programName: tool.programName, descriptors: descriptors), stderr: "")
    }
    if options.showVersion {
        return .exit(code: 0, stdout: versionText(programName: tool.programName), stderr: "")
    }
    if options.showCompletion {
        return .exit(code: 0, stdout: completionText(descriptors: descriptors, arguments: tool.argumentCompletions),
                     stderr: "")
    }
    return .run(options, positional: scan.positional)
}
