/// Field-level helpers shared by the text formats, with htools' error wording.
public enum FieldParsing {
    /// htools' `sepSplit`: splits on `separator`; an empty input gives no fields.
    /// Works on Unicode scalars, as Haskell strings do (no grapheme merging of `\r\n`).
    static func split(_ s: String, _ separator: Unicode.Scalar) -> [String] {
        if s.isEmpty { return [] }
        precondition(separator.isASCII, "only ASCII separators keep UTF-8 splitting scalar-exact")
        let sep = UInt8(separator.value)
        var text = s
        return text.withUTF8 { bytes -> [String] in
            guard let base = bytes.baseAddress else { return [""] }
            let n = bytes.count
            // Counted first, so that the fields array is allocated once.
            var fields = 1
            for i in 0..<n where base[i] == sep { fields += 1 }
            var out: [String] = []
            out.reserveCapacity(fields)
            var start = 0
            for i in 0..<n where base[i] == sep {
                out.append(String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self))
                start = i + 1
            }
            out.append(String(decoding: UnsafeBufferPointer(start: base + start, count: n - start), as: UTF8.self))
            return out
        }
    }

    /// htools' `tryRead` for an `Int`, with its two error messages.
    static func readInt(_ owner: String, _ text: String) throws(ClusterLoadError) -> Int {
        switch HaskellRead.int(text) {
        case .value(let v): return v
        case .leftover(let rest): throw ClusterLoadError("\(owner): leftover characters when parsing '\(text)': '\(rest)'")
        case .noParse: throw ClusterLoadError("\(owner): cannot parse string '\(text)'")
        }
    }

    /// htools' `tryRead` for a `Double`, with its two error messages.
    static func readDouble(_ owner: String, _ text: String) throws(ClusterLoadError) -> Double {
        switch HaskellRead.double(text) {
        case .value(let v): return v
        case .leftover(let rest): throw ClusterLoadError("\(owner): leftover characters when parsing '\(text)': '\(rest)'")
        case .noParse: throw ClusterLoadError("\(owner): cannot parse string '\(text)'")
        }
    }

    /// Parses a raw enum value with htools' `Invalid string value for type T: "x"` error.
    static func readEnum<E: RawRepresentable>(_ type: E.Type, _ typeName: String, _ text: String) throws(ClusterLoadError) -> E where E.RawValue == String {
        guard let v = E(rawValue: text) else {
            throw ClusterLoadError("Invalid string value for type \(typeName): \(HaskellShow.string(text))")
        }
        return v
    }

    /// Haskell's `lines`: splits on newlines, without a final empty line.
    public static func lines(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        var parts = split(text, "\n")
        if text.unicodeScalars.last == "\n" { parts.removeLast() }
        return parts
    }
}
