import HToolsCLI

// hbal: not implemented yet beyond the command-line layer.
let (options, positional) = parseCommandLineOrExit(tool: .hbal)
if let exit = rejectPositionalArguments(positional) { emitAndExit(exit) }
let cluster = ClusterLoading.loadExternalData(options, tool: .hbal)
Console.errLine("Error: hbal is not implemented yet")
Console.exit(1)
