import ClusterModel

/// The dynamic-utilisation file (`-U FILE`): lines of `name cpu mem disk net`.
public enum UtilisationText {
    /// Parses every line; fails with htools' message on the first bad one.
    public static func parse(_ text: String) -> Result<[(String, DynamicUtilisation)], ClusterLoadError> {
        var out: [(String, DynamicUtilisation)] = []
        for line in FieldParsing.lines(text) {
            let f = FieldParsing.split(line, " ")
            guard f.count == 5 else { return .failure(ClusterLoadError("Cannot parse line \(line)")) }
            do throws(ClusterLoadError) {
                let u = DynamicUtilisation(cpu: try FieldParsing.readDouble(f[0], f[1]),
                                           memory: try FieldParsing.readDouble(f[0], f[2]),
                                           disk: try FieldParsing.readDouble(f[0], f[3]),
                                           network: try FieldParsing.readDouble(f[0], f[4]))
                out.append((f[0], u))
            } catch {
                return .failure(error)
            }
        }
        return .success(out)
    }
}
