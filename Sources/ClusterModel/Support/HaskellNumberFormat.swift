/// Number formatting exactly as GHC's `printf` and `show` render `Double` and `Int`.
///
/// GHC rounds the shortest round-trip decimal digits (half to even on those digits),
/// not the exact binary value as C's printf does, so `%.2f` of 2.675 is `2.68` here.
public enum HaskellNumberFormat {
    /// Shortest decimal digits of a finite, non-negative `x` with `x = 0.d₁d₂… × 10^exponent` (GHC's `floatToDigits`).
    public static func digits(_ x: Double) -> (digits: [Int], exponent: Int) {
        if x == 0 { return ([0], 0) }
        let text = x.description
        var mantissa = Substring(text)
        var exp10 = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exp10 = Int(text[text.index(after: e)...]) ?? 0
        }
        var intPart = Substring(mantissa)
        var fracPart = Substring("")
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = mantissa[..<dot]
            fracPart = mantissa[mantissa.index(after: dot)...]
        }
        var all = (intPart + fracPart).compactMap { $0.wholeNumberValue }
        var pointPos = intPart.count + exp10
        while let f = all.first, f == 0, all.count > 1 { all.removeFirst(); pointPos -= 1 }
        while let l = all.last, l == 0, all.count > 1 { all.removeLast() }
        return (all, pointPos)
    }

    /// GHC's `roundTo` in base 10: rounds a digit list to `count` digits, half to even.
    static func roundTo(_ count: Int, _ ds: [Int]) -> (carry: Int, digits: [Int]) {
        func go(_ n: Int, _ evenPrev: Bool, _ rest: ArraySlice<Int>) -> (Int, [Int]) {
            guard let first = rest.first else { return (0, [Int](repeating: 0, count: n)) }
            if n == 0 {
                let tail = rest.dropFirst()
                if first == 5 && evenPrev && tail.allSatisfy({ $0 == 0 }) { return (0, []) }
                return (first >= 5 ? 1 : 0, [])
            }
            let (c, tailDigits) = go(n - 1, first % 2 == 0, rest.dropFirst())
            let d = c + first
            if d == 10 { return (1, [0] + tailDigits) }
            return (0, [d] + tailDigits)
        }
        let (c, out) = go(count, true, ds[...])
        return c == 1 ? (1, [1] + out) : (0, out)
    }

    private static func special(_ x: Double) -> String? {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-Infinity" : "Infinity" }
        return nil
    }

    /// `printf "%.<decimals>f"` (or `%f` without precision when `decimals` is nil).
    public static func fixed(_ x: Double, decimals: Int?) -> String {
        if let s = special(x) { return s }
        let negative = x < 0 || (x == 0 && x.sign == .minus)
        let body = fixedMagnitude(abs(x), decimals: decimals)
        return (negative && x != 0 ? "-" : "") + body
    }

    private static func fixedMagnitude(_ x: Double, decimals: Int?) -> String {
        let (ds, e) = digits(x)
        func mk0(_ s: String) -> String { s.isEmpty ? "0" : s }
        guard let dec0 = decimals else {
            if e <= 0 {
                return "0." + String(repeating: "0", count: -e) + ds.map(String.init).joined()
            }
            let chars = ds.map(String.init)
            if chars.count >= e {
                return mk0(chars[..<e].joined()) + "." + mk0(chars[e...].joined())
            }
            return chars.joined() + String(repeating: "0", count: e - chars.count) + ".0"
        }
        let dec = max(dec0, 0)
        if e >= 0 {
            let (ei, rounded) = roundTo(dec + e, ds)
            let chars = rounded.map(String.init)
            let split = min(e + ei, chars.count)
            let ls = chars[..<split].joined(), rs = chars[split...].joined()
            return mk0(ls) + (rs.isEmpty ? "" : "." + rs)
        } else {
            let (ei, rounded) = roundTo(dec, [Int](repeating: 0, count: -e) + ds)
            let all = ei > 0 ? rounded : [0] + rounded
            let head = String(all[0])
            let tail = all.dropFirst().map(String.init).joined()
            return head + (tail.isEmpty ? "" : "." + tail)
        }
    }

    /// `printf "%<width>.<decimals>f"`: right-aligned (left-aligned when `width` is negative).
    public static func fixed(_ x: Double, width: Int, decimals: Int) -> String {
        pad(fixed(x, decimals: decimals), width)
    }

    /// `printf "%<width>d"`: right-aligned (left-aligned when `width` is negative).
    public static func integer(_ n: Int, width: Int) -> String { pad(String(n), width) }

    /// Pads to `width` characters: on the left for positive width, on the right for negative.
    public static func pad(_ s: String, _ width: Int) -> String {
        let n = s.count
        if width >= 0 { return n >= width ? s : String(repeating: " ", count: width - n) + s }
        return n >= -width ? s : s + String(repeating: " ", count: -width - n)
    }

    /// Haskell's `show` of a `Double` (`4.0`, `0.1`, `1.0e-2`, `1.0e7`).
    public static func show(_ x: Double) -> String {
        if let s = special(x) { return s }
        if x < 0 || (x == 0 && x.sign == .minus) { return "-" + show(-x) }
        let (ds, e) = digits(x)
        if e < 0 || e > 7 {
            let e1 = e - 1
            let chars = ds.map(String.init)
            if chars.count == 1 { return chars[0] + ".0e" + String(e1) }
            return chars[0] + "." + chars.dropFirst().joined() + "e" + String(e1)
        }
        return fixed(x, decimals: nil)
    }

    /// `printf "%.<decimals>g"`: fixed notation for 0.1 ≤ |x| < 10⁷, otherwise GHC's exponent form.
    public static func generic(_ x: Double, decimals: Int) -> String {
        if let s = special(x) { return s }
        if x < 0 { return "-" + generic(-x, decimals: decimals) }
        let (ds, e) = digits(x)
        if e < 0 || e > 7 {
            let dec = max(decimals, 1)
            if ds == [0] { return "0." + String(repeating: "0", count: dec) + "e0" }
            let (ei, rounded) = roundTo(dec + 1, ds)
            let used = ei > 0 ? Array(rounded.dropLast()) : rounded
            let head = String(used[0])
            let tail = used.dropFirst().map(String.init).joined()
            return head + "." + tail + "e" + String(e - 1 + ei)
        }
        return fixed(x, decimals: decimals)
    }
}
