import HToolsCLI

// hail: not implemented yet beyond the command-line layer.
let (options, positional) = parseCommandLineOrExit(tool: .hail)
if let exit = rejectPositionalArguments(positional) { emitAndExit(exit) }
let cluster = ClusterLoading.loadExternalData(options, tool: .hail)
Console.errLine("Error: hail is not implemented yet")
Console.exit(1)
