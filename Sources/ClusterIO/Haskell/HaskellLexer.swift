/// A number literal as Haskell's `Read` lexer splits it up.
enum HaskellNumberLiteral: Equatable {
    /// `0x…` or `0o…`: the radix and the digit values.
    case based(radix: Int, digits: [Int])
    /// Decimal digits, an optional fraction and an optional exponent.
    case decimal(integer: [Int], fraction: [Int]?, exponent: HaskellExponent?)
}

/// An exponent of a decimal literal; Haskell keeps it as an unbounded Integer.
struct HaskellExponent: Equatable {
    /// Whether the exponent lies within the range of a 64-bit Int.
    var fitsInInt: Bool
    /// The exponent, meaningful only when `fitsInInt` is true.
    var value: Int
}

/// The lexemes of Haskell's `Read` lexer that number and Bool parsing distinguish.
enum HaskellLexeme: Equatable {
    case openParen, closeParen
    case symbol(String)
    case identifier(String)
    case number(HaskellNumberLiteral)
    /// Anything else, including end of input; never acceptable where a value is expected.
    case other
}

/// A small re-creation of the lexer behind Haskell's `reads`, enough for numbers and booleans.
public enum HaskellLexer {
    /// Reads the lexeme starting at `start` (after skipping white space); returns it and the index after it.
    static func lex(_ text: [Unicode.Scalar], from start: Int) -> (HaskellLexeme, Int) {
        var index = start
        while index < text.count, isSpace(text[index]) { index += 1 }
        guard index < text.count else { return (.other, index) }
        let first = text[index]
        if first == "(" { return (.openParen, index + 1) }
        if first == ")" { return (.closeParen, index + 1) }
        if isPunctuation(first) { return (.other, index + 1) }
        if isSymbol(first) {
            var end = index
            while end < text.count, isSymbol(text[end]) { end += 1 }
            return (.symbol(scalarString(text[index..<end])), end)
        }
        if isIdentifierStart(first) {
            var end = index + 1
            while end < text.count, isIdentifierContinuation(text[end]) { end += 1 }
            return (.identifier(scalarString(text[index..<end])), end)
        }
        if digitValue(first, radix: 10) != nil {
            let (literal, end) = lexNumber(text, from: index)
            return (.number(literal), end)
        }
        return (.other, index + 1)
    }

    /// Lexes a number starting at a decimal digit, preferring the `0x`/`0o` forms as Haskell does.
    private static func lexNumber(_ text: [Unicode.Scalar], from start: Int) -> (HaskellNumberLiteral, Int) {
        if text[start] == "0", start + 1 < text.count {
            let radix: Int?
            switch text[start + 1] {
            case "x", "X": radix = 16
            case "o", "O": radix = 8
            default: radix = nil
            }
            if let radix {
                let (digits, end) = lexDigits(text, from: start + 2, radix: radix)
                if !digits.isEmpty { return (.based(radix: radix, digits: digits), end) }
            }
        }
        let (integer, afterInteger) = lexDigits(text, from: start, radix: 10)
        var index = afterInteger
        var fraction: [Int]?
        if index < text.count, text[index] == "." {
            let (digits, end) = lexDigits(text, from: index + 1, radix: 10)
            if !digits.isEmpty {
                fraction = digits
                index = end
            }
        }
        var exponent: HaskellExponent?
        if index < text.count, text[index] == "e" || text[index] == "E" {
            var digitStart = index + 1
            var negative = false
            if digitStart < text.count, text[digitStart] == "-" || text[digitStart] == "+" {
                negative = text[digitStart] == "-"
                digitStart += 1
            }
            let (digits, end) = lexDigits(text, from: digitStart, radix: 10)
            if !digits.isEmpty {
                exponent = makeExponent(digits: digits, negative: negative)
                index = end
            }
        }
        return (.decimal(integer: integer, fraction: fraction, exponent: exponent), index)
    }

    /// Collects the longest run of digits of the given radix.
    private static func lexDigits(_ text: [Unicode.Scalar], from start: Int, radix: Int) -> ([Int], Int) {
        var digits: [Int] = []
        var index = start
        while index < text.count, let value = digitValue(text[index], radix: radix) {
            digits.append(value)
            index += 1
        }
        return (digits, index)
    }

    /// Builds an exponent, noting whether it overflows a 64-bit Int.
    private static func makeExponent(digits: [Int], negative: Bool) -> HaskellExponent {
        var magnitude: UInt64 = 0
        var overflow = false
        for digit in digits where !overflow {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            overflow = o1 || o2
            magnitude = sum
        }
        let limit: UInt64 = negative ? UInt64(Int.max) + 1 : UInt64(Int.max)
        guard !overflow, magnitude <= limit else { return HaskellExponent(fitsInInt: false, value: 0) }
        let value = negative ? Int(truncatingIfNeeded: 0 &- magnitude) : Int(magnitude)
        return HaskellExponent(fitsInInt: true, value: value)
    }

    /// The value of `scalar` as a digit of `radix` (8, 10 or 16), ASCII digits only.
    static func digitValue(_ scalar: Unicode.Scalar, radix: Int) -> Int? {
        let v = Int(scalar.value)
        let value: Int
        switch v {
        case 0x30...0x39: value = v - 0x30
        case 0x61...0x66: value = v - 0x61 + 10
        case 0x41...0x46: value = v - 0x41 + 10
        default: return nil
        }
        return value < radix ? value : nil
    }

    /// Haskell's `isSpace`.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v <= 0x377 { return v == 0x20 || (0x09...0x0D).contains(v) || v == 0xA0 }
        return scalar.properties.generalCategory == .spaceSeparator
    }

    /// The characters Haskell's lexer treats as special punctuation.
    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        ",;()[]{}`".unicodeScalars.contains(scalar)
    }

    /// The characters that make up Haskell operator symbols.
    private static func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
        if isPunctuation(scalar) { return false }
        switch scalar.properties.generalCategory {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .dashPunctuation:
            return true
        case .otherPunctuation:
            return scalar != "'" && scalar != "\""
        case .connectorPunctuation:
            return scalar != "_"
        default:
            return false
        }
    }

    /// Haskell's `isAlpha` (any letter category).
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return false
        }
    }

    /// Whether `scalar` can start an identifier lexeme.
    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || scalar == "_"
    }

    /// Whether `scalar` can continue an identifier lexeme.
    private static func isIdentifierContinuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return isLetter(scalar) || scalar == "_" || scalar == "'"
        }
    }

    /// Turns a run of scalars into a String.
    public static func scalarString<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
