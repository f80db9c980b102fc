import Foundation
import GeoCore
import Incidents

/// The sides a sentence names (the lexicon's aliases) and which side acts in a clause.
extension EventExtractor {
    /// One alias found: its canonical name and its words.
    struct SideHit { let name: String; let at: Int; let end: Int; let isSource: Bool; let isModifier: Bool }

    /// Every alias of the lexicon in the words, longest first, none overlapping, by position. A modifier
    /// ("Russian", "coalition", "rebelle") is kept only within three words of an event word, of another side,
    /// or of a word of holding ("rebel-held", "bastion rebelle"). `capitalised` says whether word `i` is written
    /// in capitals (short aliases such as "IS" need them).
    func sides(in words: [String], triggerWords: [Range<Int>], capitalised: (Int) -> Bool = { _ in true }) -> [SideHit] {
        var taken = [Bool](repeating: false, count: words.count)
        var hits: [SideHit] = []
        // Each alias with the words its first word stands at, aliases in the lexicon's order (longest first).
        var starts: [(alias: Int, at: Int)] = []
        for (i, w) in words.enumerated() { if let ks = lexicon.aliasesByFirstWord[w] { for k in ks { starts.append((k, i)) } } }
        starts.sort { $0.alias != $1.alias ? $0.alias < $1.alias : $0.at < $1.at }
        for (k, i) in starts {
            let a = lexicon.aliases[k]
            if Self.phrase(a.words, at: i, in: words),
               !taken[i..<(i + a.words.count)].contains(true), !a.needsCapitals || capitalised(i) {
                for t in i..<(i + a.words.count) { taken[t] = true }
                hits.append(SideHit(name: a.canonical, at: i, end: i + a.words.count, isSource: a.isSource, isModifier: a.isModifier))
            }
        }
        hits.sort { $0.at < $1.at }
        return hits.filter { h in
            guard h.isModifier else { return true }
            // Before its noun in English ("Russian and regime warplanes"), after it in French ("raids russes").
            let after = h.end..<min(words.count, h.end + 3)
            let before = max(0, h.at - 2)..<h.at
            if triggerWords.contains(where: { $0.overlaps(after) || $0.overlaps(before) }) { return true }
            if hits.contains(where: { !$0.isSource && $0.at > h.at && $0.at <= h.end + 1 }) { return true }
            return (max(0, h.at - 1)..<min(words.count, h.end + 1)).contains { lists.holdingWords.contains(words[$0]) }
        }
    }

    /// Whether the side at `h` is what was hit: right after a figure ("46 rebelles d'Ahrar al-Cham"), after
    /// "against", "contre", "with", "between … and", or before "positions".
    func isTarget(_ h: SideHit, _ words: [String], fighting: Bool = true) -> Bool {
        // A figure (not a year, not a day of a month) right before: "46 rebelles d'Ahrar al-Cham".
        for j in max(0, h.at - 4)..<h.at {
            guard let n = Int(words[j]) ?? lists.numbers[words[j]], !(1900...2100).contains(n) else { continue }
            if j + 1 < words.count, lists.months[words[j + 1]] != nil { continue }
            return true
        }
        // "with"/"avec" names the other side of a fight only ("collaborer avec le régime" is no target).
        if words[max(0, h.at - 3)..<h.at].contains(where: { lists.opponentMarkers.contains($0) && $0 != "between" && $0 != "entre"
            && (fighting || ($0 != "with" && $0 != "avec")) }) { return true }
        if h.end < words.count, words[h.end] == "positions" { return true }
        return false
    }

    /// Whether a side is named as an ally rather than a side of the clause: "backed by the coalition",
    /// "appuyée par l'aviation russe", "soutenue par Washington".
    func isAlly(_ h: SideHit, _ words: [String]) -> Bool {
        words[max(0, h.at - 6)..<h.at].contains { lists.allyMarkers.contains($0) }
    }

