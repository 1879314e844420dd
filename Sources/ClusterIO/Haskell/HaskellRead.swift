/// Outcome of parsing a number the way Haskell's `reads` does.
enum HaskellReadOutcome<T> {
    /// The whole string was one number.
    case value(T)
    /// A number followed by these leftover characters.
    case leftover(String)
    /// No number could be read.
    case noParse
}

/// Haskell `reads` semantics for Int, Double and Bool, as htools uses them for option values and data fields.
public enum HaskellRead {
    /// Haskell `reads :: ReadS Int` on `text`: the value and the unparsed rest, nil when nothing parses.
    /// Accepts surrounding parentheses, leading blanks, `-`, `0x`/`0o` forms; wraps on overflow like `Int`.
    public static func readsInt(_ text: String) -> (value: Int, remainder: String)? {
        readsNumber(text) { literal in intValue(literal) } negate: { 0 &- $0 }
    }

    /// Haskell `reads :: ReadS Double` on `text`: the value and the unparsed rest, nil when nothing parses.
    public static func readsDouble(_ text: String) -> (value: Double, remainder: String)? {
        let scalars = Array(text.unicodeScalars)
        let parsed = withParentheses(scalars, from: 0) { scalars, index in
            let (lexeme, next) = HaskellLexer.lex(scalars, from: index)
            if lexeme == .symbol("-") {
                let (operand, end) = HaskellLexer.lex(scalars, from: next)
                return doubleValue(operand).map { (-$0, end) }
            }
            return doubleValue(lexeme).map { ($0, next) }
        }
        return parsed.map { ($0.0, HaskellLexer.scalarString(scalars[$0.1...])) }
    }

    /// Haskell `reads :: ReadS Bool` on `text` (`True`/`False`, optionally parenthesised).
    public static func readsBool(_ text: String) -> (value: Bool, remainder: String)? {
        let scalars = Array(text.unicodeScalars)
        let parsed = withParentheses(scalars, from: 0) { scalars, index -> (Bool, Int)? in
            let (lexeme, next) = HaskellLexer.lex(scalars, from: index)
            switch lexeme {
            case .identifier("True"): return (true, next)
            case .identifier("False"): return (false, next)
            default: return nil
            }
        }
        return parsed.map { ($0.0, HaskellLexer.scalarString(scalars[$0.1...])) }
    }

    /// Classifies a `reads` result as htools' `tryRead` does: a value, leftover characters, or no parse.
    static func outcome<T>(_ parsed: (value: T, remainder: String)?) -> HaskellReadOutcome<T> {
        guard let parsed else { return .noParse }
        return parsed.remainder.isEmpty ? .value(parsed.value) : .leftover(parsed.remainder)
    }

    /// `reads` for an `Int`, classified.
    static func int(_ text: String) -> HaskellReadOutcome<Int> {
        if let v = plainDecimal(text) { return .value(v) }
        return outcome(readsInt(text))
    }

