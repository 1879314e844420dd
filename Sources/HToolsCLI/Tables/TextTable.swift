/// htools' `printTable`: columns padded to the widest cell, numbers right-aligned.
public enum TextTable {
    /// Renders `header` and `rows` with line prefix `prefix`; `numeric[i]` right-aligns column i.
    public static func render(prefix: String, header: [String], rows: [[String]], numeric: [Bool]) -> String {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in all { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.unicodeScalars.count) } }
        var out = ""
        for row in all {
            var cells: [String] = []
            for (i, cell) in row.enumerated() {
                let pad = widths[i] - cell.unicodeScalars.count
                let filler = String(repeating: " ", count: max(0, pad))
                let isNumeric = i < numeric.count ? numeric[i] : (numeric.last ?? false)
                cells.append(pad > 0 ? (isNumeric ? filler + cell : cell + filler) : cell)
            }
            out += prefix + " " + cells.joined(separator: " ") + "\n"
        }
        return out
    }
}
