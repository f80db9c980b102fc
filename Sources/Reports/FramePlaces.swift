import Foundation
import GeoCore
import Geoparsing
import Incidents
import Locating
import Places

/// A place of a sentence as the event reader sees it: the words it covers, its clause, and whether it can be
/// where an event happened.
struct FramePlace {
    let mention: Mention
    let word: Int
    let end: Int
    let clause: Int
    /// "from X", "depuis X", "towards X", "vers X", "had fled X": where people came from or went, not where it
    /// happened (but "abducted 6 civilians from X" is where they were taken).
    var afterOrigin = false
    /// "In the Houla area, … a man was killed when shells hit Kafr Laha": the opening place of a clause that
    /// names another.
    var fronted = false
    /// A relative expression that only tells where a place named next to it lies ("Kafranbel, some 10 km west
    /// of Maarat al-Numan").
    var describesNeighbour = false

    /// A governorate, or a part of one with no distance ("in the northern countryside of Homs", "southern Idlib").
    var isRegion: Bool {
        guard let r = mention.relative else { return mention.place?.kind.isAdministrative ?? true }
        return r.anchor.kind.isAdministrative && r.expression.distance == nil && r.namedPlace?.place == nil
    }
}

/// What the reader carries from sentence to sentence: the incident last told in the paragraph, the place
/// last taken (a toll after "X s'est emparé de Y" is the fighting's), the side that took it, the last source.
struct ReadingContext {
    var focus: Int?
    /// The sides acting in the incident last made.
    var focusAgents: [String] = []
    var capture: (mention: Mention, agents: [String], date: (ReportDay?, DateSource))?
    var lastAgent: String?
    /// The side a verb says took each place, by place id.
    var takenBy: [String: String] = [:]
    /// The side a verb says lost each place taken ("a chassé l'EI d'al-Chaddadi"), by place id.
    var takenFrom: [String: String] = [:]
    var lastSource: String?
    /// The source named first in the report: what a toll with no source of its own is told on.
    var firstSource: String?
    /// The city named last (100,000 people or more): where "the besieged districts" are.
    var lastCity: Place?
}

