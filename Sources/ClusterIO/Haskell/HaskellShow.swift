/// Haskell's `show` for strings and string lists, used verbatim in htools' error messages.
public enum HaskellShow {
    private static let controlNames = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "a", "b", "t", "n", "v", "f", "r",
                                       "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM",
                                       "SUB", "ESC", "FS", "GS", "RS", "US"]

    /// `show` of a String: quoted, with Haskell escapes (`\"`, `\\`, `\n`, `\SOH`, `\233`, `\&`).
    public static func string(_ s: String) -> String {
        var out = "\""
        let scalars = Array(s.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            let v = c.value
            var piece: String
            var numeric = false
            switch v {
            case 0x22: piece = "\\\""
            case 0x5C: piece = "\\\\"
            case 0..<0x20: piece = "\\" + controlNames[Int(v)]
            case 0x7F: piece = "\\DEL"
            case 0x20..<0x7F: piece = String(c)
            default: piece = "\\" + String(v); numeric = true
            }
            out += piece
            if i + 1 < scalars.count {
                let next = scalars[i + 1]
                if numeric, next.value >= 0x30 && next.value <= 0x39 { out += "\\&" }
                if v == 0x0E, next == "H" { out += "\\&" }
            }
        }
        return out + "\""
    }

    /// `show` of a list of strings: `["a","b"]`.
    public static func stringList(_ xs: [String]) -> String {
        "[" + xs.map(string).joined(separator: ",") + "]"
    }
}
