/// Reproductions of GHC runtime failures that htools users see verbatim.
public enum HaskellRuntime {
    /// `IntMap.!` on a missing key, as GHC 9.0 with containers 0.6.4.1 reports it (exit 1).
    public static func dieMissingIntMapKey(_ key: Int, tool: HTool) -> Never {
        Console.err("\(tool.programName): IntMap.!: key \(key) is not an element of the map\n"
                    + "CallStack (from HasCallStack):\n"
                    + "  error, called at libraries/containers/containers/src/Data/IntMap/Internal.hs:619:17 "
                    + "in containers-0.6.4.1:Data.IntMap.Internal\n")
        Console.exit(1)
    }
}
