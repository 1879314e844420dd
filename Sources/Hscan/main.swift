import HToolsCLI

// hscan: scans clusters over RAPI and saves their state in the text format hbal and hspace read.
let (options, clusters) = parseCommandLineOrExit(tool: .hscan)
HscanProgram.run(options, clusters: clusters)
