import HToolsCLI

// hbal: computes a series of moves that brings the cluster into a better-balanced state.
let (options, positional) = parseCommandLineOrExit(tool: .hbal)
if let exit = rejectPositionalArguments(positional) { emitAndExit(exit) }
HbalProgram.run(options, threads: 2)
