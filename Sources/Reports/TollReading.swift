import Foundation
import GeoCore
import Incidents
import Places

/// Death tolls of a clause, each with its source.
///
/// A figure is a toll when a kill word follows it ("17 SDF fighters … were killed"), a kill verb comes
/// before it ("killing 8", "tuant au moins 19", "put the toll at 15", "lost 25 fighters"), or a source is
/// named right after it once a toll has been given ("14 selon des militants"). "a man", "un civil" are one.
/// A figure after "including", "among them", "dont", or "N of them" after a toll of the clause is part of that
/// toll, not a claim. Figures of one source joined by "and"/"et" are the sides of one toll and are added up
/// ("19 regime members and 14 jihadists dead": 33). Wounded, missing, displaced, kilometres are no tolls.
extension EventExtractor {
    struct Figure { var count: Int; let at: Int; let vague: Bool; var source: String?; var named: Bool }

    func figures(_ t: SentenceTokens, clause r: Range<Int>, sides: [SideHit], scalars: [Unicode.Scalar],
                 tollBefore: Bool, lastSource: String?, firstSource: String?) -> [Figure] {
        let w = t.words
        var raw: [(at: Int, n: Int, vague: Bool)] = []
        for i in r {
            var n = Int(w[i]) ?? lists.numbers[w[i]]
            let isOne = n == nil && lists.one.contains(w[i]) && w[(i + 1)..<min(r.upperBound, i + 3)].contains { lists.persons.contains($0) }
            if isOne { n = 1 }
            guard let n, n < 100_000, !(1900...2100).contains(n) else { continue }
            if i + 1 < r.upperBound, lists.notCounts.contains(w[i + 1]) { continue }
            // "killing 3 and wounding 20": the wounded.
            if w[max(r.lowerBound, i - 3)..<i].contains(where: { lists.woundWords.contains($0) }) { continue }
            if i + 2 < r.upperBound, w[i + 1] == "of" || w[i + 1] == "de", lists.notCounts.contains(w[i + 2]) { continue }
            // "12 members of two families": a figure of what the toll counts, not another toll.
            if i >= 2, lists[.ofWord].contains(w[i - 1]), raw.contains(where: { $0.at >= i - 4 }) { continue }
            let before = w[max(r.lowerBound, i - 3)..<i]
            if tollBefore || !raw.isEmpty, before.contains(where: { lists.subset.contains($0) }) { continue }
            if !raw.isEmpty, i + 2 < w.count, (w[i + 1] == "of" && w[i + 2] == "them") || (w[i + 1] == "d" && w[i + 2] == "entre") { continue }
            // The kill word may come late: "60 soldats et miliciens prorégime et 37 combattants de l'alliance
            // baptisée « Armée de la conquête » (Jaich al-Fateh), dont fait aussi partie Ahrar al-Cham, ont péri".
            let after = w[(i + 1)..<min(r.upperBound, i + 30)]
            let killAfter = after.prefix { !lists.notCounts.contains($0) && !lists.attribution.contains($0) && !lists.reportVerbs.contains($0) }
                .contains { lists.killWords.contains($0) }
            let killBefore = w[max(r.lowerBound, i - 5)..<i].contains { lists.killVerbs.contains($0) }
            var j = i - 1
            while j >= r.lowerBound, lists.approximators.contains(w[j]) { j -= 1 }
            // "lost 25 fighters", "put the number at 47".
            let adjacent = j >= r.lowerBound && lists.killVerbsAdjacent.contains(w[j])
                || (i >= 2 && w[i - 1] == "at" && lists[.tollNoun].contains(w[i - 2]))
            let attributed = ((i + 1)..<min(r.upperBound, i + 4)).contains { lists.attribution.contains(w[$0]) || isDApres($0, t, scalars) }
            guard killAfter || killBefore || adjacent || (attributed && (tollBefore || !raw.isEmpty)) else { continue }
            raw.append((i, n, lists.vagueNumbers.contains(w[i])))
        }
        // The sides of one toll: figures joined by "and"/"et" with no kill word, source or verb of saying between.
        var joined: [(at: Int, n: Int, vague: Bool)] = []
        for f in raw {
            if let last = joined.last, !last.vague, !f.vague {
                let between = w[(last.at + 1)..<f.at]
                let sides = between.contains { $0 == "and" || $0 == "et" }
                    && !between.contains { lists.killWords.contains($0) || lists.attribution.contains($0) || lists.reportVerbs.contains($0) }
                if sides { joined[joined.count - 1].n += f.n; continue }
            }
            joined.append(f)
        }
        var out: [Figure] = []
        for (k, f) in joined.enumerated() {
            let next = k + 1 < joined.count ? joined[k + 1].at : r.upperBound
            let (source, named) = self.source(of: f.at, upTo: next, t, clause: r, sides: sides, scalars: scalars, lastSource: lastSource, firstSource: firstSource)
            out.append(Figure(count: f.n, at: f.at, vague: f.vague, source: source, named: named))
        }
        return out
    }

