import HToolsCLI

// hspace: not implemented yet beyond the command-line layer.
let (options, positional) = parseCommandLineOrExit(tool: .hspace)
if let exit = rejectPositionalArguments(positional) { emitAndExit(exit) }
let cluster = ClusterLoading.loadExternalData(options, tool: .hspace)
Console.errLine("Error: hspace is not implemented yet")
Console.exit(1)
