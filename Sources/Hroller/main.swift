import HToolsCLI

// hroller: not implemented yet beyond the command-line layer.
let (options, positional) = parseCommandLineOrExit(tool: .hroller)
if let exit = rejectPositionalArguments(positional) { emitAndExit(exit) }
let cluster = ClusterLoading.loadExternalData(options, tool: .hroller)
Console.errLine("Error: hroller is not implemented yet")
Console.exit(1)
