import Foundation
import GeoCore
import Incidents

/// Death tolls of a sentence, each with the source named nearest to it.
extension EventExtractor {
    func fatalityClaims(_ words: [String]) -> [FatalityClaim] {
        var out: [FatalityClaim] = []
        var sawKill = false
        lazy var sources = sourcesNamed(in: words)
        for (i, w) in words.enumerated() {
            guard let n = Int(w) ?? lists.numbers[w], n < 100_000, !(1900...2100).contains(n) else { continue }
            if i + 1 < words.count, lists.notCounts.contains(words[i + 1]) { continue }
            let after = words[(i + 1)..<min(words.count, i + 9)]
            let before = words[max(0, i - 5)..<i]
            let killAfter = after.prefix { !lists.notCounts.contains($0) }.contains { lists.killWords.contains($0) }
            let killBefore = before.contains { lists.killVerbs.contains($0) }
            let attributed = after.prefix(3).contains { lists.attribution.contains($0) }
            guard killAfter || killBefore || (attributed && sawKill) else { continue }
            sawKill = true
            out.append(FatalityClaim(source: source(near: i, among: sources), count: n))
        }
        // The same figure from the same source twice is one claim.
        var seen = Set<FatalityClaim>()
        return out.filter { seen.insert($0).inserted }
    }

    /// Where the lexicon's sources are named in the words: (position of the first word, index in `aliases`), by
    /// position, then in lexicon order.
    func sourcesNamed(in words: [String]) -> [(word: Int, alias: Int)] {
        var out: [(word: Int, alias: Int)] = []
        for (j, w) in words.enumerated() {
            guard let ks = lexicon.aliasesByFirstWord[w] else { continue }
            for k in ks where lexicon.aliases[k].isSource {
                let p = lexicon.aliases[k].words
                if j + p.count <= words.count, words[j..<(j + p.count)].elementsEqual(p) { out.append((j, k)) }
            }
        }
        return out
    }

    /// The source named after the number at `i` (within ten words, "selon l'OSDH"), else anywhere in the
    /// sentence; the nearer wins, then the earlier in the lexicon (the longer alias), then the earlier naming.
    func source(near i: Int, among named: [(word: Int, alias: Int)]) -> String? {
        var best: (d: Int, alias: Int, word: Int)?
        for (j, k) in named {
            let d = j > i ? j - i : 100 + (i - j)
            if best == nil || (d, k, j) < (best!.d, best!.alias, best!.word) { best = (d, k, j) }
        }
        return best.map { lexicon.aliases[$0.alias].canonical }
    }
}
