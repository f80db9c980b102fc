import Testing
@testable import GeoCore

@Suite struct JSONTests {
    @Test func keepsKeyOrderAndRoundTrips() throws {
        let text = #"{"zeta":1,"alpha":[true,false,null],"mid":{"b":"x\"y\\z\n","a":-0.5},"u":"\u00e9\ud83d\ude00"}"#
        let v = try JSONReader.parse(text)
        #expect(v.objectValue?.keys == ["zeta", "alpha", "mid", "u"])
        #expect(v["u"]?.stringValue == "é😀")
        #expect(v["mid"]?["b"]?.stringValue == "x\"y\\z\n")
        let written = JSONWriter.string(v)
        #expect(try JSONReader.parse(written) == v)
        #expect(written.hasPrefix(#"{"zeta":1,"alpha""#))
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        do {
            _ = try JSONReader.parse("{\"a\": 1,\n \"b\": x}")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 7)
            #expect(error.description.contains("line 2, column 7"))
        }
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse("[1,]") }
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse("{\"a\":1} x") }
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse("{\"a\":1,\"a\":2}") }
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse("\"unterminated") }
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse("01") }
    }

    @Test func numbersAreWrittenWithoutExponentsOrNeedlessDigits() {
        #expect(JSONWriter.numberText(80) == "80")
        #expect(JSONWriter.numberText(39.00788) == "39.00788")
        #expect(JSONWriter.numberText(0.000001) == "0.000001")
        #expect(JSONWriter.numberText(-0.0) == "0")
        #expect(JSONWriter.numberText(.nan) == "null")
    }
}
