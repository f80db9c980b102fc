import Foundation
import GeoCore
import Places

/// What the word lists say of a token.
struct WordFlags: OptionSet {
    let rawValue: UInt8
    /// Set once the token has been looked up (so that a token with no other flag is not asked again).
    static let lookedUp = WordFlags(rawValue: 1)
    static let stopWord = WordFlags(rawValue: 2)
    static let nameParticle = WordFlags(rawValue: 4)
    static let notPlace = WordFlags(rawValue: 8)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ folded: String) {
        var f: WordFlags = .lookedUp
        if StopList.isStopWord(folded) { f.insert(.stopWord) }
        if Cues.nameParticles.contains(folded) { f.insert(.nameParticle) }
        if Cues.notPlaces.contains(folded) { f.insert(.notPlace) }
        self = f
    }
}

/// Candidate spans: the longest runs of up to six words, opening with a capital (or an article glued to one),
/// that the gazetteer knows; the filter of organisations' and persons' names; the kind a type word asks for.
extension Geoparser {
    func findCandidates(_ tokens: [Token], scalars: [Unicode.Scalar], masked: Set<Int>) -> [Candidate] {
        var out: [Candidate] = []
        // Tokens taken by a candidate so far: a name listed after one is a place too ("Halfaya, Kafr Zita et Latamné").
        var acceptedTokens: Set<Int> = []
        var i = 0
        let index = gazetteer.index
        // What the word lists say of a token, asked once per token rather than once per n-gram holding it, and
        // only of tokens an n-gram reaches.
        var wordFlags = [WordFlags](repeating: [], count: tokens.count)
        func flags(_ k: Int) -> WordFlags {
            if wordFlags[k].isEmpty { wordFlags[k] = WordFlags(tokens[k].folded) }
            return wordFlags[k]
        }
        // Words of a list after a plural type word ("the villages of maarzita, kafr sijna and hbeit"): names there
        // may be written in lowercase.
        // As flags by token: asked of every token and n-gram (a set would hash each question).
        func flagged(_ set: Set<Int>) -> [Bool] {
            var out = [Bool](repeating: false, count: tokens.count)
            for k in set { out[k] = true }
            return out
        }
        let listed = flagged(Self.listedNames(tokens, scalars))
        let organisations = flagged(organisationNames.tokensInside(tokens))
        let neighbourhoods = flagged(Self.listedNames(tokens, scalars, after: Cues.neighbourhoodWords))
        while i < tokens.count {
            let t = tokens[i]
            // An article opens a name when glued by a hyphen ("as-Suwayda"); "al"/"el" also with a space.
            let startsName = t.startsUpper || listed[i] || (Cues.articles.contains(t.folded) && i + 1 < tokens.count
                && tokens[i + 1].startsUpper && Self.adjacent(tokens[i], tokens[i + 1], scalars)
                && (tokens[i + 1].joinedToPrevious || t.folded == "al" || t.folded == "el"))
            guard startsName, !masked.contains(t.line), !organisations[i] else { i += 1; continue }
            // Short all-capital words are acronyms (EIIL, ASL, SDF) unless they open a line (datelines: ALEP).
            if t.allUpper, t.text.count <= 4, !(i == 0 || tokens[i - 1].line != t.line) { i += 1; continue }
            var found: (n: Int, text: String)?
            var n = min(6, tokens.count - i)
            while n >= 1 {
                defer { n -= 1 }
                let last = tokens[i + n - 1]
                guard last.startsUpper || last.folded.unicodeScalars.first?.isNumeric == true || listed[i + n - 1] else { continue }
                var ok = true
                for k in i..<(i + n) {
                    if k > i, !Self.adjacent(tokens[k - 1], tokens[k], scalars) { ok = false; break }
                    if k > i, k < i + n - 1, !tokens[k].startsUpper, !listed[k], !flags(k).contains(.nameParticle) { ok = false; break }
                }
                guard ok else { continue }
                let span = tokens[i..<(i + n)]
                if (i..<(i + n)).allSatisfy({ !flags($0).isDisjoint(with: [.stopWord, .nameParticle]) }) { continue }
                if (i..<(i + n)).contains(where: { flags($0).contains(.notPlace) }) { continue }
                let folded = n == 1 ? t.folded : span.map(\.folded).joined(separator: " ")
                func textSpan() -> String { String(scalars: scalars[span.first!.range.lowerBound..<span.last!.range.upperBound]) }
                if nameLookups.contains(folded: folded, in: index)
                    || NameFolding.withoutArticle(folded: folded).map({ nameLookups.contains(folded: $0, in: index) }) == true {
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
            // "Kafr" of "Kafr Qxyz", "Tal" of "Tal Qwertz": an opener before a capitalised word the gazetteer does not
            // join to it is part of an unknown name.
            if NameOpeners.words.contains(tokens[last].folded), last + 1 < tokens.count, Self.adjacent(tokens[last], tokens[last + 1], scalars) {
                var k = last + 1
                while k + 1 < tokens.count, Cues.articles.contains(tokens[k].folded), Self.adjacent(tokens[k], tokens[k + 1], scalars) { k += 1 }
                if tokens[k].startsUpper || listed[k] { i = k + 1; continue }
            }
            // A generic word of a feature around the name ("l'aéroport militaire de Kuweires") makes it a place,
            // whatever other words an organisation's name would have there.
            let featureKinds = Self.featureKinds(first: first, last: last, tokens: tokens)
            if !featureKinds.isEmpty || !isPartOfOtherName(first: first, last: last, tokens: tokens, scalars: scalars, accepted: acceptedTokens) {
                var c = Candidate(first: first, last: last, start: tokens[first].range.lowerBound, end: tokens[last].range.upperBound, text: hit.text)
                c.kindHint = Self.kindHint(first: first, last: last, tokens: tokens)
                c.featureKinds = featureKinds
                c.isNeighbourhood = (first...last).contains { neighbourhoods[$0] }
                out.append(c)
                acceptedTokens.formUnion(first...last)
            }
            i = last + 1
        }
        return out
    }

    /// Tokens of a list after a plural type word and "of"/"de" ("the villages of maarzita, kafr sijna and hbeit",
    /// "les localités de Kafrnbouda et Hamamiyat"), up to the end of the sentence or a word that cannot be part of
    /// a name (stop words other than "and"/"et"/"or"/"ou" and name particles).
    static func listedNames(_ tokens: [Token], _ scalars: [Unicode.Scalar], after listWords: WordSet = Cues.listWords) -> Set<Int> {
        var out: Set<Int> = []
        var i = 0
        while i + 1 < tokens.count {
            defer { i += 1 }
            guard listWords.contains(tokens[i].folded) else { continue }
            var k = i + 1
            // One adjective may stand between: "les quartiers rebelles de", "les localités voisines d'".
            if k + 1 < tokens.count, tokens[k].elision == nil, !tokens[k].startsUpper, tokens[k].folded.count >= 4,
               tokens[k + 1].elision != nil || ["de", "des", "du"].contains(tokens[k + 1].folded) { k += 1 }
            if tokens[k].elision == nil, ["of", "de", "des", "du"].contains(tokens[k].folded) { k += 1 }
            else if tokens[k].elision == nil { continue }
            let line = tokens[i].line
            var taken = 0
            var lastItem = false
            while k < tokens.count, tokens[k].line == line, taken < 24 {
                var gap = scalars[tokens[k - 1].range.upperBound..<tokens[k].range.lowerBound]
                // "… et d'al-Chaar": the elided "d'" before an item is part of the list.
                if let e = tokens[k].elision { gap = gap.dropLast(e.unicodeScalars.count + 1) }
                if gap.contains(where: { $0 != " " && $0 != "," && $0 != "-" && $0 != "\u{00A0}" && !Tokenizer.isApostrophe($0) }) { break }
                // The item after "and"/"et" is the last: "… of Bab Touma and al-Midan, killing 3" ends at the comma.
                if lastItem, gap.contains(",") { break }
                let w = tokens[k].folded
                let joiner = ["and", "et", "or", "ou"].contains(w)
                if joiner { lastItem = true }
                if !joiner, StopList.isStopWord(w), !Cues.nameParticles.contains(w) { break }
                if !joiner { out.insert(k) }
                k += 1
                taken += 1
            }
            i = k - 1
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

    /// No punctuation between tokens `a` and `b` (a < b) on one line: they may belong to one phrase.
    static func unbroken(from a: Int, to b: Int, _ tokens: [Token], _ scalars: [Unicode.Scalar]) -> Bool {
        guard tokens[a].line == tokens[b].line else { return false }
        return !scalars[tokens[a].range.upperBound..<tokens[b].range.lowerBound].contains { ",;:.()[]\"«»".unicodeScalars.contains($0) }
    }

    static func adjacent(_ a: Token, _ b: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        guard a.line == b.line else { return false }
        let gap = scalars[a.range.upperBound..<b.range.lowerBound]
        if b.elision != nil { return false }
        return gap.count <= 2 && gap.allSatisfy { $0 == " " || $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}" || $0 == "\u{00A0}" }
    }

    /// A capitalised non-place word glued to the name (not a type word, not a sentence start) makes it part of
    /// an organisation or a person's name.
    func isPartOfOtherName(first: Int, last: Int, tokens: [Token], scalars: [Unicode.Scalar], accepted acceptedTokens: Set<Int>) -> Bool {
        // After: skip particles ("Salem al-Kahtani"), then look at the next word.
        var k = last + 1
        while k < tokens.count, Cues.articles.contains(tokens[k].folded), Self.adjacent(tokens[k - 1], tokens[k], scalars) { k += 1 }
        let skippedArticle = k > last + 1
        if k < tokens.count, Self.adjacent(tokens[k - 1], tokens[k], scalars) {
            let next = tokens[k]
            if Cues.organisationAfter.contains(next.folded) && (next.startsUpper || next.folded.unicodeScalars.first?.isNumeric == true) { return true }
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
        // A comma between them is a list, not a name: "de Taybet al-Imam, de Maardes".
        if j >= 0, j < first - (tokens[first].elision != nil ? 0 : 1) || tokens[first].elision != nil,
           Self.unbroken(from: j, to: first, tokens, scalars),
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

    /// The feature kinds a generic word on the name's line asks for: "barrage de Tabqa", "l'aéroport militaire
    /// de Kuweires", "the Tabqa dam", "Kuweires air base".
    static func featureKinds(first: Int, last: Int, tokens: [Token]) -> Set<PlaceKind> {
        let line = tokens[first].line
        let words = FeatureWords.standard
        // Most names have no generic word beside them: look at the neighbours before building any phrase.
        var p = first - 1
        if p >= 0, tokens[first].elision == nil, FeatureWords.connectors.contains(tokens[p].folded) { p -= 1 }
        let maybeBefore = p >= 0 && tokens[p].line == line && words.beforeEnds.contains(tokens[p].folded)
        let maybeAfter = last + 1 < tokens.count && tokens[last + 1].line == line && words.afterStarts.contains(tokens[last + 1].folded)
        guard maybeBefore || maybeAfter else { return [] }
        var lo = first
        while lo > 0, first - lo < 4, tokens[lo - 1].line == line { lo -= 1 }
        var hi = last + 1
        while hi < tokens.count, hi - last <= 3, tokens[hi].line == line { hi += 1 }
        var kinds: Set<PlaceKind> = []
        if let b = FeatureWords.standard.kinds(before: tokens[lo..<first].map(\.folded)[...], elided: tokens[first].elision != nil) {
            kinds.formUnion(b.kinds)
        }
        if let a = FeatureWords.standard.kinds(after: tokens[(last + 1)..<hi].map(\.folded)[...]) { kinds.formUnion(a.kinds) }
        return kinds
    }

    static func kindHint(first: Int, last: Int, tokens: [Token]) -> KindHint {
        let before = tokens[max(0, first - 3)..<first].map(\.folded)
        let after = last + 1 < tokens.count ? tokens[last + 1].folded : ""
        // "the neighbourhoods of … in eastern Aleppo": a city's part, not the governorate's.
        if let p = before.last, Cues.regionAdjectives.contains(p) {
            var k = first - 1
            while k > 0, !tokens[k].sentenceStart, !Cues.neighbourhoodWords.contains(tokens[k].folded) { k -= 1 }
            return Cues.neighbourhoodWords.contains(tokens[k].folded) ? .settlement : .region
        }
        if Cues.regionWords.contains(after) { return .region }
        if Cues.settlementWords.contains(after) && after != "district" { return .settlement }
        for w in before.reversed() {
            if Cues.regionWords.contains(w) { return .region }
            if Cues.settlementWords.contains(w) { return .settlement }
        }
        return .any
    }
}