    /// The value of `text` when it is only an optional "-" and 1 to 18 ASCII digits (no overflow possible),
    /// the common case, read without lexing; nil for anything else (then the full `reads` decides).
    public static func plainDecimal(_ text: String) -> Int? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var k = 0
            let negative = bytes.count > 1 && bytes[0] == UInt8(ascii: "-")
            if negative { k = 1 }
            let digits = bytes.count - k
            guard digits >= 1 && digits <= 18 else { return nil }
            var v = 0
            while k < bytes.count {
                let d = bytes[k] &- UInt8(ascii: "0")
                guard d < 10 else { return nil }
                v = v * 10 + Int(d)
                k += 1
            }
            return negative ? -v : v
        } ?? nil
    }

    /// `reads` for a `Double`, classified.
    static func double(_ text: String) -> HaskellReadOutcome<Double> {
        if let v = plainDouble(text) { return .value(v) }
        return outcome(readsDouble(text))
    }

    /// The value of `text` when it is only an optional "-", ASCII digits and optionally "." and more digits (at
    /// most 40 characters), the common case, converted as `reads` converts such a literal; nil for anything else
    /// (then the full `reads` decides).
    public static func plainDouble(_ text: String) -> Double? {
        let shape = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.count <= 40 else { return nil }
            var k = bytes.first == UInt8(ascii: "-") ? 1 : 0
            var integer = 0, fraction = 0, dot = false
            while k < bytes.count {
                let b = bytes[k]
                if b == UInt8(ascii: ".") {
                    guard !dot else { return nil }
                    dot = true
                } else if b &- UInt8(ascii: "0") < 10 {
                    if dot { fraction += 1 } else { integer += 1 }
                } else {
                    return nil
                }
                k += 1
            }
            guard integer > 0 && (!dot || fraction > 0) else { return nil }
            return bytes.first == UInt8(ascii: "-")
        } ?? nil
        guard let negative = shape else { return nil }
        // The literal without its sign, then negated, as `reads` does.
        guard let magnitude = Double(negative ? String(text.dropFirst()) : text) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// Reads an optionally negated number lexeme, inside any number of parentheses.
    private static func readsNumber<T>(_ text: String, convert: (HaskellNumberLiteral) -> T?,
                                       negate: (T) -> T) -> (value: T, remainder: String)? {
        let scalars = Array(text.unicodeScalars)
        let parsed = withParentheses(scalars, from: 0) { scalars, index -> (T, Int)? in
            var (lexeme, next) = HaskellLexer.lex(scalars, from: index)
            var negative = false
            if lexeme == .symbol("-") {
                negative = true
                (lexeme, next) = HaskellLexer.lex(scalars, from: next)
            }
            guard case .number(let literal) = lexeme, let value = convert(literal) else { return nil }
            return (negative ? negate(value) : value, next)
        }
        return parsed.map { ($0.0, HaskellLexer.scalarString(scalars[$0.1...])) }
    }

    /// Haskell's `parens`: the body itself, or the body wrapped in one or more `( … )`.
    private static func withParentheses<T>(_ scalars: [Unicode.Scalar], from index: Int,
                                           body: ([Unicode.Scalar], Int) -> (T, Int)?) -> (T, Int)? {
        if let direct = body(scalars, index) { return direct }
        let (open, afterOpen) = HaskellLexer.lex(scalars, from: index)
        guard open == .openParen,
              let (value, afterValue) = withParentheses(scalars, from: afterOpen, body: body) else { return nil }
        let (close, afterClose) = HaskellLexer.lex(scalars, from: afterValue)
        guard close == .closeParen else { return nil }
        return (value, afterClose)
    }

    /// The Int a literal denotes, wrapping modulo 2^64 as Haskell's `fromInteger` does.
    private static func intValue(_ literal: HaskellNumberLiteral) -> Int? {
        switch literal {
        case .based(let radix, let digits):
            return digits.reduce(0) { $0 &* radix &+ $1 }
        case .decimal(let integer, nil, nil):
            return integer.reduce(0) { $0 &* 10 &+ $1 }
        case .decimal:
            return nil
        }
    }

    /// The Double a lexeme denotes (`NaN`, `Infinity` or a number literal), nil otherwise.
    private static func doubleValue(_ lexeme: HaskellLexeme) -> Double? {
        switch lexeme {
        case .identifier("NaN"): return .nan
        case .identifier("Infinity"): return .infinity
        case .number(let literal): return doubleValue(literal)
        default: return nil
        }
    }

    /// Converts a literal to Double with Haskell's range short-cuts for huge and tiny exponents.
    private static func doubleValue(_ literal: HaskellNumberLiteral) -> Double? {
        switch literal {
        case .based(let radix, let digits):
            return Double("0x" + hexDigits(radix: radix, digits: digits))
        case .decimal(let integer, let fraction, let exponent):
            let mantissa = integer.map(String.init).joined()
                + (fraction.map { "." + $0.map(String.init).joined() } ?? "")
            guard let exponent else { return Double(mantissa) }
            guard exponent.fitsInInt else { return .infinity }
            let firstDigit: Int
            if let nonZero = integer.firstIndex(where: { $0 != 0 }) {
                firstDigit = integer.count - nonZero
            } else if let fraction, let nonZero = fraction.firstIndex(where: { $0 != 0 }) {
                firstDigit = -nonZero
            } else {
                return 0
            }
            let magnitude = firstDigit &+ exponent.value
            if magnitude > 1024 + 3 { return .infinity }
            if magnitude < -1021 - 3 { return 0 }
            return Double(mantissa + "e" + String(exponent.value))
        }
    }

    /// Rewrites digits of radix 8 or 16 as hexadecimal digits of the same value.
    private static func hexDigits(radix: Int, digits: [Int]) -> String {
        let hexAlphabet = Array("0123456789abcdef")
        if radix == 16 { return String(digits.map { hexAlphabet[$0] }) }
        var bits: [Int] = []
        for digit in digits { bits += [(digit >> 2) & 1, (digit >> 1) & 1, digit & 1] }
        while bits.count % 4 != 0 { bits.insert(0, at: 0) }
        var nibbles = ""
        var index = 0
        while index < bits.count {
            let nibble = bits[index] << 3 | bits[index + 1] << 2 | bits[index + 2] << 1 | bits[index + 3]
            nibbles.append(hexAlphabet[nibble])
            index += 4
        }
        return nibbles
    }
}
