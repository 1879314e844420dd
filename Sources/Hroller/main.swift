import HToolsCLI

// hroller: plans which nodes can be rebooted together.
let (options, positional) = parseCommandLineOrExit(tool: .hroller)
if let exit = rejectPositionalArguments(positional) { emitAndExit(exit) }
HrollerProgram.run(options)