    /// The tolls of a text read as one sentence, clause by clause, each with its source.
    func fatalityClaims(in text: String) -> [FatalityClaim] {
        let scalars = Array(text.unicodeScalars)
        let t = SentenceTokens(scalars, 0..<scalars.count, lists: lists)
        let sides = self.sides(in: t.words, triggerWords: triggerOccurrences(in: t.words).map { $0.at..<($0.at + $0.trigger.words.count) })
        var out: [FatalityClaim] = []
        var before = false
        var last: String?
        for c in 0..<t.clauseCount {
            let found = figures(t, clause: t.range(ofClause: c), sides: sides, scalars: scalars, tollBefore: before, lastSource: last, firstSource: nil)
            before = before || !found.isEmpty
            for f in found where !out.contains(FatalityClaim(source: f.source, count: f.count)) {
                out.append(FatalityClaim(source: f.source, count: f.count))
                last = f.source ?? last
            }
        }
        return out
    }

    /// "with no casualties", "sans faire de victimes": a toll of none.
    /// Each phrase is looked for only where its first word stands.
    func saysNoCasualties(_ w: ArraySlice<String>) -> Bool {
        w.indices.contains { i in
            lists.noCasualtiesByFirstWord[w[i]]?.contains { Self.phrase($0, at: i, in: w) } == true
        }
    }

    /// The source of the figure at `i`: named after it ("selon l'OSDH", "according to state media"); else the
    /// subject of a verb of saying before it in the clause ("the Aleppo Media Centre put the toll at 41",
    /// "les FDS affirment avoir tué"); else "the same source" (the last one named); else the source the
    /// clause names; else the report's first source (`named` false for these two).
    func source(of i: Int, upTo next: Int, _ t: SentenceTokens, clause r: Range<Int>, sides: [SideHit],
                scalars: [Unicode.Scalar], lastSource: String?, firstSource: String?) -> (String?, Bool) {
        let w = t.words
        for j in (i + 1)..<max(i + 1, next) where lists.attribution.contains(w[j]) || isDApres(j, t, scalars) {
            var k = j + 1
            if k < w.count, w[k] == "to" { k += 1 }
            if let h = sides.first(where: { $0.at >= k && $0.at <= k + 3 && $0.at < next }) { return (h.name, true) }
            // "selon la même source".
            if let lastSource, lists.sameSource.contains(where: { Self.phrase($0, at: k, in: w) || Self.phrase($0, at: k + 1, in: w) }) {
                return (lastSource, true)
            }
            if k < w.count, lists.sourceAnaphors.contains(w[k]) || (k + 1 < w.count && lists.sourceAnaphors.contains(w[k + 1])), let lastSource {
                return (lastSource, true)
            }
            var end = k
            while end < min(next, r.upperBound), end < k + 6, t.trailing[end] == nil { end += 1 }
            if let text = subject(k..<min(w.count, end + 1), t, scalars) { return (text, true) }
        }
        // "fait état de", "faisait état de": a verb of saying ("a fait deux morts" is not).
        if let v = (r.lowerBound..<i).last(where: { lists.reportVerbs.contains(w[$0]) || (lists[.stateNoun].contains(w[$0]) && $0 > 0 && lists[.makeVerb].contains(w[$0 - 1])) }) {
            if let h = sides.last(where: { $0.at >= r.lowerBound && $0.end <= v }) { return (h.name, true) }
            // "selon l'OSDH, qui affirme que …": the relative pronoun's antecedent.
            if lists[.relativePronoun].contains(w[r.lowerBound]) || (r.lowerBound < v && lists.sourceAnaphors.contains(w[v - 1])) {
                if let h = sides.last(where: { $0.isSource && $0.end <= r.lowerBound }) { return (h.name, true) }
                if let lastSource { return (lastSource, true) }
            }
            if let text = subject(r.lowerBound..<v, t, scalars) { return (text, true) }
        }
        if lists.sameSource.contains(where: { !Self.occurrences(of: $0, in: w, first: true).isEmpty }), let lastSource { return (lastSource, true) }
        let named = sides.filter { $0.isSource && r.contains($0.at) }
        if let h = named.first(where: { $0.at > i }) ?? named.last { return (h.name, false) }
        return (firstSource, false)
    }

    /// "d'après": the fold drops an elided "d'", leaving "apres" ("after" otherwise).
    func isDApres(_ j: Int, _ t: SentenceTokens, _ scalars: [Unicode.Scalar]) -> Bool {
        guard t.words[j] == "apres" else { return false }
        if j > 0, t.words[j - 1] == "d" { return true }
        let a = t.spans[j].lowerBound
        return a + 1 < scalars.count && (scalars[a] == "d" || scalars[a] == "D") && NameFolding.isApostrophe(scalars[a + 1])
    }

    /// The name in a clause's subject as written: "the local network Deir Ezzor 24" → "Deir Ezzor 24",
    /// "activists in the town" → itself; words that open clauses and articles dropped; nil when empty or long.
    func subject(_ r: Range<Int>, _ t: SentenceTokens, _ scalars: [Unicode.Scalar]) -> String? {
        var a = r.lowerBound
        while a < r.upperBound, lists[.subjectSkip].contains(t.words[a]) { a += 1 }
        guard a < r.upperBound, r.upperBound - a <= 8 else { return nil }
        // A capitalised name of two or more words, or with a figure, stands for its descriptors.
        var firstCapital: Int?
        for j in a..<r.upperBound {
            let s = scalars[t.spans[j].lowerBound]
            if s.isUppercase || s.isNumeric { firstCapital = j; break }
        }
        if let c = firstCapital, c > a, r.upperBound - c >= 2 { a = c }
        let text = t.text(a..<r.upperBound, in: scalars)
        return text.isEmpty ? nil : text
    }
}
