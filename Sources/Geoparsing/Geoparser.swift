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
public final class Geoparser {
    public let gazetteer: Gazetteer
    let locator: Locator

    public init(gazetteer: Gazetteer) throws(LocatingError) {
        self.gazetteer = gazetteer
        locator = try Locator(gazetteer: gazetteer)
    }

    /// Geodesic distances between a reading and the position another mention's reading had when a pass began.
    private var distances = DistanceMemo(slots: Geoparser.memoSlots)

    func distance(_ place: Int, _ from: Coordinate, _ to: Coordinate) -> Distance {
        distances.distance(place, from: from, to: to)
    }

    /// The name index's answers for the words and runs of words asked about so far.
    private var nameLookups = NameLookupMemo(slots: Geoparser.memoSlots)

    /// Slots of the direct-mapped memos (name-index answers, distances) when caching is on.
    static let memoSlots = 1 << 15

    /// Rankings of the names read so far (without context: the document's context is applied afterwards).
    /// Reports name the same places again and again.
    private var rankings = BoundedCache<String, [RankedPlace]>(limit: Geoparser.defaultCacheLimit)

    /// Entries each of this parser's caches (name rankings; the locator's areas, checks and anchor extents) may
    /// hold; 0 turns them off, and the memos of name-index answers and distances with them. Their answers are
    /// the same either way.
    public var cacheLimit: Int {
        get { rankings.limit }
        set {
            rankings.limit = newValue; locator.cacheLimit = newValue
            nameLookups = NameLookupMemo(slots: newValue == 0 ? 0 : Self.memoSlots)
            distances = DistanceMemo(slots: newValue == 0 ? 0 : Self.memoSlots)
        }
    }
    public static let defaultCacheLimit = 20_000

    func ranked(_ name: String) -> [RankedPlace] {
        rankings.value(for: name) { gazetteer.rank(name) }
    }

    /// Records read from the store, kept across blocks (the locator's cache, shared with the anchors it reads).
    func places(_ rowids: [Int64]) throws -> [Int64: Place] {
        try locator.records.places(rowids)
    }

    public enum Language: String, Sendable { case auto, en, fr }

