import Foundation
import Testing
import GeoCore
@testable import Geoparsing
@testable import Locating

@Suite struct NamedPlaceBeforeTests {
    /// The name before an expression is found after a comma with spaces and tabs around it (or after spaces
    /// alone where asked), as Foundation's trimming of `whitespaces` reads the gap: never across a line break.
    @Test func theGapIsReadAsFoundationTrimsIt() throws {
        let parser = RelativeExpressionParser()
        let gaps = [",", ", ", " , ", "\t,\t", "\u{00A0},\u{2009}", ",\n", "\n,", " ", "", ";", ",,", " ,  ", "\u{3000},"]
        var found = 0
        for gap in gaps {
            for afterSpace in [false, true] {
                let text = "Les habitants de Tall Kantari" + gap + "à 80 km au nord de Raqa ont fui."
                let scalars = Array(text.unicodeScalars)
                let tokens = Tokenizer.tokens(scalars)
                let e = try #require(parser.expressions(in: scalars).first)
                let got = Geoparser.namedPlaceBefore(e, tokens: tokens, scalars: scalars, afterSpace: afterSpace)
                // What the words before say, read with Foundation.
                let last = try #require(tokens.lastIndex { $0.range.upperBound <= e.span.lowerBound })
                let trimmed = String(String.UnicodeScalarView(scalars[tokens[last].range.upperBound..<e.span.lowerBound]))
                    .trimmingCharacters(in: .whitespaces)
                let expected = trimmed == "," || (afterSpace && trimmed.isEmpty)
                #expect((got != nil) == expected, "gap \(gap.unicodeScalars.map { String($0.value, radix: 16) })")
                if let got, !gap.isEmpty { #expect(got.text == "Tall Kantari"); found += 1 }
            }
        }
        #expect(found >= 12)
    }
}