extension EventExtractor {
    /// The places of a sentence (role `place`, not a country, in the document's country), in order, with the
    /// words they cover; names inside a relative expression (its anchor) are left out. `triggerWords`: where the
    /// sentence's event words start.
    func framePlaces(_ inSentence: [Mention], _ t: SentenceTokens, country: String?, triggerWords: [Int] = []) -> [FramePlace] {
        let relativeSpans = inSentence.filter { $0.relative != nil }.map { $0.start..<$0.end }
        var out: [FramePlace] = []
        for m in inSentence {
            if m.relative == nil {
                if relativeSpans.contains(where: { $0.contains(m.start) && $0.lowerBound != m.start }) { continue }
                guard let p = m.place, p.kind != .country, country == nil || p.country == country else { continue }
            }
            guard let word = t.word(at: m.start) else { continue }
            let end = max(word, t.word(at: max(m.start, m.end - 1)) ?? word)
            var f = FramePlace(mention: m, word: word, end: end, clause: t.clause[word])
            var j = word - 1
            while j >= 0, lists.placeLeadWords.contains(t.words[j]) { j -= 1 }
            // "from X", "vers X"; "stationed in X", "basées à X", "joint à X".
            f.afterOrigin = m.role == .origin || (j >= 0 && lists.notEventPlace.contains(t.words[j]))
                || (j >= 1 && lists[.locationPreposition].contains(t.words[j]) && lists.notEventPlace.contains(t.words[j - 1]))
            // The next item of a list after "towards A and B" is as much a destination.
            if !f.afterOrigin, let prev = out.last, prev.afterOrigin, prev.clause == f.clause, listed(prev, f, t.words) { f.afterOrigin = true }
            out.append(f)
        }
        // "the al-Zahraa neighbourhood of Homs": the city only says where the neighbourhood is.
        // "Rabia, dans la région du Jabal Turkmène", "X, in the Y area": the same.
        for k in out.indices.dropFirst() where out[k].mention.relative == nil {
            let lead = t.words[max(0, out[k - 1].end + 1)..<out[k].word]
            guard out[k - 1].end < out[k].word, lead.count <= 4, lead.contains(where: { lists.neighbourhoodWords.contains($0) })
                || (out[k].end + 1 < t.words.count && lists.neighbourhoodWords.contains(t.words[out[k].end + 1]) && lead.count <= 3 && t.trailing[out[k - 1].end] == ",") else { continue }
            out[k].describesNeighbour = true
        }
        // A relative expression right after a place, or naming it, describes that place.
        for k in out.indices where out[k].mention.relative != nil {
            let r = out[k].mention
            let named = r.relative?.namedPlace?.place?.id
            if out.contains(where: { q in (q.mention.relative == nil || q.mention.relative?.expression.form == .proximity) && q.clause == out[k].clause && q.word < out[k].word
                && ((named != nil && q.mention.place?.id == named) || (q.mention.end <= r.start && r.start - q.mention.end <= 3)
                    || (q.end < out[k].word && (out[k].word - q.end <= 2 || (out[k].word - q.end <= 3 && t.trailing[q.end..<out[k].word].allSatisfy { $0 == nil })))) }) {
                out[k].describesNeighbour = true
            }
        }
        // "al-Haffé, localité tenue par le régime à une quinzaine de kilomètres au sud-ouest de Salma": a distance
        // or a direction told a few words after a place of the clause, with no event word between, locates it.
        for k in out.indices where out[k].mention.relative != nil && !out[k].describesNeighbour && !out[k].isRegion {
            guard let form = out[k].mention.relative?.expression.form, form == .distanceAndDirection || form == .directionOnly || form == .distanceOnly,
                  let q = out.last(where: { $0.clause == out[k].clause && $0.end < out[k].word && ($0.mention.relative == nil || $0.mention.relative?.expression.form == .proximity) }),
                  out[k].word - q.end <= 7, !out.contains(where: { $0.word > q.end && $0.word < out[k].word }),
                  !triggerWords.contains(where: { $0 > q.end && $0 < out[k].word }) else { continue }
            out[k].describesNeighbour = true
        }
        // The opening place of a clause ("In the Houla area, …", "Dans la campagne est de Homs, …") when the
        // clause names another place after its comma.
        for k in out.indices {
            let c = t.range(ofClause: out[k].clause)
            guard lists[.frontingPreposition].contains(t.words[c.lowerBound]), out[k].word - c.lowerBound <= 7,
                  let comma = (out[k].end..<min(c.upperBound, out[k].end + 3)).first(where: { t.trailing[$0] == "," }) else { continue }
            if out.contains(where: { $0.clause == out[k].clause && $0.word > comma && !$0.describesNeighbour }) {
                out[k].fronted = true
            }
        }
        return out
    }

    /// Where an incident happened, from a place or a relative expression. A relative expression that names no
    /// place of its own is located at the place it stands near ("on the outskirts of Kafr Nabudah") or inside
    /// ("in eastern Aleppo"), with its own point and precision.
    static func locate(_ incident: inout Incident, at m: Mention) {
        if let r = m.relative {
            incident.point = r.point
            incident.geoPrecision = r.geoPrecision
            incident.uncertaintyKm = r.uncertaintyRadius.kilometers
            incident.admin1 = r.anchor.admin1
            // The name the expression locates, even one the gazetteer lacks ("à Kantari, à 80 km au nord de Raqa").
            incident.locationText = r.namedPlace?.text ?? m.text
            if let named = r.namedPlace?.place {
                incident.placeID = named.id
            } else if r.expression.form == .proximity || r.expression.form == .countryside {
                incident.placeID = r.anchor.id
            }
        } else if let p = m.place {
            incident.point = p.coordinate
            incident.placeID = p.id
            incident.admin1 = p.admin1
            incident.locationText = m.text
            // ACLED: 1 a town or a precise site, 2 somewhere on a range, plain, lake or river, 3 a region.
            incident.geoPrecision = p.kind.isAdministrative ? 3 : p.kind.isExtensive ? 2 : 1
        }
    }
}
