import Foundation
import GeoCore

/// The generic words that name a feature's kind around its name: "the Tabqa dam", "barrage de Tabqa",
/// "Kuweires airbase", "l'aéroport militaire de Kuweires", "Mount Hermon", "the Bab al-Hawa crossing".
/// Read from `Lexicon/feature_words.csv` (`kind,position,words`: folded words; `before` words stand before the
/// name, with or without "de"/"of" between, `after` words after it).
public struct FeatureWords: Sendable {
    /// Phrases (as folded words) by position, each with the kinds it names, longest first.
    let before: [(words: [String], kinds: Set<PlaceKind>)]
    let after: [(words: [String], kinds: Set<PlaceKind>)]
    /// Words that may join a `before` phrase to the name: "barrage de Tabqa", "the dam of …".
    public static let connectors: Set<String> = ["de", "du", "des", "d", "of", "al", "el"]

    public static let standard: FeatureWords = {
        do { return try FeatureWords(bundle: .module) } catch {
            preconditionFailure("geomap's feature word list is missing or broken: \(error)")
        }
    }()

    public struct LoadError: Error, CustomStringConvertible { public let description: String }

    init(bundle: Bundle) throws {
        guard let url = bundle.url(forResource: "feature_words", withExtension: "csv", subdirectory: "Lexicon") else {
            throw LoadError(description: "Lexicon/feature_words.csv is not in the bundle")
        }
        var it = CSVReader(text: try String(contentsOf: url, encoding: .utf8)).makeIterator()
        let header = CSVHeader(it.next()?.fields ?? [])
        var before: [[String]: Set<PlaceKind>] = [:], after: [[String]: Set<PlaceKind>] = [:]
        while let r = it.next() {
            guard let k = header.value("kind", in: r), let kind = PlaceKind(rawValue: k), kind.isFeature else {
                throw LoadError(description: "feature_words.csv line \(r.line): unknown feature kind '\(header.value("kind", in: r) ?? "")'")
            }
            let words = NameFolding.fold(header.value("words", in: r) ?? "").split(separator: " ").map(String.init)
            guard !words.isEmpty else { throw LoadError(description: "feature_words.csv line \(r.line): no words") }
            switch header.value("position", in: r) {
            case "before": before[words, default: []].insert(kind)
            case "after": after[words, default: []].insert(kind)
            default: throw LoadError(description: "feature_words.csv line \(r.line): position is 'before' or 'after'")
            }
        }
        func ordered(_ d: [[String]: Set<PlaceKind>]) -> [(words: [String], kinds: Set<PlaceKind>)] {
            d.map { ($0.key, $0.value) }.sorted { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.words.lexicographicallyPrecedes($1.words) }
        }
        self.before = ordered(before)
        self.after = ordered(after)
        beforeEnds = Set(before.keys.compactMap(\.last))
        afterStarts = Set(after.keys.compactMap(\.first))
    }

    /// The last word of some `before` phrase and the first of some `after` phrase: a name with neither beside it
    /// (nearly every name) needs no phrase compared.
    public let beforeEnds: Set<String>
    public let afterStarts: Set<String>

    /// The kinds named by the words right before a name (folded, nearest last), and how many words they take;
    /// `elided` when the name carries a French elision ("barrage d'Al-Assad" counts as "barrage de").
    public func kinds(before words: ArraySlice<String>, elided: Bool = false) -> (kinds: Set<PlaceKind>, count: Int)? {
        var ws = words
        var connector = 0
        if !elided, let last = ws.last, Self.connectors.contains(last) { ws = ws.dropLast(); connector = 1 }
        for p in self.before where ws.count >= p.words.count && ws.suffix(p.words.count).elementsEqual(p.words) {
            return (p.kinds, p.words.count + connector)
        }
        return nil
    }

    /// The kinds named by the words right after a name (folded, nearest first), and how many words they take.
    public func kinds(after words: ArraySlice<String>) -> (kinds: Set<PlaceKind>, count: Int)? {
        for p in self.after where words.count >= p.words.count && words.prefix(p.words.count).elementsEqual(p.words) {
            return (p.kinds, p.words.count)
        }
        return nil
    }

    /// A name written with each generic word of these kinds, after it and before it ("Sajur" → "Sajur dam",
    /// "dam Sajur", "Sajur barrage", "barrage Sajur"…), for features whose names carry the word.
    public func names(_ name: String, kinds: Set<PlaceKind>) -> [String] {
        var out: [String] = []
        for p in after where !p.kinds.isDisjoint(with: kinds) { out.append(name + " " + p.words.joined(separator: " ")) }
        for p in before where !p.kinds.isDisjoint(with: kinds) { out.append(p.words.joined(separator: " ") + " " + name) }
        return out
    }

    /// A feature's name without the generic word of its kind ("Tabqa Dam" → "tabqa", "Jabal Bishri" → "bishri",
    /// "Al-Shaer gas field" → "al shaer"), folded; nil when the name has none or nothing is left.
    public func core(of name: String, kind: PlaceKind) -> String? {
        let words = NameFolding.fold(name).split(separator: " ").map(String.init)
        for p in after where p.kinds.contains(kind) && words.count > p.words.count && words.suffix(p.words.count).elementsEqual(p.words) {
            return words.dropLast(p.words.count).joined(separator: " ")
        }
        for p in before where p.kinds.contains(kind) && words.count > p.words.count && words.prefix(p.words.count).elementsEqual(p.words) {
            var rest = words.dropFirst(p.words.count)
            if let c = rest.first, Self.connectors.contains(c), rest.count > 1, c != "al", c != "el" { rest = rest.dropFirst() }
            return rest.joined(separator: " ")
        }
        return nil
    }
}
