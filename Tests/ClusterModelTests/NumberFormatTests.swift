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
}
