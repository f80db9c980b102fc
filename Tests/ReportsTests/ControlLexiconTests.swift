import Foundation
import Testing
import GeoCore
import Incidents
import Patterns
@testable import Reports
import TestSupport

/// The control patterns and verbs are data (`Lexicon/control_patterns.csv`, `control_verbs.csv`); the gates that
/// skip sentences (a gate word among the sentence's words, a stem in its fold) must let through every sentence
/// a pattern or a verb could match, whatever the files say.
@Suite struct ControlLexiconTests {
    /// The alternatives of a pattern's leading group `(?:a|b|…)`: the verb phrases a match starts with.
    static func leadingAlternatives(_ pattern: String) -> [String] {
        guard pattern.hasPrefix("(?:"), let close = pattern.firstIndex(of: ")") else { return [] }
        return pattern[pattern.index(pattern.startIndex, offsetBy: 3)..<close].split(separator: "|").map(String.init)
    }

    @Test func everyPatternAlternativePassesBothGates() {
        let reader = ControlReader.standard
        #expect(reader.patterns.count == ControlStatus.allCases.count)
        var checked = 0
        for (status, _) in reader.patterns {
            let source = WordLists.standard.controlPatterns.first { $0.status == status }!.pattern
            let alternatives = Self.leadingAlternatives(source)
            #expect(!alternatives.isEmpty, "\(status): the pattern opens with no (?:…|…) group")
            for phrase in alternatives {
                let words = phrase.split(separator: " ").map(String.init)
                #expect(words.contains { reader.gateWords.contains($0) }, "\(status): '\(phrase)' has no gate word")
                #expect(reader.stems.occurs(in: phrase.unicodeScalars.map(\.value)), "\(status): '\(phrase)' has no stem")
                // And the pattern itself reads the phrase before a place.
                #expect(reader.status(phrase + " de") != nil || reader.status(phrase) != nil, "'\(phrase)' gives no status")
                checked += 1
            }
        }
        #expect(checked > 40)
    }

    @Test func everyVerbPassesBothGates() {
        let reader = ControlReader.standard
        for (words, status) in reader.verbs {
            let phrase = words.joined(separator: " ")
            #expect(reader.gateWords.contains(words[0]), "\(status): '\(phrase)' does not open with a gate word")
            #expect(reader.stems.occurs(in: phrase.unicodeScalars.map(\.value)), "\(status): '\(phrase)' has no stem")
            // A verb reaches the places of a list after it.
            #expect(reader.status(phrase + " kafr nubl et maarrat") == status, "'\(phrase)' does not reach a list")
        }
    }

    /// The stem gate finds a stem exactly where the regular expression of the stems, `(?:a|b|…)(?![a-z0-9])`,
    /// matches: in the folded sentences of the dev corpus (the texts before each place are prefixes of them) and
    /// in random texts built from pieces of stems, letters, digits, accents, apostrophes and punctuation.
    @Test func stemGateAgreesWithTheStemsRegularExpression() throws {
        let stems = WordLists.standard.controlStems
        let regex = try ScalarRegex("(?:" + stems.joined(separator: "|") + ")(?![a-z0-9])")
        let gate = try #require(WordEndSuffixes(stems))
        var texts: [[UInt32]] = []
        let dev = TestData.shared.appendingPathComponent("corpus/dev")
        for file in try FileManager.default.contentsOfDirectory(atPath: dev.path).sorted() where file.hasSuffix(".txt") {
            let text = try String(contentsOf: dev.appendingPathComponent(file), encoding: .utf8)
            for sentence in text.split(whereSeparator: { $0 == "." || $0 == "\n" }) {
                let folded = Array(EventExtractor.fold(Array(sentence.unicodeScalars)[...]).unicodeScalars.map(\.value))
                // Every prefix ending at a space: what `status` is asked with before a place.
                texts += folded.indices.filter { folded[$0] == 0x20 }.map { Array(folded[..<$0]) }
            }
        }
        var rng = SplitMix64(seed: 24)
        let pieces = stems.flatMap { [$0, String($0.dropFirst()), String($0.dropLast()), "re" + $0, $0 + "s"] }
            + ["a", "e", "z", "7", "0", " ", " ", ",", "'", "-", "é", "É", "\u{0661}", "ـ", "C", "\n", "_"]
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...6, using: &rng)
            texts.append((0..<n).flatMap { _ in pieces.randomElement(using: &rng)!.unicodeScalars.map(\.value) })
        }
        var found = 0
        for t in texts {
            let expected = regex.firstMatch(in: t) != nil
            #expect(gate.occurs(in: t) == expected, "'\(String(String.UnicodeScalarView(t.compactMap(Unicode.Scalar.init))))'")
            if expected { found += 1 }
        }
        // Both answers are asked about many times.
        #expect(texts.count > 20_000 && found > 1_000 && texts.count - found > 1_000, "\(found) of \(texts.count)")
        #expect(WordEndSuffixes(["took", "pris le"]) == nil && WordEndSuffixes(["Took"]) == nil && WordEndSuffixes([""]) == nil)
    }

    /// Every list the event reader uses is in the data file and not empty.
    @Test func wordListsAreLoaded() {
        let l = WordLists.standard
        #expect(l.numbers["quinze"] == 15 && l.numbers["dozens"] == 12)
        #expect(l.killWords.contains("tues") && l.notCounts.contains("blesses") && l.weekdays["mardi"] == 3)
        #expect(l.months["avr"] == 4 && l.yesterdayPhrases.contains(["la", "veille"]) && l.nightOf == "nuit de")
        #expect(!l.deathPhrases.isEmpty && !l.controlStems.isEmpty && !l.controlGate.isEmpty && l.checkpoint.contains("poste"))
    }
}
