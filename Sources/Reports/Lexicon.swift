import Foundation
import Incidents
import GeoCore
import Places

/// The editable lexicons of `Sources/Reports/Lexicon/` (CSV data files, not code): actors with their aliases
/// and roles (actor or source), and event triggers mapped to ACLED event types. Matching is on folded text
/// (case, accents and punctuation ignored), whole words only.
public struct Lexicon: Sendable {
    public struct Alias: Sendable {
        public let canonical: String
        public let folded: String
        public let isSource: Bool
        /// An adjective that names a side only before an event word or another side: "Russian and regime
        /// warplanes", "coalition air strikes", "rebel shells" (not "a Russian-brokered deal").
        public let isModifier: Bool
        /// A short capitalised alias ("IS", "EI") names a side only when written in capitals ("is" is a verb).
        public let needsCapitals: Bool
        /// The folded alias as words, for matching against a sentence's words.
        public let words: [String]

        init(canonical: String, folded: String, isSource: Bool, isModifier: Bool = false, needsCapitals: Bool = false) {
            self.canonical = canonical; self.folded = folded; self.isSource = isSource; self.isModifier = isModifier
            self.needsCapitals = needsCapitals
            words = folded.split(separator: " ").map(String.init)
        }
    }

    public struct Trigger: Sendable {
        public init(folded: String, eventType: String, subEventType: String, subType: String) {
            self.folded = folded; self.eventType = eventType; self.subEventType = subEventType; self.subType = subType
            let split = folded.split(separator: " ").map(String.init)
            words = split.isEmpty ? [""] : split
        }
        public let folded: String
        /// The folded trigger as words (never empty), for matching against a sentence's words.
        public let words: [String]
        public let eventType: String
        public let subEventType: String
        public let subType: String
    }

    public let aliases: [Alias]
    public let triggers: [Trigger]
    /// Positions in `aliases` by the alias's first word, in lexicon order: a sentence's words find the aliases
    /// that may start at them without every alias being looked for.
    public let aliasesByFirstWord: WordTable<[Int]>
    /// Positions in `triggers` by the trigger's first word, in lexicon order.
    public let triggersByFirstWord: WordTable<[Int]>

    static func index(_ phrases: [[String]]) -> WordTable<[Int]> {
        WordTable.grouping(Array(phrases.indices)) { phrases[$0][0] }
    }

    /// The lexicons shipped with geomap.
    public static let standard: Lexicon = {
        guard let actors = Bundle.module.url(forResource: "actors", withExtension: "csv", subdirectory: "Lexicon"),
              let events = Bundle.module.url(forResource: "event_triggers", withExtension: "csv", subdirectory: "Lexicon"),
              let lexicon = try? Lexicon(actors: String(contentsOf: actors, encoding: .utf8), triggers: String(contentsOf: events, encoding: .utf8))
        else { return Lexicon(aliases: [], triggers: []) }
        return lexicon
    }()

    init(aliases: [Alias], triggers: [Trigger]) {
        self.aliases = aliases
        self.triggers = triggers
        aliasesByFirstWord = Self.index(aliases.map(\.words))
        triggersByFirstWord = Self.index(triggers.map(\.words))
    }

    public init(actors: String, triggers: String) throws {
        var a: [Alias] = []
        var it = CSVReader(text: actors).makeIterator()
        let h = CSVHeader(it.next()?.fields ?? [])
        while let r = it.next() {
            guard let c = h.value("canonical", in: r), let alias = h.value("alias", in: r), !NameFolding.fold(alias).isEmpty else { continue }
            let role = h.value("role", in: r)
            let capitals = alias.count <= 3 && alias.unicodeScalars.allSatisfy { $0.properties.isUppercase }
            a.append(Alias(canonical: c, folded: NameFolding.fold(alias), isSource: role == "source", isModifier: role == "modifier", needsCapitals: capitals))
        }
        // Longest first, so "Etat islamique en Irak et au Levant" wins over "Etat islamique".
        aliases = a.sorted { $0.folded.count > $1.folded.count }
        aliasesByFirstWord = Self.index(aliases.map(\.words))
        var t: [Trigger] = []
        var it2 = CSVReader(text: triggers).makeIterator()
        let h2 = CSVHeader(it2.next()?.fields ?? [])
        while let r = it2.next() {
            guard let w = h2.value("trigger", in: r), let et = h2.value("event_type", in: r),
                  let st = h2.value("sub_event_type", in: r), let code = h2.value("sub_type", in: r) else { continue }
            t.append(Trigger(folded: NameFolding.fold(w), eventType: et, subEventType: st, subType: code))
        }
        self.triggers = t.sorted { $0.folded.count > $1.folded.count }
        triggersByFirstWord = Self.index(self.triggers.map(\.words))
    }
}
