import Foundation
import GeoCore
import Geodesy

/// Context that helps choose between same-named places.
public struct ResolveContext: Sendable, Hashable {
    /// Prefer places near this point (a place the text mentions nearby, or an analyst's area of interest).
    public var near: Coordinate?
    /// Keys of the first-level division's names the place should lie in (see `Gazetteer.adminKeys(for:)`).
    public var adminKeys: Set<String>
    /// Prefer places in this country (ISO 3166-1 alpha-2); transliteration keys also apply there.
    public var country: String?
    /// Also accept names one edit away from a key (misspellings). Off by default: on a world gazetteer almost
    /// every unknown word is one edit from some place.
    public var allowFuzzy: Bool

    public init(near: Coordinate? = nil, adminKeys: Set<String> = [], country: String? = nil, allowFuzzy: Bool = false) {
        self.near = near
        self.adminKeys = adminKeys
        self.country = country?.uppercased()
        self.allowFuzzy = allowFuzzy
    }
}

/// The scoring of candidates; documented in the README ("How names are ranked"). Scores are comparable only
/// within one query.
///
/// score = match + importance + kind + context, where
/// - match: exact main name 1.00, curated alias 0.97, alternate name 0.90, transliteration key 0.75, one edit 0.45;
/// - importance: 0.25 × log10(1 + population) / 7, capped at 0.25 (10 million inhabitants); populated places
///   only: a district or governorate counts everyone in it, and would otherwise outrank the city it is named after;
/// - a key match that is one of the place's names with an article before it ("al-Midan", "Midan"): + 0.05;
/// - kind: city 0.10, country 0.12, region 0.08, town 0.05, district 0.04, village 0.02, other settlements 0, features −0.02;
/// - context: `near`: + 0.6 × exp(−d / 50 km); `admin` match: + 0.4; `country` match: + 0.4.
public enum PlaceRanking {
    public static let nearTieMargin = 0.05

    /// Added to a key match that is a name of the place written with an article ("al-Midan" for "Midan").
    public static let articleDroppedBonus = 0.05

    public static func matchScore(_ level: MatchLevel) -> Double {
        switch level {
        case .exact: return 1.0
        case .alias: return 0.97
        case .alternate: return 0.90
        case .key: return 0.75
        case .fuzzy: return 0.45
        }
    }

    public static func kindScore(_ kind: PlaceKind) -> Double {
        switch kind {
        case .country: return 0.12
        case .city: return 0.10
        case .region: return 0.08
        case .town: return 0.05
        case .district: return 0.04
        case .village: return 0.02
        case .neighbourhood, .locality: return 0
        // Below a village: a feature shares its name with a village more often than not ("Kuweires"), and the
        // text names the feature with its generic word ("Kuweires airbase"), which steers the reading.
        default: return -0.02
        }
    }

    public static func importance(population: Int) -> Double {
        min(0.25, 0.25 * log10(1 + Double(max(0, population))) / 7)
    }

    static func score(place i: Int, level: MatchLevel, index: NameIndex, context: ResolveContext,
                      adminMatch: (Int) -> Bool) -> (score: Double, distance: Distance?) {
        let kind = index.kind(i)
        let weight = kind == .region || kind == .district ? 0 : Int(index.populations[i])
        var s = matchScore(level) + importance(population: weight) + kindScore(kind)
        var distance: Distance?
        if let near = context.near {
            let d = Geodesic.distance(from: near, to: index.coordinate(i))
            distance = d
            s += 0.6 * exp(-d.kilometers / 50)
        }
        if !context.adminKeys.isEmpty, adminMatch(i) { s += 0.4 }
        if let cc = context.country, index.country(i) == cc { s += 0.4 }
        return (s, distance)
    }
}
