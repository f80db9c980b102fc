import Testing
import GeoCore

@Suite struct ScalarPropertiesTests {
    @Test func asciiRangesAreTheUnicodeProperties() {
        for v in UInt32(0)..<0x180 {
            let c = Unicode.Scalar(v)!
            #expect(c.isWhitespace == c.properties.isWhitespace && c.isUppercase == c.properties.isUppercase
                    && c.isNumeric == (c.properties.numericType != nil)
                    && c.isAlphabetic == c.properties.isAlphabetic, "U+\(String(v, radix: 16))")
        }
    }
}
