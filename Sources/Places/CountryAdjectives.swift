import Foundation

/// Country adjectives as reports write them before "border" or after "frontière" ("the Turkish border", "la
/// frontière irakienne", "la frontière syro-turque"), read from `Lexicon/country_adjectives.csv`
/// (`word,country`: a folded word and an ISO 3166-1 alpha-2 code).
public enum CountryAdjectives {
    static let countries = LexiconWords.foldedMap("country_adjectives", value: "country", in: .module)

    /// The countries an adjective names, in order: one for "turque", two for "syro-turque"; empty when a part
    /// of it is no country adjective.
    public static func countries(of adjective: String) -> [String] {
        let parts = NameFolding.fold(adjective).split(whereSeparator: { $0 == "-" || $0 == " " }).map(String.init)
        let found = parts.compactMap { countries[$0] }
        return found.count == parts.count ? found : []
    }

    /// The two sides of the border "the <adjective> border" names, seen from `side` (the document's country):
    /// "turque" from Syria is Turkey across, Syria this side; "syro-turque" the same with no document country;
    /// "turque" with none is Turkey with no side. Nil when the adjective names no country but `side`.
    public static func across(_ adjective: String, side: String?) -> (neighbour: String, side: String?)? {
        let named = countries(of: adjective)
        switch named.count {
        case 1: return named[0] == side ? nil : (named[0], side)
        case 2...:
            if let side, named.contains(side) { return named.first { $0 != side }.map { ($0, side) } }
            return named[0] == named[1] ? nil : (named[1], named[0])
        default: return nil
        }
    }
}
