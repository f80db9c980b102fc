import Foundation
import GeoCore
import Incidents

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
}
