import Foundation
import GeoCore

/// One answer to "which place is this name?".
public struct PlaceCandidate: Sendable {
    public let place: Place
    public let score: Double
    public let level: MatchLevel
    /// The name variant (or, for key and fuzzy matches, the key) that matched.
    public let matched: String
    /// Distance from the `near` context point, when one was given.
    public let distanceFromNear: Distance?
    /// True when this and at least one other candidate score within `PlaceRanking.nearTieMargin` of the best:
    /// the choice is not clear-cut.
    public let nearTie: Bool
}

/// A gazetteer opened for resolving names: the store on disk and its name index in memory.
/// Immutable once loaded; safe to share between tasks.
public final class Gazetteer: Sendable {
    public let store: GazetteerStore
    public let index: NameIndex

    public init(path: String) throws(GazetteerError) {
        store = try GazetteerStore(path: path, holdingReadLock: true)
        index = try store.loadIndex()
    }

    /// Every place the name may denote, best first, with scores and the variant that matched.
    public func resolve(_ name: String, context: ResolveContext = ResolveContext(), limit: Int = 5) throws(GazetteerError) -> [PlaceCandidate] {
        let ranked = rank(name, context: context)
        let top = Array(ranked.prefix(max(1, limit)))
        let records = try store.places(rowids: top.map { index.rowids[$0.place] })
        let folded = NameFolding.fold(name), key = NameKey.key(folded: folded)
        let best = ranked.first?.score ?? 0
        let contenders = ranked.prefix { best - $0.score <= PlaceRanking.nearTieMargin }.count
        return top.compactMap { r in
            guard let place = records[index.rowids[r.place]] else { return nil }
            let matched: String
            switch r.level {
            case .exact, .alias, .alternate:
                matched = place.names.first { NameFolding.fold($0.text) == folded }?.text ?? place.name
            case .key: matched = key
            case .fuzzy: matched = r.matchedKey ?? key
            }
            return PlaceCandidate(place: place, score: r.score, level: r.level, matched: matched,
                                  distanceFromNear: r.distance,
                                  nearTie: contenders > 1 && best - r.score <= PlaceRanking.nearTieMargin)
        }
    }

    /// Ranked index positions for a name, without touching the database (the bulk path used by the geoparser).
    public func rank(_ name: String, context: ResolveContext = ResolveContext()) -> [RankedPlace] {
        let folded = NameFolding.fold(name)
        guard !folded.isEmpty else { return [] }
        let key = NameKey.key(folded: folded)
        let spelling = Array(NameKey.spellingForm(folded: folded).utf8)
        var best = FoundPlaces()
        func add(_ place: Int, _ level: MatchLevel, _ via: String? = nil) { best.add(place, level, via: via) }
        // Postings read in place (a looked-up list is an array per name).
        index.forEachPosting(hash: StableHash.hash(folded, domain: NameIndex.foldDomain)) { p, level, _ in add(p, level) }
        // "al-Midan" is the gazetteer's "Midan" written with its article: as good as a key match, never better
        // (an article is also the first word of many a foreign name: "al-Mansoura" is not read as Mansoura, Egypt).
        // Among key matches it comes first: the name itself is written, not just its skeleton.
        var writtenWithoutArticle: Set<Int> = []
        if let bare = NameFolding.withoutArticle(folded: folded) {
            index.forEachPosting(hash: StableHash.hash(bare, domain: NameIndex.foldDomain)) { p, level, _ in
                add(p, max(level, .key))
                if best.level(of: p) == .key { writtenWithoutArticle.insert(p) }
            }
        }
        // A key match counts only for places whose names are transliterated from Arabic script (the key's rules
        // are those of Arabic transliteration) or in the context's country, and only when the variant behind it
        // is spelled closely enough (SpellingDistance): "Kantari" is not Canterbury.
        let contextCountry = context.country.map { NameIndex.countryCode($0) }
        func keyCountry(_ p: Int) -> Bool {
            let c = index.countries[p]
            return c == contextCountry || Self.isTransliterated[Int(c)]
        }
        // Many places share a variant's spelling (Who's On First names 21 villages of Syria "Judaydah"): each
        // spelling is weighed once, and not at all for a place already found at this level or better.
        var verdicts: [(spelling: Int, close: Bool)] = []
        index.forEachPosting(hash: StableHash.hash(key, domain: NameIndex.keyDomain)) { p, level, spellingID in
            guard keyCountry(p), (best.level(of: p).map { $0 > level } ?? true) else { return }
            let id = level >= .key ? spellingID : -1
            let close: Bool
            if let known = verdicts.first(where: { $0.spelling == id }) {
                close = known.close
            } else {
                close = SpellingDistance.isClose(spelling, id >= 0 ? index.spelling(id) : [])
                if verdicts.count < 32 { verdicts.append((id, close)) }   // a short list, searched in order
            }
            if close { add(p, level) }
        }
        if best.isEmpty, context.allowFuzzy {
            // The key itself first: a misspelling often keeps the skeleton (Idlbi, Idlib) and misses only the
            // spelling distance, which fuzzy matching widens by one edit.
            for variant in [key] + Self.oneEditVariants(of: key).sorted() {
                for (p, _, s) in index.lookup(key: variant) where keyCountry(p) && SpellingDistance.isClose(spelling, s, slack: 1) {
                    add(p, .fuzzy, variant)
                }
            }
        }
        let adminMatch = adminMatcher(context.adminKeys)
        return best.entries.map { m in
            scored(m.place, level: m.level, matchedKey: m.via, articleDropped: m.level == .key && writtenWithoutArticle.contains(m.place),
                   context: context, adminMatch: adminMatch)
        }.sorted(by: isRankedBefore)
    }

