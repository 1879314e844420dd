/// Outcome of parsing a number the way Haskell's `reads` does.
enum HaskellReadOutcome<T> {
    /// The whole string was one number.
    case value(T)
    /// A number followed by these leftover characters.
    case leftover(String)
    /// No number could be read.
    case noParse
}

/// Haskell `reads`-compatible number parsing: leading blanks, parentheses, `-`, decimal,
/// `0x`/`0o` literals, fractions and exponents (for `Double`), `NaN` and `Infinity`.
enum HaskellRead {
    private struct Token {
        enum Kind { case integer(negative: Bool, magnitude: [UInt8], radix: Int), decimal(String), identifier(String) }
        var kind: Kind
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0: return true
        default: return c.properties.isWhitespace
        }
    }

    private static func skipSpace(_ s: [Unicode.Scalar], _ i: inout Int) {
        while i < s.count && isSpace(s[i]) { i += 1 }
    }

    private static func digitValue(_ c: Unicode.Scalar, radix: Int) -> UInt8? {
        let v: Int
        switch c.value {
        case 0x30...0x39: v = Int(c.value) - 0x30
        case 0x61...0x66: v = Int(c.value) - 0x61 + 10
        case 0x41...0x46: v = Int(c.value) - 0x41 + 10
        default: return nil
        }
        return v < radix ? UInt8(v) : nil
    }

    /// Reads one number lexeme at `i` (after blanks); returns nil when none starts there.
    private static func lexNumber(_ s: [Unicode.Scalar], _ i: inout Int) -> Token? {
        let start = i
        guard i < s.count else { return nil }
        if s[i] == "0", i + 2 < s.count || i + 1 < s.count {
            if i + 1 < s.count {
                let p = s[i + 1]
                let radix = (p == "x" || p == "X") ? 16 : (p == "o" || p == "O") ? 8 : 0
                if radix != 0, i + 2 < s.count, digitValue(s[i + 2], radix: radix) != nil {
                    var j = i + 2
                    var digits: [UInt8] = []
                    while j < s.count, let d = digitValue(s[j], radix: radix) { digits.append(d); j += 1 }
                    i = j
                    return Token(kind: .integer(negative: false, magnitude: digits, radix: radix))
                }
            }
        }
        var j = i
        var digits: [UInt8] = []
        while j < s.count, let d = digitValue(s[j], radix: 10) { digits.append(d); j += 1 }
        if digits.isEmpty {
            // identifiers NaN / Infinity
            var k = i
            var ident = String.UnicodeScalarView()
            while k < s.count, s[k].properties.isAlphabetic || s[k] == "_" || s[k] == "'" || (k > i && digitValue(s[k], radix: 10) != nil) {
                ident.append(s[k]); k += 1
            }
            if ident.isEmpty { i = start; return nil }
            i = k
            return Token(kind: .identifier(String(ident)))
        }
        var text = String(String.UnicodeScalarView(s[i..<j]))
        var isDecimal = false
        if j + 1 < s.count, s[j] == ".", digitValue(s[j + 1], radix: 10) != nil {
            var k = j + 1
            while k < s.count, digitValue(s[k], radix: 10) != nil { k += 1 }
            text += String(String.UnicodeScalarView(s[j..<k]))
            j = k
            isDecimal = true
        }
        if j < s.count, s[j] == "e" || s[j] == "E" {
            var k = j + 1
            if k < s.count, s[k] == "-" || s[k] == "+" { k += 1 }
            if k < s.count, digitValue(s[k], radix: 10) != nil {
                while k < s.count, digitValue(s[k], radix: 10) != nil { k += 1 }
                text += String(String.UnicodeScalarView(s[j..<k]))
                j = k
                isDecimal = true
            }
        }
        i = j
        if isDecimal { return Token(kind: .decimal(text)) }
        return Token(kind: .integer(negative: false, magnitude: digits, radix: 10))
    }

    /// Parses `text` as Haskell `reads` would for the type that `convert` accepts.
    private static func read<T>(_ text: String, negate: (T) -> T, convert: (Token) -> T?) -> HaskellReadOutcome<T> {
        let s = Array(text.unicodeScalars)
        var i = 0
        var parens = 0
        skipSpace(s, &i)
        while i < s.count && s[i] == "(" { parens += 1; i += 1; skipSpace(s, &i) }
        var negative = false
        if i < s.count && s[i] == "-" && !(i + 1 < s.count && s[i + 1] == "-") {
            negative = true; i += 1; skipSpace(s, &i)
        }
        guard let token = lexNumber(s, &i), let value0 = convert(token) else { return .noParse }
        if case .identifier = token.kind, i < s.count, s[i].properties.isAlphabetic { return .noParse }
        var value = value0
        if negative { value = negate(value) }
        while parens > 0 {
            var j = i
            skipSpace(s, &j)
            guard j < s.count && s[j] == ")" else { return .noParse }
            i = j + 1
            parens -= 1
        }
        if i == s.count { return .value(value) }
        return .leftover(String(String.UnicodeScalarView(s[i...])))
    }

    /// Reads an `Int` (wrapping on overflow, as Haskell's `fromInteger` does).
    static func int(_ text: String) -> HaskellReadOutcome<Int> {
        read(text, negate: { 0 &- $0 }) { token in
            guard case let .integer(_, digits, radix) = token.kind else { return nil }
            var v = 0
            for d in digits { v = v &* radix &+ Int(d) }
            return v
        }
    }

    /// Reads a `Double`.
    static func double(_ text: String) -> HaskellReadOutcome<Double> {
        read(text, negate: { -$0 }) { token in
            switch token.kind {
            case let .integer(_, digits, radix):
                if radix == 10 { return Double(digits.map { String($0) }.joined()) }
                var v = 0.0
                for d in digits { v = v * Double(radix) + Double(d) }
                return v
            case let .decimal(text):
                return Double(text)
            case let .identifier(name):
                if name == "NaN" { return Double.nan }
                if name == "Infinity" { return Double.infinity }
                return nil
            }
        }
    }
}
