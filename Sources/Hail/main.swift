import HToolsCLI

// hail: the iallocator plugin; answers one request file (or `-` for standard input).
let (options, positional) = parseCommandLineOrExit(tool: .hail)
HailProgram.run(options: options, positional: positional)
