import ClusterModel

/// The `Cluster coefficients:` table (htools' `printStats`).
public enum ScoreReport {
    /// Renders component name, value and weight for the given statistics, with line prefix `prefix`.
    public static func render(prefix: String, _ stats: ClusterStatistics) -> String {
        let rows: [[String]] = zip(ScoreComponent.allCases, stats.componentValues).map { c, v in
            [c.name, HaskellNumberFormat.fixed(v, decimals: 8), "x" + HaskellNumberFormat.fixed(c.weight, decimals: 2)]
        }
        return TextTable.render(prefix: prefix, header: ["Field", "Value", "Weight"], rows: rows, numeric: [false, true, true])
    }

    /// `printf "%.8f"` of a score.
    public static func score(_ value: Double) -> String { HaskellNumberFormat.fixed(value, decimals: 8) }
}
