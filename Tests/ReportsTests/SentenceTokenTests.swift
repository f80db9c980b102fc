import Foundation
import Testing
import GeoCore
@testable import Reports
import TestSupport

@Suite struct SentenceTokenTests {
    /// A token's words read directly (ASCII without apostrophes) are those of its fold: every token of the dev
    /// corpus and the seed report, tokens written to catch the edges, and random ASCII ones.
    @Test func tokenWordsAreTheWordsOfTheFold() throws {
        let dev = TestData.shared.appendingPathComponent("corpus/dev")
        var texts = try FileManager.default.contentsOfDirectory(atPath: dev.path).filter { $0.hasSuffix(".txt") }
            .map { try String(contentsOf: dev.appendingPathComponent($0), encoding: .utf8) }
        texts.append(try String(contentsOf: TestData.shared.appendingPathComponent("corpus/000_b936dedbd59c1222.txt"), encoding: .utf8))
        var tokens = texts.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        tokens += ["(Idlib),", "A'zaz", "d'Idleb", "l`est", "3-4", "U.S.", "--", "-", "al-Bab;", "KM", "10km.", "Ma'arrat",
                   "qu'il", "«Raqqa»", "x" + String(repeating: "y", count: 80), "\"ISIS\"", "Deir-ez-Zor's", "(SOHR)."]
        var rng = SplitMix64(seed: 24)
        let alphabet = Array("abcXYZ019-.,;:()'`\"/".unicodeScalars)
        for _ in 0..<3_000 {
            let n = 1 + Int(rng.uniform(0, 12))
            tokens.append(String(String.UnicodeScalarView((0..<n).map { _ in alphabet[Int(rng.uniform(0, Double(alphabet.count) - 0.001))] })))
        }
        var direct = 0
        for t in tokens {
            let scalars = Array(t.unicodeScalars)[...]
            #expect(SentenceTokens.words(ofToken: scalars) == SentenceTokens.foldedWords(ofToken: scalars), "\(t)")
            if t.unicodeScalars.allSatisfy({ $0.isASCII && $0 != "'" && $0 != "`" }) { direct += 1 }
        }
        #expect(tokens.count > 5_000 && direct > tokens.count / 2)
    }

    /// The punctuation a token ends with is found on ASCII without Unicode properties: the same mark as by the
    /// properties (letters and numbers end the search) for every token of up to two ASCII code points and for
    /// tokens with a non-ASCII letter or digit before them.
    @Test func trailingPunctuationOfASCIIIsThatOfUnicodeProperties() {
        func byProperties(_ token: [Unicode.Scalar]) -> Unicode.Scalar? {
            for s in token.reversed() {
                if ",;:)(".unicodeScalars.contains(s) { return s }
                if s.properties.isAlphabetic || s.properties.numericType != nil { return nil }
            }
            return nil
        }
        let ascii: [Unicode.Scalar] = (0..<128).map { Unicode.Scalar(UInt8($0)) }
        var tokens: [[Unicode.Scalar]] = ascii.map { [$0] }
        for a in ascii { for b in ascii { tokens.append([a, b]) } }
        for lead: Unicode.Scalar in ["é", "\u{0663}", "\u{00B7}"] { for b in ascii { tokens.append([lead, b]) } }
        var marks = 0
        for t in tokens {
            let found = SentenceTokens.punctuation(t[...])
            #expect(found == byProperties(t), "\(t.map(\.value))")
            if found != nil { marks += 1 }
        }
        #expect(tokens.count > 16_000 && marks > 500, "\(marks) marks")
    }

    /// A sentence split token by token has the words of the whole sentence folded: folding never joins or splits
    /// across white space, so the extractor's gate and its reading see the same words. Every sentence of the dev
    /// corpus and the seed report, and random sentences of tokens that put apostrophes, accents, Arabic letters
    /// and other white space (no-break space, tab, line break) at the tokens' edges.
    @Test func aSentenceSplitByTokensHasTheWordsOfItsFold() throws {
        let dev = TestData.shared.appendingPathComponent("corpus/dev")
        var texts = try FileManager.default.contentsOfDirectory(atPath: dev.path).filter { $0.hasSuffix(".txt") }
            .map { try String(contentsOf: dev.appendingPathComponent($0), encoding: .utf8) }
        texts.append(try String(contentsOf: TestData.shared.appendingPathComponent("corpus/000_b936dedbd59c1222.txt"), encoding: .utf8))
        var rng = SplitMix64(seed: 2405)
        let pieces = ["s'est", "qu'il", "'", "’", "A'zaz", "d'Idleb", "l’EI", "é", "e\u{301}", "Ḥalab", "الرقة", "n'", "'s",
                      "-", "Raqqa,", "(SOHR)", "ISIL;", "10km", "Ma`arrat", "U.S.", "«", "»", "\u{00A0}", "q", "u", "t'"]
        let spaces = [" ", "  ", "\t", "\n", "\u{00A0}", "\u{2009}"]
        for _ in 0..<2_000 {
            let n = 1 + Int(rng.uniform(0, 10))
            texts.append((0..<n).map { _ in
                pieces[Int(rng.uniform(0, Double(pieces.count) - 0.001))] + (rng.uniform(0, 1) < 0.3 ? pieces[Int(rng.uniform(0, Double(pieces.count) - 0.001))] : "")
                    + spaces[Int(rng.uniform(0, Double(spaces.count) - 0.001))]
            }.joined())
        }
        var sentences = 0
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            for s in EventExtractor.sentences(scalars) {
                sentences += 1
                #expect(SentenceTokens.tokenize(scalars, s).words == EventExtractor.words(of: EventExtractor.fold(scalars[s])),
                        "\(String(String.UnicodeScalarView(scalars[s])).debugDescription)")
            }
        }
        #expect(sentences > 2_500)
    }
}
