/// A recogniser for the JSON dialect of Haskell's `Text.JSON` (json 0.10, `decodeStrict`),
/// reporting the first syntax error in that library's exact words.
///
/// htools reads iallocator requests with `Text.JSON`; its grammar differs from RFC 8259 in
/// places (no leading blanks before the top value, `1.` is a number, any Unicode space
/// separates tokens). This type only validates; values are built by `JSONCParser`, which is
/// given `sanitized`, the same text with non-ASCII blanks between tokens turned into spaces.
struct TextJSONSyntax {
    /// Outcome of a check.
    struct Outcome {
        /// The `Text.JSON` error message, or nil when the text is accepted.
        var error: String?
        /// The input with non-ASCII separating blanks replaced by ASCII spaces.
        var sanitized: String
        /// The text of every number literal, in document order.
        var numberLiterals: [String] = []
    }

    private struct Failure: Error { var message: String }

    private let s: [Unicode.Scalar]
    private var i = 0
    private var depth = 0
    private var foreignBlanks: [Int] = []
    private var numbers: [Range<Int>] = []
    private static let depthLimit = 1900

    private init(_ text: String) { s = Array(text.unicodeScalars) }

    /// Checks `text` as `decodeStrict` would parse it.
    /// - Complexity: O(n) in the number of Unicode scalars.
    static func check(_ text: String) -> Outcome {
        var checker = TextJSONSyntax(text)
        do {
            try checker.topLevel()
        } catch {
            return Outcome(error: error.message, sanitized: text)
        }
        let literals = checker.numbers.map { Self.text(checker.s[$0]) }
        if checker.foreignBlanks.isEmpty { return Outcome(error: nil, sanitized: text, numberLiterals: literals) }
        var scalars = checker.s
        for k in checker.foreignBlanks { scalars[k] = " " }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return Outcome(error: nil, sanitized: String(view), numberLiterals: literals)
    }

    /// Haskell's `Data.Char.isSpace`.
    static func isHaskellSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v <= 0x377 { return v == 32 || (v >= 9 && v <= 13) || v == 0xA0 }
        return c.properties.generalCategory == .spaceSeparator
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    private static func hexValue(_ c: Unicode.Scalar) -> Int? {
        switch c.value {
        case 0x30...0x39: return Int(c.value) - 0x30
        case 0x61...0x66: return Int(c.value) - 0x61 + 10
        case 0x41...0x46: return Int(c.value) - 0x41 + 10
        default: return nil
        }
    }

    /// `take 8` of the input from `k` (Text.JSON's `context`).
    private func context(_ k: Int) -> String { Self.text(s[min(k, s.count)..<min(k + 8, s.count)]) }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

    private mutating func skipSpace() {
        while i < s.count, Self.isHaskellSpace(s[i]) {
            let v = s[i].value
            if !(v == 32 || v == 9 || v == 10 || v == 13) { foreignBlanks.append(i) }
            i += 1
        }
    }

    private func hasPrefix(_ word: String) -> Bool {
        var k = i
        for c in word.unicodeScalars {
            guard k < s.count, s[k] == c else { return false }
            k += 1
        }
        return true
    }

    private mutating func topLevel() throws(Failure) {
        switch peek() {
        case "[": try array()
        case "{": try object()
        default: throw Failure(message: "Invalid JSON: a JSON text a serialized object or array at the top level.")
        }
        if i < s.count {
            let rest = Self.text(s[i..<min(i + 10, s.count)])
            throw Failure(message: "Invalid tokens at end of JSON string: " + HaskellShow.string(rest))
        }
    }

    private mutating func value() throws(Failure) {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.depthLimit { throw Failure(message: "JSON nesting too deep") }
        guard let c = peek() else { throw Failure(message: "Malformed JSON: invalid token in this context ") }
        switch c {
        case "\"": try string()
        case "[": try array()
        case "{": try object()
        case "t", "f": try bool()
        case "-": try number()
        default:
            if Self.isDigit(c) { try number(); return }
            if hasPrefix("null") { i += 4; return }
            throw Failure(message: "Malformed JSON: invalid token in this context " + context(i))
        }
    }

