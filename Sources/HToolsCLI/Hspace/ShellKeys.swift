/// hspace's machine-readable output: `HTS_KEY=value` lines (htools' `printKeys`).
enum ShellKeys {
    /// The lines for `pairs` under `HTS_`, keys upper-cased, values quoted unless plain.
    static func render(_ pairs: [(String, String)]) -> String {
        pairs.map { "HTS_" + $0.0.uppercased() + "=" + quoted($0.1) + "\n" }.joined()
    }

    /// htools' `ensureQuoted`: single quotes unless the value is only letters, digits and dots.
    static func quoted(_ v: String) -> String {
        let plain = v.unicodeScalars.allSatisfy { $0 == "." || $0.properties.isAlphabetic || $0.properties.numericType != nil }
        return plain ? v : "'" + v + "'"
    }
}
