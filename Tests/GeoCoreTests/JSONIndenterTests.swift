import Foundation
import Testing
import GeoCore
import TestSupport

/// Indented JSON written straight from compact text must be what the value's writer writes for the value the
/// text holds: the pretty output of `geomap extract` is made so.
@Suite struct JSONIndenterTests {
    static func randomValue(_ rng: inout SplitMix64, depth: Int = 0) -> JSONValue {
        let pick = Int(rng.uniform(0, depth > 3 ? 4 : 7))
        switch pick {
        case 0:
            let numbers: [Double] = [0, -0.0, 1, -17, 36.123456, 1e21, 2.5e-7, 123456789.123, -0.000001, 1.0 / 3, 1e15, 4503599627370497]
            return .number(rng.uniform(0, 1) < 0.5 ? numbers[Int(rng.uniform(0, Double(numbers.count)))] : rng.uniform(-200, 200))
        case 1:
            let pieces = ["a", "é", "\"", "\\", "\n", "\t", "\u{1}", "/", "\u{2028}", "Ḩalab", "الرقة", "🙂", " ", "x"]
            return .string((0..<Int(rng.uniform(0, 6))).map { _ in pieces[Int(rng.uniform(0, Double(pieces.count)))] }.joined())
        case 2: return rng.uniform(0, 1) < 0.5 ? .bool(rng.uniform(0, 1) < 0.5) : .null
        case 3: return .array((0..<Int(rng.uniform(0, 4))).map { _ in .number(rng.uniform(-180, 180)) })
        case 4: return .array((0..<Int(rng.uniform(0, 4))).map { _ in randomValue(&rng, depth: depth + 1) })
        default:
            var o: [(String, JSONValue)] = []
            for k in 0..<Int(rng.uniform(0, 4)) { o.append(("k\(k)\(rng.uniform(0, 1) < 0.2 ? "\"é" : "")", randomValue(&rng, depth: depth + 1))) }
            return .object(JSONObject(o))
        }
    }

    @Test func indentedFromTheTextIsTheValuesIndentedText() throws {
        var rng = SplitMix64(seed: 2024)
        for _ in 0..<3_000 {
            let value = Self.randomValue(&rng)
            var compact = OutputBuffer()
            JSONBytes.appendValue(value, to: &compact)
            // Line feeds between items, as the extraction's compact documents have them.
            let spaced = compact.bytes.flatMap { $0 == 0x2C && rng.uniform(0, 1) < 0.3 ? [0x2C, 0x0A] : [$0] }
            for text in [compact.bytes, spaced] {
                let read = try JSONReader.parse(text)
                var expected = OutputBuffer()
                JSONBytes.appendValue(read, to: &expected, indent: 0)
                var indented = OutputBuffer()
                #expect(JSONIndenter.indented(text, to: &indented))
                #expect(indented.bytes == expected.bytes, "\(String(decoding: text, as: UTF8.self))")
            }
        }
    }

    @Test func textThatIsNotOneValueIsRefused() {
        for bad in ["", "{", "[1,2", #"{"a" 1}"#, #"{"a":1}x"#, "[1,,2]", "tru", #""open"#, "1e999"] {
            var out = OutputBuffer()
            #expect(!JSONIndenter.indented(Array(bad.utf8), to: &out), "\(bad)")
        }
    }
}
