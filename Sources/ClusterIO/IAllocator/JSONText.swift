import ClusterModel

/// Renders JSON values as `Text.JSON` does: compact `encodeStrict` output and the
/// `pp_value` pretty form used in some htools error messages.
public enum JSONText {
    /// The compact encoding (`showJSValue`): no blanks, keys in order, Haskell number forms.
    public static func encode(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += number(n)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            for (k, field) in o.fields.enumerated() {
                if k > 0 { out += "," }
                writeString(field.key, into: &out)
                out += ":"
                write(field.value, into: &out)
            }
            out += "}"
        }
    }

    private static func number(_ n: JSONNumber) -> String {
        if let i = n.integer { return String(i) }
        if n.double.isNaN || n.double.isInfinite { return "null" }
        if n.double == n.double.rounded(), abs(n.double) < 1e18 { return String(Int(n.double)) }
        return HaskellNumberFormat.show(n.double)
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 {
                    out += "\\u" + hex4(c.value)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        out += "\""
    }

    private static func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }

    /// `show (pp_value v)` on one line (the pretty printer only wraps values wider than a line).
    static func pretty(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return number(n)
        case .string(let s): return prettyString(s)
        case .array(let items): return "[" + items.map(pretty).joined(separator: ", ") + "]"
        case .object(let o):
            return "{" + o.fields.map { prettyString($0.key) + ": " + pretty($0.value) }.joined(separator: ", ") + "}"
        }
    }

    private static func prettyString(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default:
                if c.value < 0x20 || (c.value >= 0x7F && c.value < 0xA0) {
                    out += "\\u" + hex4(c.value)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}

extension JSONValue {
    /// A JSON string.
    public static func text(_ s: String) -> JSONValue { .string(s) }
    /// A JSON integer.
    public static func int(_ i: Int) -> JSONValue { .number(JSONNumber(i)) }
    /// A JSON array of strings.
    public static func strings(_ xs: [String]) -> JSONValue { .array(xs.map(JSONValue.string)) }
    /// A JSON object from ordered fields.
    public static func fields(_ fields: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(fields.map { (key: $0.0, value: $0.1) }))
    }
}
