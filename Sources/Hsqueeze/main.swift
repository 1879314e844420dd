import HToolsCLI

// hsqueeze: not implemented yet beyond the command-line layer.
let (options, positional) = parseCommandLineOrExit(tool: .hsqueeze)
if let exit = rejectPositionalArguments(positional) { emitAndExit(exit) }
let cluster = ClusterLoading.loadExternalData(options, tool: .hsqueeze)
Console.errLine("Error: hsqueeze is not implemented yet")
Console.exit(1)
