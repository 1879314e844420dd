/// Number formatting exactly as GHC's `printf` and `show` render `Double` and `Int`.
///
/// GHC rounds the shortest round-trip decimal digits (half to even on those digits),
/// not the exact binary value as C's printf does, so `%.2f` of 2.675 is `2.68` here.
public enum HaskellNumberFormat {
    /// Shortest decimal digits of a finite, non-negative `x` with `x = 0.d₁d₂… × 10^exponent` (GHC's `floatToDigits`).
    public static func digits(_ x: Double) -> (digits: [Int], exponent: Int) {
        if x == 0 { return ([0], 0) }
        // Swift's description is the shortest round-trip form too: "d.ddd" or "d.ddde±x".
        var all: [Int] = []
        var intCount = 0, exp10 = 0, seenDot = false
        var text = x.description
        text.withUTF8 { bytes in
            var k = 0
            while k < bytes.count {
                let b = bytes[k]
                if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                    var sign = 1, v = 0
                    k += 1
                    if k < bytes.count && (bytes[k] == UInt8(ascii: "-") || bytes[k] == UInt8(ascii: "+")) {
                        sign = bytes[k] == UInt8(ascii: "-") ? -1 : 1
                        k += 1
                    }
                    while k < bytes.count { v = v * 10 + Int(bytes[k] &- UInt8(ascii: "0")); k += 1 }
                    exp10 = sign * v
                    break
                }
                if b == UInt8(ascii: ".") {
                    seenDot = true
                } else if b &- UInt8(ascii: "0") < 10 {
                    all.append(Int(b &- UInt8(ascii: "0")))
                    if !seenDot { intCount += 1 }
                }
                k += 1
            }
        }
        var pointPos = intCount + exp10
        var lead = 0
        while lead < all.count - 1 && all[lead] == 0 { lead += 1 }
        pointPos -= lead
        var end = all.count
        while end > lead + 1 && all[end - 1] == 0 { end -= 1 }
        return (Array(all[lead..<end]), pointPos)
    }

    /// GHC's `roundTo` in base 10: rounds a digit list to `count` digits, half to even.
    static func roundTo(_ count: Int, _ ds: [Int]) -> (carry: Int, digits: [Int]) {
        var out = [Int](repeating: 0, count: count)
        guard ds.count > count else {
            for i in 0..<ds.count { out[i] = ds[i] }
            return (0, out)
        }
        for i in 0..<count { out[i] = ds[i] }
        // The first dropped digit decides; exactly half rounds to even (the kept digit before it, or up to 0).
        let x = ds[count]
        let evenBefore = count == 0 || ds[count - 1] % 2 == 0
        var carry = x == 5 && evenBefore && ds[(count + 1)...].allSatisfy({ $0 == 0 }) ? 0 : (x >= 5 ? 1 : 0)
        var i = count - 1
        while carry == 1 && i >= 0 {
            if out[i] == 9 { out[i] = 0 } else { out[i] += 1; carry = 0 }
            i -= 1
        }
        return carry == 1 ? (1, [1] + out) : (0, out)
    }

    /// Decimal digits as text.
    static func text<C: Collection>(_ ds: C) -> String where C.Element == Int {
        String(decoding: ds.map { UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)
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
                return "0." + String(repeating: "0", count: -e) + text(ds)
            }
            if ds.count >= e {
                return mk0(text(ds[..<e])) + "." + mk0(text(ds[e...]))
            }
            return text(ds) + String(repeating: "0", count: e - ds.count) + ".0"
        }
        let dec = max(dec0, 0)
        if e >= 0 {
            let (ei, rounded) = roundTo(dec + e, ds)
            let split = min(e + ei, rounded.count)
            let ls = text(rounded[..<split]), rs = text(rounded[split...])
            return mk0(ls) + (rs.isEmpty ? "" : "." + rs)
        } else {
            let (ei, rounded) = roundTo(dec, [Int](repeating: 0, count: -e) + ds)
            let all = ei > 0 ? rounded : [0] + rounded
            let head = text(all[..<1])
            let tail = text(all.dropFirst())
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
