import Foundation
import GeoCore
import Locating
import Places

/// Relative expressions of a document located from its own readings of their anchors ("the city" → the last
/// settlement named), and the name right before one checked against the area.
extension Geoparser {
    /// The mentions of the relative expressions; a name before one that only a key match elsewhere would name is
    /// dropped from `chosenBySpan` and kept as unresolved text.
    func relativeMentions(tokens: [Token], scalars: [Unicode.Scalar], chosenBySpan: inout [Range<Int>: (Place, Candidate)],
                          country: String?) throws -> [Mention] {
        var relativeMentions: [Mention] = []
        var describedRanges: [Range<Int>] = []
        for e in locator.parser.expressions(in: scalars) where !e.negative {
            var anchor: (text: String, place: Place, range: Range<Int>)?
            // The anchor is the mention starting at the first anchor word (the last one when the anchor comes
            // before the phrase, "Hama's northern countryside").
            let words = e.anchorBefore ? Array(e.anchorWords.reversed()) : e.anchorWords
            for w in words {
                // Spans asked first, the reading then taken by its span: a scan over whole entries copied each.
                if let range = chosenBySpan.keys.first(where: { $0.lowerBound == w.range.lowerBound || (e.anchorBefore && $0.upperBound == w.range.upperBound) }),
                   let chosen = chosenBySpan[range] {
                    anchor = (chosen.1.text, chosen.0, range)
                    break
                }
                // "à l'est de la Syrie": an article may come before the anchor's name.
                if !e.anchorBefore, !Locator.articles.contains(w.text.lowercased()) { break }
            }
            // "close to the Iraqi border": the adjective names the country across.
            if anchor == nil, e.form == .border { anchor = try locator.borderNeighbour(e, context: ResolveContext(country: country)) }
            let named = Self.namedPlaceBefore(e, tokens: tokens, scalars: scalars, afterSpace: e.needsNamedPlace)
            if e.needsNamedPlace {
                guard let n = named, chosenBySpan.keys.contains(where: { $0.overlaps(n.range) }) else { continue }
            }
            var inferred = false
            // "Markadé, à 35 km plus au sud": no anchor in the phrase (elliptical).
            if anchor == nil, e.anchorWords.isEmpty {
                let limit = named?.range.lowerBound ?? e.span.lowerBound
                if let found = Self.ellipticalAnchor(before: limit, scalars: scalars, chosenBySpan: chosenBySpan, country: country) {
                    anchor = (found.value.1.text, found.value.0, found.key)
                    inferred = true
                }
            }
            // "west of the city", "au sud de la ville", "east of the capital", "north of the crossing": the place of
            // that sort named last before the expression (and before the place it describes).
            if anchor == nil, !e.anchorBefore, let first = e.anchorWords.first, e.anchorWords.count >= 2 {
                let two = (first.text + " " + e.anchorWords[1].text).lowercased()
                let limit = named?.range.lowerBound ?? e.span.lowerBound
                if let found = try anaphor(two, before: limit, chosenBySpan: chosenBySpan, country: country) {
                    anchor = (two, found, first.range.lowerBound..<e.anchorWords[1].range.upperBound)
                    inferred = true
                }
            }
            // Anchors are the document's own readings: no second, context-free guess from the gazetteer.
            guard anchor != nil else { continue }
            guard let location = try? locator.locate(e, context: ResolveContext(country: country), namedPlace: named?.text, anchor: anchor)
            else { continue }
            var reason = "relative expression (\(e.form.rawValue)) from \(location.anchor.name)"
            if let check = location.namedPlace {
                reason += check.place == nil ? "; '\(check.text)' has no gazetteer place inside the area" : "; '\(check.text)' lies inside the area"
                // "al-Taybeh, 5 km east of Nassib": the text says where the name lies; of its readings, the one
                // inside the area is meant (a name the document alone dropped or read elsewhere).
                if let n = named, let inside = check.place, !inferred {
                    let held = chosenBySpan.filter { $0.key.overlaps(n.range) }
                    if held.isEmpty {
                        relativeMentions.append(Mention(text: n.text, start: n.range.lowerBound, end: n.range.upperBound, place: inside,
                                                        relative: nil, reason: "inside the area of the relative expression that follows",
                                                        score: 0, runnerUp: nil))
                    } else {
                        for (range, chosen) in held where chosen.0.id != inside.id {
                            if let placed = try candidate(chosen.1, readAs: inside) { chosenBySpan[range] = (inside, placed) }
                        }
                    }
                }
                let weak = chosenBySpan.keys.filter { $0.overlaps(named?.range ?? 0..<0) }
                    .allSatisfy { chosenBySpan[$0].map { $0.1.ranked[$0.1.choice].level >= .key } ?? true }
                // An inferred anchor is a guess: it may not overrule the name's own reading.
                if let n = named, check.place == nil, weak, !inferred {
                    // The text places it here, and no candidate of that name is here: a name found only by its
                    // transliteration key elsewhere is a different place; keep it as unresolved text.
                    // The spans first: removing while iterating the keys would copy the whole dictionary.
                    for range in chosenBySpan.keys.filter({ $0.overlaps(n.range) }) { chosenBySpan[range] = nil }
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
        return relativeMentions
    }

    /// The anchor an elliptical expression leaves unsaid, before `limit` (the place it describes): the place
    /// named last earlier in the same sentence ("Douma is cut off from Harasta, 3 km to the west"); else the
    /// place the paragraph is about, its first settlement in the document's country after any dateline
    /// ("L'armée a repris Salma … Les rebelles se sont repliés vers Kinsabba, à environ 7 km au nord": Salma);
    /// else the place named last.
    static func ellipticalAnchor(before limit: Int, scalars: [Unicode.Scalar], chosenBySpan: [Range<Int>: (Place, Candidate)],
                                 country: String?) -> (key: Range<Int>, value: (Place, Candidate))? {
        let before = chosenBySpan.filter { $0.key.upperBound <= limit && !$0.value.0.kind.isAdministrative }
        let sentence = TextSpans.sentenceStart(before: limit, in: scalars)
        if let inSentence = before.filter({ $0.key.lowerBound >= sentence }).max(by: { $0.key.lowerBound < $1.key.lowerBound }) {
            return inSentence
        }
        let paragraph = TextSpans.paragraphStart(before: limit, in: scalars)
        let focus = before.filter {
            $0.key.lowerBound >= paragraph && !$0.value.0.kind.isFeature && (country == nil || $0.value.0.country == country)
                && !TextSpans.isDateline($0.key, paragraphStart: paragraph, in: scalars)
        }
        if let first = focus.min(by: { $0.key.lowerBound < $1.key.lowerBound }) { return first }
        return before.max(by: { $0.key.lowerBound < $1.key.lowerBound })
    }

    /// The place an anaphor stands for: "the city"/"la ville" the city or town named last before `limit` (else
    /// any settlement), "the village"/"the town" the settlement, "the capital"/"la capitale" the capital of the
    /// document's country, "the province"/"la province" the governorate named last, "the country"/"le pays" the
    /// country named last (else the document's), "the crossing"/"le barrage"/"the airbase" the feature of that
    /// kind named last.
    func anaphor(_ words: String, before limit: Int, chosenBySpan: [Range<Int>: (Place, Candidate)], country: String?) throws -> Place? {
        let parts = words.split(separator: " ").map(String.init)
        guard parts.count == 2, Locator.articles.contains(parts[0]) else { return nil }
        // The place of a kind named last before `limit`: one pass, no sort (most expressions ask once).
        func last(_ wanted: (Place) -> Bool) -> Place? {
            var best: (start: Int, place: Place)?
            for range in chosenBySpan.keys where range.upperBound <= limit && range.lowerBound > (best?.start ?? -1) {
                if let place = chosenBySpan[range]?.0, wanted(place) { best = (range.lowerBound, place) }
            }
            return best?.place
        }
        switch parts[1] {
        case "city", "ville":
            return last { [.city, .town].contains($0.kind) } ?? last { !$0.kind.isAdministrative && !$0.kind.isFeature }
        case "town", "village", "localité", "localite", "bourgade":
            return last { !$0.kind.isAdministrative && !$0.kind.isFeature }
        case "capital", "capitale":
            return try country.flatMap { try locator.capital(of: $0) }
        case "province", "governorate", "gouvernorat", "region":
            return last { $0.kind == .region }
        case "country", "pays":
            return try last { $0.kind == .country } ?? country.flatMap { try locator.country(iso: $0) }
        default:
            let kinds = FeatureWords.standard.kinds(after: [NameFolding.fold(parts[1])][...])?.kinds
                ?? FeatureWords.standard.kinds(before: [NameFolding.fold(parts[1])][...])?.kinds ?? []
            guard !kinds.isEmpty else { return nil }
            return last { kinds.contains($0.kind) }
        }
    }

    /// The candidate with `place` as its reading, if it is one of its readings.
    func candidate(_ c: Candidate, readAs place: Place) throws -> Candidate? {
        let index = gazetteer.index
        for j in c.ranked.indices where index.coordinate(c.ranked[j].place) == place.coordinate {
            let row = index.rowids[c.ranked[j].place]
            guard try places([row])[row]?.id == place.id else { continue }
            var out = c
            out.choice = j
            out.reasons = [Self.levelReason(c.ranked[j].level), "inside the area of the relative expression that follows"]
            return out
        }
        return nil
    }

    /// The capitalised words right before an expression, after a comma: "Kantari, à 80 km au nord de Raqa"; or
    /// after a space alone when `afterSpace` ("Harasta to the west").
    static func namedPlaceBefore(_ e: RelativeExpression, tokens: [Token], scalars: [Unicode.Scalar],
                                 afterSpace: Bool = false) -> (text: String, range: Range<Int>)? {
        // Tokens are in text order: the last one ending before the expression, found by bisection.
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].range.upperBound <= e.span.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let lastBefore = lo - 1
        // Between them a comma, spaces around it (Foundation's `whitespaces`: tabs and space separators, no line
        // break), or with `afterSpace` spaces alone.
        var a = tokens[lastBefore].range.upperBound, b = e.span.lowerBound
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == "\t" || s.properties.generalCategory == .spaceSeparator }
        while a < b, isSpace(scalars[a]) { a += 1 }
        while b > a, isSpace(scalars[b - 1]) { b -= 1 }
        let gapIsComma = b == a + 1 && scalars[a] == ","
        guard gapIsComma || (afterSpace && a == b), tokens[lastBefore].startsUpper else { return nil }
        var first = lastBefore
        while first > 0, tokens[first - 1].startsUpper || Cues.nameParticles.contains(tokens[first - 1].folded),
              adjacent(tokens[first - 1], tokens[first], scalars), lastBefore - first < 4 { first -= 1 }
        while first < lastBefore, !tokens[first].startsUpper { first += 1 }
        let range = tokens[first].range.lowerBound..<tokens[lastBefore].range.upperBound
        if tokens[first...lastBefore].allSatisfy({ StopList.isStopWord($0.folded) }) { return nil }
        return (String(scalars: scalars[range]), range)
    }
}
