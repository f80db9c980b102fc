import Foundation
import GeoCore
import Geodesy
import Locating
import Patterns
import Places

/// Finds and resolves every place mention of a report, disambiguating the document as a whole.
///
/// 1. Words are tokenised with code-point offsets; French elisions split off; header lines (time stamps)
///    masked.
/// 2. Candidate spans are the longest runs of up to six words, starting at a capitalised word (or an
///    article before one), that the gazetteer knows by folded name or by transliteration key.
/// 3. Candidates are dropped when they are stop words, or part of an organisation's or a person's name
///    (a capitalised word before or after that is not a place or a cue: "Ahrar al-Cham", "Salem al-Kahtani",
///    "Kafranbel Media Office").
/// 4. Type words steer the kind ("la province d'Idleb", "southern Idlib" → governorate; "la ville d'Idleb",
///    "Hama city" → city).
/// 5. Each mention is ranked alone, then again with the document's context: its country, its governorates,
///    and proximity to the other mentions' readings. The reason says what decided.
/// 6. Relative expressions are located with the anchor's reading, and a name just before one
///    ("Kantari, à 80 km au nord de Raqa") is checked against the area.
///
/// The steps live in files of their own: `DocumentLayout` (blocks, header lines, language), `CandidateFinder`
/// (1–4), `Disambiguation` (5) and `RelativeAnchors` (6). Nothing but the caches outlives a document.
public final class Geoparser {
    public let gazetteer: Gazetteer
    let locator: Locator

    public init(gazetteer: Gazetteer) throws(LocatingError) {
        self.gazetteer = gazetteer
        locator = try Locator(gazetteer: gazetteer)
        locator.rankingWithoutContext = { [unowned self] name in cacheLimit > 0 ? ranked(name) : nil }
    }

    /// Uses `other`'s cache of uncertainty areas and its land outlines (parsers of one job, same gazetteer and
    /// options): an area one worker computed, or a coast it widened, the others need not.
    public func shareAreas(with other: Geoparser) {
        locator.areas = other.locator.areas
        locator.shareLand(with: other.locator)
    }

    /// Uses `rankings` for the rankings of names (the parsers of one job, same gazetteer): a name one worker
    /// ranked, the others need not. The job gives the shared cache the entries each worker's own had in all
    /// (`cacheLimit` × workers): as a worker's own, a cache of one worker's entries filled and emptied itself
    /// twice as fast and saved nothing; the same entries in one place hold each name once, not once a worker.
    public func shareRankings(_ rankings: RankingCache) {
        self.rankings = rankings
    }

    /// Uses `records` for the place records and outlines read from the gazetteer (the parsers of one job, same
    /// gazetteer): a record one worker read, the others need not read through the store's one connection.
    public func shareRecords(_ records: PlaceRecordCache) {
        locator.records = records
    }

    /// Organisations and media whose names hold a place name; their words are never mentions.
    public var organisationNames = OrganisationNames.none

    /// Geodesic distances between a reading and the position another mention's reading had when a pass began.
    var distances = DistanceMemo(slots: CacheBudget.standard.memoSlots)

    func distance(_ place: Int, _ from: Coordinate, _ to: Coordinate) -> Distance {
        distances.distance(place, from: from, to: to)
    }

    /// The name index's answers for the words and runs of words asked about so far.
    var nameLookups = NameLookupMemo(slots: CacheBudget.standard.memoSlots)


    /// Rankings of the names read so far (without context: the document's context is applied afterwards).
    /// Reports name the same places again and again.
    private(set) var rankings = RankingCache(limit: Geoparser.defaultCacheLimit)

    /// Entries each of this parser's caches (name rankings; the locator's areas, checks and anchor extents) may
    /// hold; 0 turns them off, and the memos of name-index answers and distances with them. Their answers are
    /// the same either way. Setting it gives the parser rankings of its own again.
    public var cacheLimit: Int = Geoparser.defaultCacheLimit {
        didSet {
            rankings = RankingCache(limit: cacheLimit); locator.cacheLimit = cacheLimit
            let budget = CacheBudget(entries: cacheLimit)
            nameLookups = NameLookupMemo(slots: budget.memoSlots)
            distances = DistanceMemo(slots: budget.memoSlots)
        }
    }
    public static let defaultCacheLimit = CacheBudget.standard.entries

    func ranked(_ name: String) -> [RankedPlace] {
        rankings.entries.value(for: name) { gazetteer.rank(name) }
    }

    /// Records read from the store, kept across blocks (the locator's cache, shared with the anchors it reads).
    func places(_ rowids: [Int64]) throws -> [Int64: Place] {
        try locator.records.places(rowids)
    }

    public enum Language: String, Sendable, CaseIterable { case auto, en, fr }