    /// `rank(name, context:)` from the name's ranking without a context (`plain`, `rank(name)`): the context
    /// changes only the scores (and so the order) when its country's names are transliterated (their key
    /// matches count anyway) and fuzzy matching is not asked for a name nothing matched; else it is ranked anew.
    public func rank(_ name: String, context: ResolveContext, reusing plain: [RankedPlace]) -> [RankedPlace] {
        let sameMatches = context.country.map { Self.isTransliterated[Int(NameIndex.countryCode($0))] } ?? true
        guard sameMatches, !(plain.isEmpty && context.allowFuzzy) else { return rank(name, context: context) }
        let adminMatch = adminMatcher(context.adminKeys)
        return plain.map {
            scored($0.place, level: $0.level, matchedKey: $0.matchedKey, articleDropped: $0.articleDropped, context: context, adminMatch: adminMatch)
        }.sorted(by: isRankedBefore)
    }

    private func scored(_ place: Int, level: MatchLevel, matchedKey: String?, articleDropped: Bool, context: ResolveContext,
                        adminMatch: (Int) -> Bool) -> RankedPlace {
        let s = PlaceRanking.score(place: place, level: level, index: index, context: context, adminMatch: adminMatch)
        let bonus = articleDropped ? PlaceRanking.articleDroppedBonus : 0
        return RankedPlace(place: place, score: s.score + bonus, level: level, distance: s.distance, matchedKey: matchedKey,
                           articleDropped: articleDropped)
    }

    /// Best first: score, then population, then the store's order (a stable answer for true ties).
    private func isRankedBefore(_ a: RankedPlace, _ b: RankedPlace) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if index.populations[a.place] != index.populations[b.place] { return index.populations[a.place] > index.populations[b.place] }
        return index.rowids[a.place] < index.rowids[b.place]
    }

    /// Countries whose place names reach analysts transliterated from Arabic script (Arab League members, and
    /// Iran, Afghanistan and Pakistan for Persian and Urdu names): where `NameKey`'s rules hold.
    public static let transliteratedCountries: Set<UInt16> = Set([
        "SY", "IQ", "LB", "JO", "PS", "EG", "LY", "TN", "DZ", "MA", "EH", "MR", "SD", "SA", "YE", "OM", "AE", "QA",
        "BH", "KW", "SO", "DJ", "KM", "IR", "AF", "PK",
    ].map { NameIndex.countryCode($0) })

    /// `transliteratedCountries` by country code: asked for every key posting.
    static let isTransliterated: [Bool] = {
        var table = [Bool](repeating: false, count: Int(UInt16.max) + 1)
        for c in transliteratedCountries { table[Int(c)] = true }
        return table
    }()

    /// Name keys of a first-level division given by name ("Idlib", "Idleb", "Muhafazat Idlib"): the key of the
    /// text itself plus every name of the regions it resolves to, so any spelling of the region matches.
    public func adminKeys(for name: String) throws(GazetteerError) -> Set<String> {
        var keys: Set<String> = [NameKey.key(name)]
        let regions = rank(name).filter { index.kind($0.place) == .region && $0.level <= .key }
        let records = try store.places(rowids: regions.prefix(10).map { index.rowids[$0.place] })
        for p in records.values { for n in p.names { keys.formUnion(Self.adminVariants(n.text).map { NameKey.key($0) }) } }
        return keys
    }

    private func adminMatcher(_ keys: Set<String>) -> (Int) -> Bool {
        guard !keys.isEmpty else { return { _ in false } }
        return { [index] place in
            guard let admin = index.admin1(place) else { return false }
            return Self.adminVariants(admin).contains { keys.contains(NameKey.key($0)) }
        }
    }

    /// "Homs (Hims)" → ["Homs (Hims)", "Homs", "Hims"]: Natural Earth puts a second name in parentheses.
    static func adminVariants(_ name: String) -> [String] {
        var out = [name]
        if let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            out.append(name[..<open].trimmingCharacters(in: .whitespaces))
            out.append(String(name[name.index(after: open)..<close]))
        }
        return out
    }

    /// Keys one edit (deletion, substitution, insertion, transposition) from `key`, over the key alphabet.
    static func oneEditVariants(of key: String) -> Set<String> {
        let s = Array(key.unicodeScalars)
        guard s.count >= 3, s.allSatisfy(\.isASCII) else { return [] }   // short keys: too many false hits
        let alphabet = Array("abdfghjklmnprstvxyz".unicodeScalars)
        var out: Set<String> = []
        func add(_ a: [Unicode.Scalar]) { out.insert(String(String.UnicodeScalarView(a))) }
        for i in 0..<s.count {
            var d = s; d.remove(at: i); add(d)
            for c in alphabet where c != s[i] { var r = s; r[i] = c; add(r) }
            if i + 1 < s.count { var t = s; t.swapAt(i, i + 1); add(t) }
        }
        for i in 0...s.count { for c in alphabet { var n = s; n.insert(c, at: i); add(n) } }
        out.remove(key)
        return out
    }
}

/// A place's position in the index with its score for one query.
public struct RankedPlace: Sendable {
    public let place: Int
    public let score: Double
    public let level: MatchLevel
    public let distance: Distance?
    let matchedKey: String?
    /// A key match that is one of the place's names written with an article ("al-Midan" for "Midan").
    let articleDropped: Bool
}