    private mutating func bool() throws(Failure) {
        if hasPrefix("true") { i += 4; return }
        if hasPrefix("false") { i += 5; return }
        throw Failure(message: "Unable to parse JSON Bool: " + context(i))
    }

    private mutating func array() throws(Failure) {
        skipSpace()
        i += 1  // the '['
        skipSpace()
        if peek() == "]" { i += 1; skipSpace(); return }
        while true {
            try value()
            let before = i
            skipSpace()
            switch peek() {
            case ",": i += 1; skipSpace()
            case "]": i += 1; skipSpace(); return
            default: throw Failure(message: "Unable to parse JSON array: unterminated array: " + context(before))
            }
        }
    }

    private mutating func object() throws(Failure) {
        skipSpace()
        i += 1  // the '{'
        skipSpace()
        if peek() == "}" { i += 1; skipSpace(); return }
        while true {
            guard peek() == "\"" else { throw Failure(message: "Malformed JSON: expecting string: " + context(i)) }
            try string()
            var before = i
            skipSpace()
            guard peek() == ":" else { throw Failure(message: "Malformed JSON labelled field: " + context(before)) }
            i += 1
            skipSpace()
            try value()
            before = i
            skipSpace()
            switch peek() {
            case ",": i += 1; skipSpace()
            case "}": i += 1; skipSpace(); return
            default: throw Failure(message: "Unable to parse JSON object: unterminated sequence: " + context(before))
            }
        }
    }

    private mutating func string() throws(Failure) {
        i += 1  // the opening quote
        while true {
            guard let c = peek() else { throw Failure(message: "Unable to parse JSON String: unterminated String: ") }
            if c == "\\", let e = peek(1) {
                i += 2
                try escape(e)
                continue
            }
            if c == "\"" { i += 1; return }
            if c.value < 0x20 { throw Failure(message: "Illegal unescaped character in string: " + context(i)) }
            i += 1
        }
    }

    private mutating func escape(_ e: Unicode.Scalar) throws(Failure) {
        switch e {
        case "\\", "\"", "n", "r", "t", "f", "b", "/":
            return
        case "u":
            guard i + 4 <= s.count else {
                throw Failure(message: "Unable to parse JSON String: invalid hex: " + context(i))
            }
            let four = s[i..<(i + 4)]
            var value = 0
            var digits = 0
            for c in four {
                guard let h = Self.hexValue(c) else { break }
                value = value * 16 + h
                digits += 1
            }
            if digits == 4 { i += 4; return }
            let shown = digits == 0
                ? "[]"
                : "[(\(value)," + HaskellShow.string(Self.text(four.dropFirst(digits))) + ")]"
            throw Failure(message: "Unable to parse JSON String: invalid hex: "
                          + Self.text(ArraySlice(Array(shown.unicodeScalars).prefix(8))))
        default:
            throw Failure(message: "Unable to parse JSON String: invalid escape char: " + Self.showChar(e))
        }
    }

    /// Haskell's `show` of a `Char`.
    static func showChar(_ c: Unicode.Scalar) -> String {
        if c == "'" { return "'\\''" }
        if c == "\"" { return "'\"'" }
        let quoted = HaskellShow.string(String(Character(c)))
        return "'" + quoted.dropFirst().dropLast() + "'"
    }

    private mutating func number() throws(Failure) {
        let start = i
        defer { numbers.append(start..<i) }
        if peek() == "-" { i += 1 }
        guard let c = peek() else { throw Failure(message: "Unable to parse JSON Rational: ") }
        if c == "0" {
            i += 1
        } else if Self.isDigit(c) {
            while let d = peek(), Self.isDigit(d) { i += 1 }
        } else {
            throw Failure(message: "Unable to parse JSON Rational: " + context(i + 1))
        }
        if peek() == "." {
            if let d = peek(1), Self.isDigit(d) {
                i += 1
                while let d = peek(), Self.isDigit(d) { i += 1 }
            } else {
                i += 1
                return
            }
        }
        if let e = peek(), e == "e" || e == "E" {
            i += 1
            if let sign = peek(), sign == "+" || sign == "-" { i += 1 }
            guard let d = peek(), Self.isDigit(d) else {
                throw Failure(message: "Unable to parse JSON exponential: " + context(i))
            }
            while let d = peek(), Self.isDigit(d) { i += 1 }
        }
    }
}
