import Foundation
import GeoCore
import Incidents
import Places

/// The event a sentence reports: the lexicon's first trigger, else a death of unstated cause.
extension EventExtractor {
    /// "a annoncé la mort de son émir dans la localité d'Azzaz": a death with no cause given.
    func deathTrigger(_ words: [String]) -> Lexicon.Trigger? {
        guard lists.deathPhrases.contains(where: { !Self.occurrences(of: $0, in: words, first: true).isEmpty }) else { return nil }
        return Lexicon.Trigger(folded: "", eventType: "Violence against civilians", subEventType: "Attack", subType: "killing")
    }

    /// The lexicon's first trigger (in its order: longest first) that the words hold, found from the words.
    func firstTrigger(in words: [String]) -> Lexicon.Trigger? {
        var first = Int.max
        for w in words {
            guard let ks = lexicon.triggersByFirstWord[w] else { continue }
            for k in ks where k < first && !Self.occurrences(of: lexicon.triggers[k].words, in: words, first: true).isEmpty {
                first = k
                break
            }
        }
        return first == .max ? nil : lexicon.triggers[first]
    }

    /// Every trigger the words hold with the word it starts at, in order; at one start, the lexicon's first.
    func triggerOccurrences(in words: [String]) -> [(at: Int, trigger: Lexicon.Trigger)] {
        var found: [Int: Int] = [:]
        for w in Set(words) {
            guard let ks = lexicon.triggersByFirstWord[w] else { continue }
            for k in ks {
                for i in Self.occurrences(of: lexicon.triggers[k].words, in: words) where found[i].map({ k < $0 }) ?? true { found[i] = k }
            }
        }
        return found.sorted { $0.key < $1.key }.map { ($0.key, lexicon.triggers[$0.value]) }
    }

    /// A clause's own event: "regime forces shelled al-Waer, and warplanes carried out air strikes on Talbiseh and
    /// al-Rastan" is shelling at al-Waer, air strikes at the others. The trigger last before the place, when the
    /// sentence holds triggers of more than one kind; nil otherwise (the sentence's trigger stands).
    static func clauseTrigger(before start: Int, sentence: Range<Int>, scalars: [Unicode.Scalar],
                              occurrences: [(at: Int, trigger: Lexicon.Trigger)]) -> Lexicon.Trigger? {
        guard Set(occurrences.map(\.trigger.subType)).count > 1, start > sentence.lowerBound else { return nil }
        let index = words(of: NameFolding.fold(scalars: scalars[sentence.lowerBound..<min(start, sentence.upperBound)])).count
        return occurrences.last { $0.at < index }?.trigger
    }
}
