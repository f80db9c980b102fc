import Foundation
import GeoCore
import Incidents
import Places

/// The event words of a sentence.
extension EventExtractor {
    /// Every trigger the words hold with the word it starts at, in order; at one start, the lexicon's first (the
    /// longest); none inside another.
    func triggerOccurrences(in words: [String]) -> [(at: Int, trigger: Lexicon.Trigger)] {
        var out: [(at: Int, trigger: Lexicon.Trigger)] = []
        for i in words.indices {
            // "suicide car bomb" holds "car bomb", "air strikes" holds "strikes": the words of one trigger start no other.
            if let last = out.last, i < last.at + last.trigger.words.count { continue }
            guard let ks = lexicon.triggersByFirstWord[words[i]] else { continue }
            // Of the triggers written here, the first listed.
            var first: Int?
            for k in ks where first.map({ k < $0 }) ?? true {
                if Self.phrase(lexicon.triggers[k].words, at: i, in: words) { first = k }
            }
            if let first { out.append((i, lexicon.triggers[first])) }
        }
        return out
    }
}
