import HToolsCLI

// hsqueeze: dynamic power management, powering nodes off or on as capacity allows.
let (options, positional) = parseCommandLineOrExit(tool: .hsqueeze)
if let exit = rejectPositionalArguments(positional) { emitAndExit(exit) }
HsqueezeProgram.run(options, threads: 2)
