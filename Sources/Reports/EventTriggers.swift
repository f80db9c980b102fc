import Foundation
import GeoCore
import Incidents
import Places

/// The event words of a sentence.
extension EventExtractor {
    /// Every trigger the words hold with the word it starts at, in order; at one start, the lexicon's first (the
    /// longest); none inside another.
    func triggerOccurrences(in words: [String]) -> [(at: Int, trigger: Lexicon.Trigger)] {
        var found: [Int: Int] = [:]
        for w in Set(words) {
            guard let ks = lexicon.triggersByFirstWord[w] else { continue }
            for k in ks {
                for i in Self.occurrences(of: lexicon.triggers[k].words, in: words) where found[i].map({ k < $0 }) ?? true { found[i] = k }
            }
        }
        // "suicide car bomb" holds "car bomb", "air strikes" holds "strikes": the words of one trigger start no other.
        var out: [(at: Int, trigger: Lexicon.Trigger)] = []
        for (at, k) in found.sorted(by: { $0.key < $1.key }) {
            if let last = out.last, at < last.at + last.trigger.words.count { continue }
            out.append((at, lexicon.triggers[k]))
        }
        return out
    }
}
