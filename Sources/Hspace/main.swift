import HToolsCLI

// hspace: estimates how many more instances of a given size fit on the cluster.
let (options, positional) = parseCommandLineOrExit(tool: .hspace)
if let exit = rejectPositionalArguments(positional) { emitAndExit(exit) }
HspaceProgram.run(options, parallelism: DispatchRunner.make(width: 2))
