/// Haskell's `round` from an exact JSON number to `Int` (half to even, wrapping modulo 2⁶⁴).
enum JSONNumberRounding {
    /// The rounded integer of `n`.
    static func roundedInt(_ n: JSONNumber) -> Int {
        if let i = n.integer { return i }
        if let text = n.literal, let r = rounded(literal: text) { return r }
        return fromDouble(n.double)
    }

    /// Rounds a decimal literal `[-]digits[.digits][e[+-]digits]` exactly.
    static func rounded(literal text: String) -> Int? {
        var scalars = Substring(text)
        var negative = false
        if scalars.first == "-" { negative = true; scalars = scalars.dropFirst() }
        var mantissa = scalars
        var exponent = 0
        if let e = scalars.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = scalars[..<e]
            var expText = scalars[scalars.index(after: e)...]
            var expNegative = false
            if expText.first == "+" { expText = expText.dropFirst() } else if expText.first == "-" {
                expNegative = true; expText = expText.dropFirst()
            }
            guard !expText.isEmpty, expText.allSatisfy(\.isASCII), expText.allSatisfy(\.isNumber) else { return nil }
            let magnitude = Int(expText.prefix(9)) ?? 0
            exponent = expText.count > 9 ? 999_999_999 : magnitude
            if expNegative { exponent = -exponent }
        }
        var digits: [Int] = []
        var fractionLength = 0
        var seenPoint = false
        for c in mantissa {
            if c == "." { seenPoint = true; continue }
            guard let d = c.wholeNumberValue, c.isASCII else { return nil }
            digits.append(d)
            if seenPoint { fractionLength += 1 }
        }
        let shift = exponent - fractionLength
        var value = 0
        if shift >= 0 {
            for d in digits { value = value &* 10 &+ d }
            for _ in 0..<min(shift, 70) { value = value &* 10 }
        } else {
            let keep = digits.count + shift
            let intDigits = keep > 0 ? Array(digits[..<keep]) : []
            let rest = keep >= 0 ? Array(digits[keep...]) : [Int](repeating: 0, count: -keep) + digits
            for d in intDigits { value = value &* 10 &+ d }
            if let first = rest.first {
                let tailNonZero = rest.dropFirst().contains { $0 != 0 }
                if first > 5 || (first == 5 && tailNonZero) || (first == 5 && value & 1 == 1) { value = value &+ 1 }
            }
        }
        return negative ? 0 &- value : value
    }

    /// Rounds a `Double` half to even, saturating at the `Int` range.
    static func fromDouble(_ x: Double) -> Int {
        let r = x.rounded(.toNearestOrEven)
        if r.isNaN { return 0 }
        if r >= 9.2e18 { return Int.max }
        if r <= -9.2e18 { return Int.min }
        return Int(r)
    }
}