    struct Candidate {
        let first: Int, last: Int   // token indexes, inclusive
        let start: Int, end: Int     // code points
        let text: String
        var kindHint: KindHint = .any
        /// Feature kinds a generic word around the name asks for ("barrage de X", "X airbase"): readings of these
        /// kinds win when the name has any.
        var featureKinds: Set<PlaceKind> = []
        /// Named as a neighbourhood ("the neighbourhoods of X, Y and Z in eastern Aleppo", "le quartier de X").
        var isNeighbourhood = false
        var ranked: [RankedPlace] = []
        /// Readings ranked below the first `readingsPerMention`, until the document's country is known.
        var moreReadings: [RankedPlace] = []
        var choice: Int = 0
        var reasons: [String] = []
        var adjusted: [Double] = []
    }

    enum KindHint { case any, region, settlement }

    /// The largest block disambiguated as one document (code points). Reports are cut at blank lines into
    /// blocks up to this size, so a long file costs time in proportion to its length, not its square.
    public static let blockSize = 16_384

    public func extract(text: String, source: String, language: Language = .auto) throws -> Extraction {
        let lang = language == .auto ? Self.detectLanguage(text) : language.rawValue
        return Extraction(source: source, lang: lang, mentions: try mentions(in: text, offset: 0))
    }

    /// Mentions of a text, block by block, offsets shifted by `offset` code points (a chunk of a stream).
    public func mentions(in text: String, offset: Int) throws -> [Mention] {
        let scalars = Array(text.unicodeScalars)
        var out: [Mention] = []
        for block in Self.blocks(scalars) {
            out += try extractBlock(scalars: Array(scalars[block]), offset: offset + block.lowerBound)
        }
        return out
    }

    /// "en" or "fr", from the function words of the first 20,000 code points.
    public static func detectLanguage(_ text: String) -> String {
        detectLanguage(Tokenizer.tokens(Array(text.unicodeScalars.prefix(20_000))))
    }

    /// The reading written as a mention's runner-up: after the best-scored, the first of another place than the
    /// choice, if it scores within `runnerUpMargin` of the choice.
    static func runnerUp(_ adjusted: [Double], choice: Int, samePlace: (Int) -> Bool) -> Int? {
        let order = adjusted.indices.sorted { adjusted[$0] > adjusted[$1] }
        guard let k = order.dropFirst().first(where: { !samePlace($0) }), adjusted[choice] - adjusted[k] < runnerUpMargin else { return nil }
        return k
    }

    static let runnerUpMargin = 0.15

    /// Mentions of one block, with offsets shifted by `offset` code points.
    public func extractBlock(text: String, offset: Int) throws -> [Mention] {
        try extractBlock(scalars: Array(text.unicodeScalars), offset: offset)
    }

    /// The same, given the block as scalars (the reader has them: decoding a block once is enough).
    public func extractBlock(scalars: [Unicode.Scalar], offset: Int) throws -> [Mention] {
        let tokens = Tokenizer.tokens(scalars)
        let masked = Self.headerLines(scalars)
        var candidates = findCandidates(tokens, scalars: scalars, masked: masked)
        let documentCountry = disambiguate(&candidates, tokens: tokens)

        var mentions: [Mention] = []
        var chosenBySpan: [Range<Int>: (Place, Candidate)] = [:]
        chosenBySpan.reserveCapacity(candidates.count)
        let chosenPlaces = try fetchChosen(candidates)
        for c in candidates {
            guard let place = chosenPlaces[c.start] else { continue }
            chosenBySpan[c.start..<c.end] = (place, c)
        }
        // Relative expressions, anchored on the document's reading of their anchor where there is one.
        let relativeMentions = try self.relativeMentions(tokens: tokens, scalars: scalars, chosenBySpan: &chosenBySpan, country: documentCountry)
        let rowids = gazetteer.index.rowids
        for c in candidates {
            guard let (place, cand) = chosenBySpan[c.start..<c.end] else { continue }
            let runner: (Place, Double)?
            if cand.ranked.count > 1,
               let k = Self.runnerUp(cand.adjusted, choice: cand.choice, samePlace: { rowids[cand.ranked[$0].place] == rowids[cand.ranked[cand.choice].place] }),
               let p = try? places([rowids[cand.ranked[k].place]]).values.first {
                runner = (p, cand.adjusted[k])
            } else { runner = nil }
            let role = MentionRoles.standard.role(first: c.first, last: c.last, tokens: tokens, place: place)
            mentions.append(Mention(text: c.text, start: c.start, end: c.end, place: place, relative: nil,
                                    reason: cand.reasons.joined(separator: "; "), score: cand.adjusted[cand.choice], runnerUp: runner,
                                    role: role))
        }
        mentions += relativeMentions
        mentions.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        guard offset != 0 else { return mentions }
        return mentions.map { $0.shifted(by: offset) }
    }

}