    /// The sides acting for a trigger at `t` in clause words `clause`: named after "by"/"par"; else the sides
    /// right before (or, in French, right after) the trigger word ("Russian and regime warplanes", "raids
    /// russes"); else the nearest side before it in the clause that is not hit.
    func agents(ofTriggerAt t: Range<Int>, clause: Range<Int>, sides: [SideHit], words: [String]) -> [String] {
        let inClause = sides.filter { !$0.isSource && clause.contains($0.at) }
        // "by Russian and regime warplanes", "tirées par les rebelles".
        for j in t.upperBound..<min(clause.upperBound, t.upperBound + 6) where lists.agentMarkers.contains(words[j]) && !(j > 0 && lists.allyMarkers.contains(words[j - 1])) {
            let run = run(startingNear: j + 1, in: inClause, words: words)
            if !run.isEmpty { return run.map(\.name) }
        }
        // A side ending at the trigger or overlapping it ("Russian warplanes", "aviation du régime").
        if let h = inClause.last(where: { $0.at <= t.lowerBound && $0.end >= t.lowerBound - 1 || $0.at < t.upperBound && $0.end > t.lowerBound }) {
            return run(endingAt: h, in: inClause, words: words).map(\.name)
        }
        // French adjectives follow the noun: "raids russes", "frappes de la coalition".
        if let h = inClause.first(where: { $0.at >= t.upperBound && $0.at <= t.upperBound + 2 && !isTarget($0, words)
            && ($0.isModifier || ($0.at > t.upperBound && words[t.upperBound..<$0.at].allSatisfy { lists[.adjectiveLink].contains($0) })) }) {
            return [h.name]
        }
        if let h = inClause.last(where: { $0.end <= t.lowerBound && !isTarget($0, words) && !isAlly($0, words) }) {
            return run(endingAt: h, in: inClause, words: words).map(\.name)
        }
        return []
    }

    /// Sides joined by "and"/"et" from the one nearest `start` (articles may come first).
    func run(startingNear start: Int, in sides: [SideHit], words: [String]) -> [SideHit] {
        // "menée par des miliciens takfiristes de l'EIIL": a few words may stand before the side's name.
        guard var h = sides.first(where: { $0.at >= start && $0.at <= start + 5 }) else { return [] }
        var out = [h]
        while let next = sides.first(where: { $0.at > h.end - 1 && $0.at <= h.end + 2 && words[h.end..<$0.at].allSatisfy { lists[.sideJoiner].contains($0) } }) {
            out.append(next); h = next
        }
        return out
    }

    /// Sides joined by "and"/"et" that end with `last`.
    func run(endingAt last: SideHit, in sides: [SideHit], words: [String]) -> [SideHit] {
        var out = [last]
        var h = last
        while let prev = sides.last(where: { $0.end <= h.at && $0.end >= h.at - 2 && words[$0.end..<h.at].allSatisfy { lists[.conjunction].contains($0) } && $0.end < h.at }) {
            out.insert(prev, at: 0); h = prev
        }
        return out
    }

    /// The other sides of a clause: those hit ("against SDF positions", "killing 11 SDF members"), the second
    /// of "between A and B"; in fighting, every other side named in the clause.
    func opponents(in clause: Range<Int>, sides: [SideHit], agents: [String], words: [String], fighting: Bool) -> [String] {
        var out: [String] = []
        for h in sides where clause.contains(h.at) && !h.isSource && !agents.contains(h.name) && !out.contains(h.name) && !isAlly(h, words)
            // "the government-held neighbourhood" says who holds it, not who was hit.
            && !(h.end < words.count && words[h.end] == "held") {
            let between = words[max(clause.lowerBound, h.at - 8)..<h.at].contains { $0 == "between" || $0 == "entre" }
            if fighting || between || isTarget(h, words, fighting: false) { out.append(h.name) }
        }
        return out
    }
}
