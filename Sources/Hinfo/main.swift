import HToolsCLI

// hinfo: prints information about the cluster state, its nodes and instances.
let (options, positional) = parseCommandLineOrExit(tool: .hinfo)
if !positional.isEmpty { Console.fail("This program doesn't take any arguments.") }
let cluster = ClusterLoading.loadExternalData(options, tool: .hinfo)
ClusterInfoReport.run(cluster, options: options)
Console.exit(0)
