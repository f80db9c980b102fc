import Foundation
import GeoCore
import Incidents

/// The actors a sentence names (the lexicon's aliases), acting or hit, sources left out.
extension EventExtractor {
    struct ActorHit { let name: String; let index: Int; let isTarget: Bool; let isSource: Bool }

    func actorsIn(_ words: [String]) -> [ActorHit] {
        var taken = [Bool](repeating: false, count: words.count)
        var hits: [ActorHit] = []
        // The aliases whose first word the sentence has, in lexicon order (longest first), each once.
        var candidates: [Int] = []
        for w in words { if let ks = lexicon.aliasesByFirstWord[w] { candidates += ks } }
        candidates.sort()
        for (n, k) in candidates.enumerated() where n == 0 || candidates[n - 1] != k {
            let a = lexicon.aliases[k]
            let p = a.words
            for i in Self.occurrences(of: p, in: words) where !taken[i..<(i + p.count)].contains(true) {
                for t in i..<(i + p.count) { taken[t] = true }
                // A group named right after a number is what was hit: "46 rebelles d'Ahrar al-Cham".
                let target = (max(0, i - 4)..<i).contains { Int(words[$0]) != nil || lists.numbers[words[$0]] != nil }
                hits.append(ActorHit(name: a.canonical, index: i, isTarget: target, isSource: a.isSource))
            }
        }
        return hits.filter { !$0.isSource }.sorted { $0.index < $1.index }
    }

    static func ordered(_ hits: [ActorHit]) -> [String] {
        var out: [String] = []
        for h in hits.filter({ !$0.isTarget }) + hits.filter(\.isTarget) where !out.contains(h.name) { out.append(h.name) }
        return out
    }
}
