/// Haskell's `show` for strings, used where htools quotes a value in an error message.
public func haskellShowString(_ text: String) -> String {
    let controlNames = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "a", "b", "t", "n", "v",
                        "f", "r", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN",
                        "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"]
    let scalars = Array(text.unicodeScalars)
    var result = "\""
    for (index, scalar) in scalars.enumerated() {
        let next = index + 1 < scalars.count ? scalars[index + 1] : nil
        let value = scalar.value
        switch value {
        case 0x22:
            result += "\\\""
        case 0x5C:
            result += "\\\\"
        case 0x7F:
            result += "\\DEL"
        case 0x80...:
            result += "\\" + String(value)
            if let next, ("0"..."9").contains(next) { result += "\\&" }
        case 0x20...:
            result.unicodeScalars.append(scalar)
        case 0x0E:
            result += "\\SO"
            if next == "H" { result += "\\&" }
        default:
            result += "\\" + controlNames[Int(value)]
        }
    }
    return result + "\""
}