    struct Candidate {
        let first: Int, last: Int   // token indexes, inclusive
        let start: Int, end: Int     // code points
        let text: String
        var kindHint: KindHint = .any
        var ranked: [RankedPlace] = []
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
            let part = String(scalars: scalars[block])
            out += try extractBlock(text: part, offset: offset + block.lowerBound)
        }
        return out
    }

    /// "en" or "fr", from the function words of the first 20,000 code points.
    public static func detectLanguage(_ text: String) -> String {
        detectLanguage(Tokenizer.tokens(Array(text.unicodeScalars.prefix(20_000))))
    }

    /// Ranges of at most `blockSize` code points, cut after a blank line where there is one, else after a
    /// line break, else anywhere.
    public static func blocks(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        while start < scalars.count {
            var end = min(scalars.count, start + blockSize)
            if end < scalars.count {
                let window = start..<end
                if let blank = window.reversed().first(where: { $0 > start && scalars[$0] == "\n" && scalars[$0 - 1] == "\n" }) {
                    end = blank + 1
                } else if let line = window.reversed().first(where: { scalars[$0] == "\n" }), line > start {
                    end = line + 1
                }
            }
            out.append(start..<end)
            start = end
        }
        return out
    }

    /// Mentions of one block, with offsets shifted by `offset` code points.
    public func extractBlock(text: String, offset: Int) throws -> [Mention] {
        try extractBlock(text: text, scalars: Array(text.unicodeScalars), offset: offset)
    }

    /// The same, given the text's scalars too (the reader has them: decoding a block once is enough).
    public func extractBlock(text: String, scalars: [Unicode.Scalar], offset: Int) throws -> [Mention] {
        let tokens = Tokenizer.tokens(scalars)
        let masked = Self.headerLines(text)
        var candidates = findCandidates(tokens, scalars: scalars, masked: masked)
        disambiguate(&candidates)

        var mentions: [Mention] = []
        var chosenBySpan: [Range<Int>: (Place, Candidate)] = [:]
        let chosenPlaces = try fetchChosen(candidates)
        for c in candidates {
            guard let place = chosenPlaces[c.start] else { continue }
            chosenBySpan[c.start..<c.end] = (place, c)
        }
        // Relative expressions, anchored on the document's reading of their anchor where there is one.
        var relativeMentions: [Mention] = []
        var describedRanges: [Range<Int>] = []
        for e in locator.parser.expressions(in: scalars) where !e.negative {
            var anchor: (text: String, place: Place, range: Range<Int>)?
            // The anchor is the mention starting at the first anchor word (the last one when the anchor comes
            // before the phrase, "Hama's northern countryside").
            let words = e.anchorBefore ? Array(e.anchorWords.reversed()) : e.anchorWords
            for w in words {
                if let (range, chosen) = chosenBySpan.first(where: { $0.key.lowerBound == w.range.lowerBound || (e.anchorBefore && $0.key.upperBound == w.range.upperBound) }) {
                    anchor = (chosen.1.text, chosen.0, range)
                    break
                }
                // "à l'est de la Syrie": an article may come before the anchor's name.
                if !e.anchorBefore, !["la", "le", "les", "the"].contains(w.text.lowercased()) { break }
            }
            let named = Self.namedPlaceBefore(e, tokens: tokens, scalars: scalars)
            var inferred = false
            // "Markadé, à 35 km plus au sud": no anchor in the phrase; the place named last before it (and
            // before the place it describes) is meant.
            if anchor == nil, e.anchorWords.isEmpty {
                let limit = named?.range.lowerBound ?? e.span.lowerBound
                let before = chosenBySpan.filter { $0.key.upperBound <= limit && !$0.value.0.kind.isAdministrative }
                if let last = before.max(by: { $0.key.lowerBound < $1.key.lowerBound }) {
                    anchor = (last.value.1.text, last.value.0, last.key)
                    inferred = true
                }
            }
            // "west of the city", "au sud de la ville": the settlement named last before the expression.
            if anchor == nil, !e.anchorBefore, let first = e.anchorWords.first, e.anchorWords.count >= 2 {
                let two = (first.text + " " + e.anchorWords[1].text).lowercased()
                if ["the city", "the town", "la ville", "la localité", "the village", "le village"].contains(two) {
                    let before = chosenBySpan.filter { $0.key.upperBound <= e.span.lowerBound && !$0.value.0.kind.isAdministrative }
                    if let last = before.max(by: { $0.key.lowerBound < $1.key.lowerBound }) {
                        anchor = (two, last.value.0, first.range.lowerBound..<e.anchorWords[1].range.upperBound)
                        inferred = true
                    }
                }
            }
            // Anchors are the document's own readings: no second, context-free guess from the gazetteer.
            guard anchor != nil else { continue }
            guard let location = try? locator.locate(e, context: ResolveContext(country: documentCountry), namedPlace: named?.text, anchor: anchor)
            else { continue }
            var reason = "relative expression (\(e.form.rawValue)) from \(location.anchor.name)"
            if let check = location.namedPlace {
                reason += check.place == nil ? "; '\(check.text)' has no gazetteer place inside the area" : "; '\(check.text)' lies inside the area"
                let weak = chosenBySpan.filter { $0.key.overlaps(named?.range ?? 0..<0) }
                    .allSatisfy { $0.value.1.ranked[$0.value.1.choice].level >= .key }
                // An inferred anchor is a guess: it may not overrule the name's own reading.
                if let n = named, check.place == nil, weak, !inferred {
                    // The text places it here, and no candidate of that name is here: a name found only by its
                    // transliteration key elsewhere is a different place; keep it as unresolved text.
                    for range in chosenBySpan.keys where range.overlaps(n.range) { chosenBySpan[range] = nil }
                    describedRanges.append(n.range)
                    relativeMentions.append(Mention(text: n.text, start: n.range.lowerBound, end: n.range.upperBound, place: nil, relative: nil,
                                                    reason: "unresolved: in no gazetteer source; located by the relative expression that follows",
                                                    score: 0, runnerUp: nil))
                }
            }
            relativeMentions.append(Mention(text: String(scalars: scalars[location.span]), start: location.span.lowerBound,
                                            end: location.span.upperBound, place: nil, relative: location, reason: reason,
                                            score: 0, runnerUp: nil))
        }
        for c in candidates {
            guard let (place, cand) = chosenBySpan[c.start..<c.end] else { continue }
            let runner: (Place, Double)?
            if cand.ranked.count > 1 {
                let order = cand.adjusted.indices.sorted { cand.adjusted[$0] > cand.adjusted[$1] }
                let second = order.dropFirst().first { gazetteer.index.rowids[cand.ranked[$0].place] != gazetteer.index.rowids[cand.ranked[cand.choice].place] }
                if let k = second, cand.adjusted[cand.choice] - cand.adjusted[k] < 0.15,
                   let p = try? places([gazetteer.index.rowids[cand.ranked[k].place]]).values.first {
                    runner = (p, cand.adjusted[k])
                } else { runner = nil }
            } else { runner = nil }
            mentions.append(Mention(text: c.text, start: c.start, end: c.end, place: place, relative: nil,
                                    reason: cand.reasons.joined(separator: "; "), score: cand.adjusted[cand.choice], runnerUp: runner))
        }
        mentions += relativeMentions
        mentions.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        guard offset != 0 else { return mentions }
        return mentions.map { $0.shifted(by: offset) }
    }

    private var documentCountry: String?

    // MARK: Candidates

    private var acceptedTokens: Set<Int> = []

    func findCandidates(_ tokens: [Token], scalars: [Unicode.Scalar], masked: Set<Int>) -> [Candidate] {
        var out: [Candidate] = []
        acceptedTokens = []
        var i = 0
        let index = gazetteer.index
        // What the word lists say of a token, asked once per token rather than once per n-gram holding it, and
        // only of tokens an n-gram reaches: bit 1 looked up, 2 stop word, 4 name particle, 8 not a place.
        var wordFlags = [UInt8](repeating: 0, count: tokens.count)
        func flags(_ k: Int) -> UInt8 {
            if wordFlags[k] == 0 {
                let f = tokens[k].folded
                wordFlags[k] = 1 | (StopList.isStopWord(f) ? 2 : 0) | (Cues.nameParticles.contains(f) ? 4 : 0) | (Cues.notPlaces.contains(f) ? 8 : 0)
            }
            return wordFlags[k]
        }
        while i < tokens.count {
            let t = tokens[i]
            // An article opens a name when glued by a hyphen ("as-Suwayda"); "al"/"el" also with a space.
            let startsName = t.startsUpper || (Cues.articles.contains(t.folded) && i + 1 < tokens.count
                && tokens[i + 1].startsUpper && Self.adjacent(tokens[i], tokens[i + 1], scalars)
                && (tokens[i + 1].joinedToPrevious || t.folded == "al" || t.folded == "el"))
            guard startsName, !masked.contains(t.line) else { i += 1; continue }
            // Short all-capital words are acronyms (EIIL, ASL, SDF) unless they open a line (datelines: ALEP).
            if t.allUpper, t.text.count <= 4, !(i == 0 || tokens[i - 1].line != t.line) { i += 1; continue }
            var found: (n: Int, text: String)?
            var n = min(6, tokens.count - i)
            while n >= 1 {
                defer { n -= 1 }
                let last = tokens[i + n - 1]
                guard last.startsUpper || last.folded.first?.isNumber == true else { continue }
                var ok = true
                for k in i..<(i + n) {
                    if k > i, !Self.adjacent(tokens[k - 1], tokens[k], scalars) { ok = false; break }
                    if k > i, k < i + n - 1, !tokens[k].startsUpper, flags(k) & 4 == 0 { ok = false; break }
                }
                guard ok else { continue }
                let span = tokens[i..<(i + n)]
                if (i..<(i + n)).allSatisfy({ flags($0) & 6 != 0 }) { continue }
                if (i..<(i + n)).contains(where: { flags($0) & 8 != 0 }) { continue }
                let folded = n == 1 ? t.folded : span.map(\.folded).joined(separator: " ")
                func textSpan() -> String { String(scalars: scalars[span.first!.range.lowerBound..<span.last!.range.upperBound]) }
                if nameLookups.contains(folded: folded, in: index) {
                    found = (n, textSpan())
                    break
                }
                // A transliteration-key match needs a cue before it ("à", "de", "near", "village of"…): in prose,
                // names of people and media are often one key away from some village.
                if Self.placeCueBefore(i, tokens) || !tokens[i].sentenceStart || Self.listedAfterPlace(i, tokens, acceptedTokens),
                   nameLookups.contains(key: NameKey.key(folded: folded), in: index) {
                    let text = textSpan()
                    if ranked(text).contains(where: { $0.level <= .key }) {
                        found = (n, text)
                        break
                    }
                }
            }
            guard let hit = found else { i += 1; continue }
            let first = i, last = i + hit.n - 1
            if !isPartOfOtherName(first: first, last: last, tokens: tokens, scalars: scalars) {
                var c = Candidate(first: first, last: last, start: tokens[first].range.lowerBound, end: tokens[last].range.upperBound, text: hit.text)
                c.kindHint = Self.kindHint(first: first, last: last, tokens: tokens)
                out.append(c)
                acceptedTokens.formUnion(first...last)
            }
            i = last + 1
        }
        return out
    }

    /// "Halfaya, Kafr Zita et Latamné": a word listed right after a place found.
    static func listedAfterPlace(_ i: Int, _ tokens: [Token], _ accepted: Set<Int>) -> Bool {
        guard i > 0 else { return false }
        if accepted.contains(i - 1) { return true }
        return i > 1 && ["and", "et", "or", "ou"].contains(tokens[i - 1].folded) && accepted.contains(i - 2)
    }

    static func placeCueBefore(_ i: Int, _ tokens: [Token]) -> Bool {
        if tokens[i].elision == "d" { return true }
        guard i > 0, tokens[i - 1].line == tokens[i].line else { return false }
        let prev = tokens[i - 1].folded
        return Cues.placeBefore.contains(prev) || Cues.settlementWords.contains(prev) || Cues.regionWords.contains(prev)
    }

    static func adjacent(_ a: Token, _ b: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        guard a.line == b.line else { return false }
        let gap = scalars[a.range.upperBound..<b.range.lowerBound]
        if b.elision != nil { return false }
        return gap.count <= 2 && gap.allSatisfy { $0 == " " || $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}" || $0 == "\u{00A0}" }
    }

    /// A capitalised non-place word glued to the name (not a type word, not a sentence start) makes it part of
    /// an organisation or a person's name.
    func isPartOfOtherName(first: Int, last: Int, tokens: [Token], scalars: [Unicode.Scalar]) -> Bool {
        // After: skip particles ("Salem al-Kahtani"), then look at the next word.
        var k = last + 1
        while k < tokens.count, Cues.articles.contains(tokens[k].folded), Self.adjacent(tokens[k - 1], tokens[k], scalars) { k += 1 }
        let skippedArticle = k > last + 1
        if k < tokens.count, Self.adjacent(tokens[k - 1], tokens[k], scalars) {
            let next = tokens[k]
            if Cues.organisationAfter.contains(next.folded) && (next.startsUpper || next.folded.first?.isNumber == true) { return true }
            // "Ahmad al-Jarba", "Salem al-Kahtani": a name, an article, a capitalised word that together are no
            // place: a person (the two parts may each be a village somewhere).
            if next.startsUpper, !StopList.isStopWord(next.folded), !Cues.regionWords.contains(next.folded),
               !Cues.settlementWords.contains(next.folded), !next.allUpper,
               skippedArticle || !nameLookups.contains(folded: next.folded, in: gazetteer.index) {
                return true
            }
        }
        // Before: skip particles ("Ahrar al-Cham", "Tahrir al-Sham"), then look at the previous word.
        // "Conseil local d'Alep", "Coordination de Tadmor", "Conseil militaire de Deir Ezzor".
        var j = first - 1
        if tokens[first].elision != nil { j = first - 1 } else if j >= 0, ["de", "du", "des"].contains(tokens[j].folded) { j -= 1 }
        if j >= 0, j < first - (tokens[first].elision != nil ? 0 : 1) || tokens[first].elision != nil,
           Cues.organisationBefore.contains(tokens[j].folded) || (j > 0 && Cues.organisationBefore.contains(tokens[j - 1].folded) && ["local", "militaire", "revolutionnaire", "media"].contains(tokens[j].folded)) {
            return true
        }
        // "Abu Bakr Halab", "Umm Ahmad": a kunya opens a person's name.
        if ["abu", "abou", "umm", "um"].contains(tokens[first].folded), last + 1 < tokens.count, tokens[last + 1].startsUpper,
           Self.adjacent(tokens[last], tokens[last + 1], scalars) {
            return true
        }
        k = first - 1
        while k >= 0, Cues.articles.contains(tokens[k].folded), Self.adjacent(tokens[k], tokens[k + 1], scalars) { k -= 1 }
        if k >= 0, Self.adjacent(tokens[k], tokens[k + 1], scalars) {
            let prev = tokens[k]
            if Cues.organisationBefore.contains(prev.folded) { return true }
            // A capitalised word glued before the name, which was not itself taken as a place.
            if prev.startsUpper, !prev.sentenceStart, !StopList.isStopWord(prev.folded), !Cues.regionAdjectives.contains(prev.folded),
               !Cues.regionWords.contains(prev.folded), !Cues.settlementWords.contains(prev.folded), !prev.allUpper,
               !acceptedTokens.contains(k) {
                return true
            }
        }
        return false
    }

    static func kindHint(first: Int, last: Int, tokens: [Token]) -> KindHint {
        let before = tokens[max(0, first - 3)..<first].map(\.folded)
        let after = last + 1 < tokens.count ? tokens[last + 1].folded : ""
        if let p = before.last, Cues.regionAdjectives.contains(p) { return .region }
        if Cues.regionWords.contains(after) { return .region }
        if Cues.settlementWords.contains(after) && after != "district" { return .settlement }
        for w in before.reversed() {
            if Cues.regionWords.contains(w) { return .region }
            if Cues.settlementWords.contains(w) { return .settlement }
        }
        return .any
    }

    // MARK: Disambiguation

    func disambiguate(_ cs: inout [Candidate]) {
        let index = gazetteer.index
        // Pass 1: each mention alone.
        for k in cs.indices {
            var ranked = self.ranked(cs[k].text).filter { $0.level <= .key }
            switch cs[k].kindHint {
            case .region:
                let regions = ranked.filter { index.kind($0.place) == .region }
                let districts = ranked.filter { index.kind($0.place) == .district }
                if !regions.isEmpty { ranked = regions } else if !districts.isEmpty { ranked = districts }
            case .settlement:
                let r = ranked.filter { !index.kind($0.place).isAdministrative }
                if !r.isEmpty { ranked = r }
            case .any: break
            }
            cs[k].ranked = Array(ranked.prefix(12))
            cs[k].adjusted = cs[k].ranked.map(\.score)
            cs[k].choice = 0
        }
        cs.removeAll { $0.ranked.isEmpty }
        // Document context: the country and governorates of confident readings.
        var countryVotes: [String: Double] = [:]
        var adminVotes: [String: Double] = [:]
        for c in cs {
            let top = c.ranked[0]
            let margin = c.ranked.count > 1 ? top.score - c.ranked[1].score : 1
            guard margin >= 0.1 || c.ranked.count == 1 else { continue }
            if let cc = index.country(top.place) { countryVotes[cc, default: 0] += 1 }
            if index.kind(top.place) == .region, let a = index.admin1(top.place) { adminVotes[a, default: 0] += 2 }
            else if let a = index.admin1(top.place) { adminVotes[a, default: 0] += 1 }
        }
        documentCountry = countryVotes.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }.map(\.key)
        let adminTotal = max(1, adminVotes.values.reduce(0, +))
        // Passes 2 and 3: country, governorates, and proximity to the other mentions' current readings.
        // What the document's country and governorates give a reading is the same in both passes.
        // Mentions of one text with one kind hint have the same readings and fixed scores: a group.
        var groupNumbers: [GroupKey: Int] = [:]
        var firstOfGroup: [Int] = []
        let groups = cs.indices.map { k in
            let key = GroupKey(text: cs[k].text, hint: cs[k].kindHint)
            if let known = groupNumbers[key] { return known }
            groupNumbers[key] = firstOfGroup.count
            firstOfGroup.append(k)
            return firstOfGroup.count - 1
        }
        let groupFixed: [[FixedContext]] = firstOfGroup.map { k in
            cs[k].ranked.map { r in
                var s = r.score
                var governorate: String?
                if let cc = documentCountry, index.country(r.place) == cc { s += 0.3 }
                if let a = index.admin1(r.place), let v = adminVotes[a] {
                    let boost = 0.3 * v / adminTotal
                    s += boost
                    if boost > 0.05 { governorate = a }
                }
                return FixedContext(score: s, level: r.level, governorate: governorate, settlement: !index.kind(r.place).isAdministrative,
                                    coordinate: index.coordinate(r.place))
            }
        }
        let fixed = groups.map { groupFixed[$0] }
        // Each mention's name as an integer: mentions of one name (in any case or accents) share it.
        var nameNumbers: [String: Int] = [:]
        let groupNames = firstOfGroup.map { k in
            let folded = NameFolding.fold(cs[k].text)
            if let known = nameNumbers[folded] { return known }
            nameNumbers[folded] = nameNumbers.count
            return nameNumbers.count - 1
        }
        let names = groups.map { groupNames[$0] }
        // Each mention's current reading, and whether it is a settlement (updated as choices change).
        var current = cs.map { $0.ranked[$0.choice].place }
        var settlement = cs.indices.map { fixed[$0][cs[$0].choice].settlement }
        for _ in 0..<2 {
            // Where each mention's reading lies as the pass starts; which place it is, and whether a settlement,
            // follow the choices already made in this pass.
            let positions = cs.map { index.coordinate($0.ranked[$0.choice].place) }
            let readings = ReadingTree(positions: positions)
            // A group's scores hold until some mention's reading or settlement flag changes (`version`): within
            // a pass most mentions keep theirs, so a name said again is scored once.
            var version = 0
            var scored: [Int: (version: Int, adjusted: [Double], proximity: [(mention: Int, kilometers: Double)?])] = [:]
            for k in cs.indices {
                let proximity: [(mention: Int, kilometers: Double)?]
                if let memo = scored[groups[k]], memo.version == version {
                    cs[k].adjusted = memo.adjusted
                    proximity = memo.proximity
                } else {
                    proximity = score(&cs[k], fixed: fixed[k], readings: readings, positions: positions) { m, place in
                        // Proximity to other settlements only: not to this name again, nor to another spelling read
                        // as this very place ("Raqa" beside "Raqqa").
                        settlement[m] && current[m] != place && names[m] != names[k]
                    }
                    scored[groups[k]] = (version, cs[k].adjusted, proximity)
                }
                let best = cs[k].adjusted.indices.max { cs[k].adjusted[$0] < cs[k].adjusted[$1] }!
                cs[k].choice = best
                if current[k] != cs[k].ranked[best].place || settlement[k] != fixed[k][best].settlement { version += 1 }
                current[k] = cs[k].ranked[best].place
                settlement[k] = fixed[k][best].settlement
                cs[k].reasons = fixed[k][best].reasons
                if let p = proximity[best] { cs[k].reasons.append("proximity: \(Int(p.kilometers.rounded())) km from \(cs[p.mention].text)") }
            }
        }
        // A reading by transliteration key alone must fit the document: its country, and one of its governorates
        // or a place mentioned within 50 km.
        cs.removeAll { c in
            let r = c.ranked[c.choice]
            guard r.level >= .key else { return false }
            if let cc = documentCountry, index.country(r.place) != cc { return true }
            let inGovernorate = index.admin1(r.place).map { adminVotes[$0] != nil } ?? false
            return !inGovernorate && !c.reasons.contains { $0.hasPrefix("proximity") }
        }
        // Outside the document's country only what is unmistakable: a country, or a large city by its name.
        if let cc = documentCountry {
            cs.removeAll { c in
                let r = c.ranked[c.choice]
                guard index.country(r.place) != cc else { return false }
                if index.kind(r.place) == .country { return false }
                return !(r.level <= .alternate && index.populations[r.place] >= 100_000)
            }
        }
    }

    /// A candidate's readings scored with the document context and the nearest other settlement of the current
    /// readings (`include(mention, place)` says which mention may count for a reading of `place`): the adjusted
    /// scores, and for each reading the mention whose proximity counted, if it did.
    func score(_ c: inout Candidate, fixed: [FixedContext], readings: ReadingTree, positions: [Coordinate],
               include: (Int, Int) -> Bool) -> [(mention: Int, kilometers: Double)?] {
        var proximity: [(mention: Int, kilometers: Double)?] = Array(repeating: nil, count: c.ranked.count)
        for j in c.ranked.indices {
            let f = fixed[j], place = c.ranked[j].place
            var s = f.score
            // The nearest is chosen on a local flat approximation; its distance is then geodesic.
            if f.settlement, let nearest = readings.nearest(to: f.coordinate, include: { include($0, place) }) {
                let d = distance(place, f.coordinate, positions[nearest])
                let boost = 0.3 * exp(-d.kilometers / 30)
                s += boost
                if boost > 0.05 { proximity[j] = (nearest, d.kilometers) }
            }
            c.adjusted[j] = s
        }
        return proximity
    }

    struct GroupKey: Hashable {
        let text: String
        let hint: KindHint
    }

    /// A reading's score with the document's country and governorates, and the reasons they give.
    struct FixedContext {
        let score: Double
        let level: MatchLevel
        /// The governorate whose votes raised the score enough to be a reason.
        let governorate: String?
        let settlement: Bool
        let coordinate: Coordinate

        /// Why the reading scores as it does (asked of the winners only).
        var reasons: [String] {
            let why = Geoparser.levelReason(level)
            return governorate.map { [why, "context: governorate \($0)"] } ?? [why]
        }
    }

    static func levelReason(_ level: MatchLevel) -> String {
        switch level {
        case .exact: return "exact name"
        case .alias: return "curated alias"
        case .alternate: return "variant"
        case .key: return "transliteration key"
        case .fuzzy: return "one edit"
        }
    }

    func fetchChosen(_ cs: [Candidate]) throws -> [Int: Place] {
        let rowids = cs.map { gazetteer.index.rowids[$0.ranked[$0.choice].place] }
        let records = try places(rowids)
        var out: [Int: Place] = [:]
        for (c, r) in zip(cs, rowids) { out[c.start] = records[r] }
        return out
    }

    // MARK: Helpers

    /// The capitalised words right before an expression, after a comma: "Kantari, à 80 km au nord de Raqa".
    static func namedPlaceBefore(_ e: RelativeExpression, tokens: [Token], scalars: [Unicode.Scalar]) -> (text: String, range: Range<Int>)? {
        guard let lastBefore = tokens.lastIndex(where: { $0.range.upperBound <= e.span.lowerBound }) else { return nil }
        let gap = String(scalars: scalars[tokens[lastBefore].range.upperBound..<e.span.lowerBound])
        guard gap.trimmingCharacters(in: .whitespaces) == ",", tokens[lastBefore].startsUpper else { return nil }
        var first = lastBefore
        while first > 0, tokens[first - 1].startsUpper || Cues.nameParticles.contains(tokens[first - 1].folded),
              adjacent(tokens[first - 1], tokens[first], scalars), lastBefore - first < 4 { first -= 1 }
        while first < lastBefore, !tokens[first].startsUpper { first += 1 }
        let range = tokens[first].range.lowerBound..<tokens[lastBefore].range.upperBound
        if tokens[first...lastBefore].allSatisfy({ StopList.isStopWord($0.folded) }) { return nil }
        return (String(scalars: scalars[range]), range)
    }

    static func detectLanguage(_ tokens: [Token]) -> String {
        let fr: Set<String> = ["le", "la", "les", "des", "du", "et", "dans", "selon", "une", "est", "sont", "par", "pour", "au", "aux", "qui"]
        let en: Set<String> = ["the", "of", "and", "in", "to", "from", "by", "on", "with", "was", "were", "is", "are", "said", "that"]
        var f = 0, e = 0
        for t in tokens.prefix(5000) {
            if fr.contains(t.folded) { f += 1 }
            if en.contains(t.folded) { e += 1 }
        }
        return f > e ? "fr" : "en"
    }

    /// Lines that are time stamps of a capture ("26-11-2024 09:52 PM Jerusalem Timing"): not report text.
    static func headerLines(_ text: String) -> Set<Int> {
        var out: Set<Int> = []
        // Lines as the tokenizer counts them (at each line feed), found on bytes: a split on characters would
        // pay for grapheme breaking over the whole block.
        var copy = text
        copy.withUTF8 { b in
            var line = 0, start = 0, colon = false
            for i in 0...b.count {
                guard i == b.count || b[i] == 0x0A else {
                    if b[i] == 0x3A { colon = true }
                    continue
                }
                // A time needs a colon; most lines have none and skip both patterns.
                if colon {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                    if text.count < 100 {
                        let s = text.unicodeScalars.map(\.value)
                        if headerDate.firstMatch(in: s) != nil, headerTime.firstMatch(in: s) != nil { out.insert(line) }
                    }
                }
                line += 1
                start = i + 1
                colon = false
            }
        }
        return out
    }

    static let headerDate = try! ScalarRegex(#"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}"#)
    static let headerTime = try! ScalarRegex(#"\b\d{1,2}:\d{2}\b"#)
}
