import Foundation
import Testing
import Patterns
import TestSupport
@testable import Locating

/// The parser runs its patterns only in windows around trigger words, from a distance's first word to the last
/// key word of each window: what it finds must be what every pattern finds over the whole text.
@Suite struct ExpressionWindowTests {
    let parser = RelativeExpressionParser()

    /// Every pattern over the whole text, overlaps resolved as the parser resolves them.
    static func wholeTextExpressions(_ text: String) -> [RelativeExpression] {
        let folded = FoldedText(Array(text.unicodeScalars))
        var found: [(match: ScalarMatch, pattern: Int)] = []
        folded.folded.withUnsafeBufferPointer { s in
            for (p, pattern) in RelativeExpressionParser.patterns.enumerated() {
                for m in pattern.regex.matches(in: s, range: 0..<s.count) { found.append((m, p)) }
            }
        }
        return RelativeExpressionParser.resolved(found, in: folded)
    }

    static func describe(_ e: RelativeExpression) -> String {
        "\(e.form) \(e.span) «\(e.text)» \(String(describing: e.distance)) \(String(describing: e.direction)) "
            + "\(e.anchorWords.map(\.text)) \(e.anchorType ?? "-") \(e.negative) \(e.needsNamedPlace) \(e.outskirts)"
    }

    /// Pieces of distance phrases, directions, proximity and border words, names and punctuation, in English and
    /// French, glued or spaced: none is a sentence of the dev corpus.
    static let pieces: [String] = [
        "25", "2.5", "2,5", "140", "(12", "-7", "vingt-cinq", "quatre-vingts", "twenty", "five", "trente", "et", "and",
        "to", "a", "à", "entre", "between", "about", "approximativement", "an estimated", "more than", "plus de",
        "près d'", "une quinzaine", "a dozen", "dozens", "de", "d'", "of", "km", "kms", "kilomètres", "kilometers",
        "miles", "mi", "m", "500m", "30km", "metres", "north", "south-east", "NNE", "NO", "S", "nord-ouest", "au",
        "à l'est", "au sud", "plus au nord", "to the west", "further", "of the town of", "de la ville de", "du",
        "northern", "countryside", "outskirts", "on the outskirts of", "near", "close to", "aux abords de",
        "dans les environs de", "dans la campagne", "dans le", "in the", "across the", "'s", "the Turkish border",
        "la frontière turque", "along the border with", "Raqqa", "Ma'arrat", "Deir ez-Zor", "Tall Abyad", "Kobanê",
        "Harasta", "al-Bab", "Jisr", "Shughur", "the", "said", "clashes", "killed", "(", ")", ",", ".", ";", "«", "»",
        "\n", "x", "villagekm", "apres", "Idlib's", "southern",
    ]

    static func randomText(_ rng: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 4...60, using: &rng) {
            text += pieces.randomElement(using: &rng)!
            text += Int.random(in: 0..<6, using: &rng) == 0 ? "" : " "
        }
        return text
    }

    @Test func windowsFindWhatTheWholeTextScanFinds() throws {
        var rng = SplitMix64(seed: 24)
        var compared = 0, withExpressions = 0
        for _ in 0..<4_000 {
            let text = Self.randomText(&rng)
            let windowed = parser.expressions(in: text).map(Self.describe)
            let whole = Self.wholeTextExpressions(text).map(Self.describe)
            #expect(windowed == whole, "\(text)")
            compared += 1
            if !whole.isEmpty { withExpressions += 1 }
        }
        // The texts exercise the grammar: most hold at least one expression.
        #expect(withExpressions > compared / 2)
    }

    @Test func windowsFindWhatTheWholeTextScanFindsInTheCorpora() throws {
        let dev = TestData.shared.appendingPathComponent("corpus/dev")
        let files = try FileManager.default.contentsOfDirectory(atPath: dev.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count > 10)
        var total = 0
        for name in files + ["../000_b936dedbd59c1222.txt"] {
            let text = try String(contentsOf: dev.appendingPathComponent(name), encoding: .utf8)
            let windowed = parser.expressions(in: text).map(Self.describe)
            #expect(windowed == Self.wholeTextExpressions(text).map(Self.describe), "\(name)")
            total += windowed.count
        }
        #expect(total > 50)
    }

    /// The scan back from a unit passes over a distance's words and stops at the first other word or sign.
    @Test(arguments: [
        ("clashes approximativement entre vingt-cinq et trente kilometres", "kilometres", "clashes"),
        ("said (12 km", "km", "("), ("the town some 2,5 km", "km", "town"), ("villagekm", "km", "village"),
        ("shelling about twenty-five miles", "miles", "shelling"), ("tirs à une quinzaine de km", "km", "tirs"),
        ("Raqqa: 80km", "km", ":"),
    ])
    func theDistancePhraseStartsAfterTheFirstOtherWord(_ text: String, _ unit: String, _ stop: String) {
        let scalars = Array(text.unicodeScalars)
        func offset(_ r: Range<String.Index>) -> Int { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound) }
        let unitStart = offset(text.range(of: unit, options: .backwards)!)
        let start = FoldedText(scalars).folded.withUnsafeBufferPointer { RelativeExpressionParser.distancePhraseStart(before: unitStart, in: $0) }
        #expect(start == offset(text.range(of: stop)!), "\(text)")
    }
}
