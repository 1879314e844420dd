import XCTest
import ClusterModel

/// GHC's number formatting, which differs from C's printf.
final class NumberFormatTests: XCTestCase {
    func testFixedRoundsShortestDigitsHalfToEven() {
        XCTAssertEqual(HaskellNumberFormat.fixed(0.125, decimals: 2), "0.12")
        XCTAssertEqual(HaskellNumberFormat.fixed(0.375, decimals: 2), "0.38")
        XCTAssertEqual(HaskellNumberFormat.fixed(2.675, decimals: 2), "2.68")   // C prints 2.67
        XCTAssertEqual(HaskellNumberFormat.fixed(4.0625, decimals: 8), "4.06250000")
        XCTAssertEqual(HaskellNumberFormat.fixed(16384, decimals: 0), "16384")
        XCTAssertEqual(HaskellNumberFormat.fixed(0.99999, decimals: 2), "1.00")
        XCTAssertEqual(HaskellNumberFormat.fixed(-0.5, decimals: 3), "-0.500")
        XCTAssertEqual(HaskellNumberFormat.fixed(.nan, decimals: 3), "NaN")
        XCTAssertEqual(HaskellNumberFormat.fixed(1.0, decimals: nil), "1.0")
    }

    func testShowAndGeneric() {
        XCTAssertEqual(HaskellNumberFormat.show(4.0), "4.0")
        XCTAssertEqual(HaskellNumberFormat.show(0.1), "0.1")
        XCTAssertEqual(HaskellNumberFormat.show(0.01), "1.0e-2")
        XCTAssertEqual(HaskellNumberFormat.show(1.0e7), "1.0e7")
        XCTAssertEqual(HaskellNumberFormat.generic(0, decimals: 6), "0.000000")
        XCTAssertEqual(HaskellNumberFormat.generic(1e-9, decimals: 6), "1.000000e-9")
        XCTAssertEqual(HaskellNumberFormat.integer(7, width: 3), "  7")
        XCTAssertEqual(HaskellNumberFormat.pad("ab", -4), "ab  ")
    }

    func testFixedAgreesWithTheStringBuiltFormatting() {
        var rng = SystemRandomNumberGenerator()
        var values: [Double] = [0, 1, 0.5, 2.675, 9.9999999995, 99.999999995, 0.000000005, 1e-300, 1e300, 123456789.987654321,
                                5e-324, .greatestFiniteMagnitude, 0.1, 0.25, 1.5, 2.5, 0.045, 1e22, 1e23]
        for _ in 0..<4000 {
            let kind = Int.random(in: 0..<3, using: &rng)
            switch kind {
            case 0: values.append(Double.random(in: 0..<1000, using: &rng))
            case 1: values.append(Double(Int.random(in: 0..<100_000, using: &rng)) / 1000)
            default: values.append(Double(bitPattern: UInt64.random(in: 0..<0x7FF0_0000_0000_0000, using: &rng)))
            }
        }
        for x in values {
            for decimals in [nil, 0, 1, 2, 3, 6, 8, 12] as [Int?] {
                XCTAssertEqual(HaskellNumberFormat.fixed(x, decimals: decimals),
                               StringBuiltFormat.fixed(x, decimals: decimals), "\(x) \(String(describing: decimals))")
            }
            let (d1, e1) = HaskellNumberFormat.digits(x), (d2, e2) = StringBuiltFormat.digits(x)
            XCTAssertEqual(d1, d2, "\(x)")
            XCTAssertEqual(e1, e2, "\(x)")
        }
    }
}

/// The formatting before it worked on bytes (string-built digits, recursive `roundTo`), kept as a reference.
private enum StringBuiltFormat {
    static func digits(_ x: Double) -> (digits: [Int], exponent: Int) {
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

    /// `printf "%.<decimals>f"` (or `%f` without precision when `decimals` is nil).
    static func fixed(_ x: Double, decimals: Int?) -> String {
        if x.isNaN || x.isInfinite { return x.description }
        let negative = x < 0 || (x == 0 && x.sign == .minus)
        let body = fixedMagnitude(abs(x), decimals: decimals)
        return (negative && x != 0 ? "-" : "") + body
    }

    static func fixedMagnitude(_ x: Double, decimals: Int?) -> String {
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

}
