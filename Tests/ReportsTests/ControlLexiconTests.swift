import Foundation
import Testing
import Incidents
@testable import Reports

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
                #expect(reader.stems.firstMatch(in: phrase.unicodeScalars.map(\.value)) != nil, "\(status): '\(phrase)' has no stem")
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
            #expect(reader.stems.firstMatch(in: phrase.unicodeScalars.map(\.value)) != nil, "\(status): '\(phrase)' has no stem")
            // A verb reaches the places of a list after it.
            #expect(reader.status(phrase + " kafr nubl et maarrat") == status, "'\(phrase)' does not reach a list")
        }
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
