import Foundation
import GeoCore
import Geoparsing
import Incidents
import Places

/// Control claims of a sentence, the forms real reports use:
/// - a verb before the place, active ("X took control of A, B and C", "l'armée a repris Kawkab") or of loss
///   ("s'est retiré d'Azaz", "après la perte d'Idleb"); the side is the subject, else the side the text last
///   gave a claim to ("the fall of Busra": the side whose advance it is);
/// - a state after the place ("Kafr Batna, which is held by X", "Douma, the main stronghold of X", "al-Haffé,
///   localité tenue par le régime", "Arak, tombée aux mains de l'EI", "dont une partie reste aux mains de
///   l'armée": contested); a state closing a list holds for the whole list;
/// - "X-held P", "bastion rebelle";
/// - the side that lost a place taken: the one that "withdrew", whose "retrait" or "fuite" is told, that was
///   "chassé", that held it ("the largest town still held by X"), else the other side of the fighting there.
extension EventExtractor {
    struct ClaimFrame { var claim: ControlClaim; var placeWord: Int }

    func controlClaims(_ t: SentenceTokens, places: [FramePlace], sides: [SideHit], scalars: [Unicode.Scalar],
                       sentence s: Range<Int>, dated: (ReportDay?, DateSource), context: inout ReadingContext,
                       incidents: [Incident]) -> [ClaimFrame] {
        let w = t.words
        let actors = sides.filter { !$0.isSource }
        let subject = actors.first { !isTarget($0, w) && !isAlly($0, w) }?.name
        var out: [ClaimFrame] = []
        func add(_ actor: String?, _ p: FramePlace, _ status: ControlStatus) {
            guard let actor, let place = p.mention.place else { return }
            if out.contains(where: { $0.claim.actor == actor && $0.claim.placeID == place.id }) { return }
            out.append(ClaimFrame(claim: ControlClaim(actor: actor, placeID: place.id, placeText: p.mention.text, status: status,
                                                      date: dated.0, dateSource: dated.1, evidence: s), placeWord: p.word))
        }
        let named = places.filter { $0.mention.relative == nil && $0.mention.place != nil }
        var tookHere = false
        var taken = Set<String>()          // places a verb gives a side ("took", "contrôle désormais")
        for (n, p) in named.enumerated() {
            // A verb of control or loss before the place; "a chassé le groupe EI d'al-Chaddadi".
            let before = ControlReader.foldedBefore(scalars, from: s.lowerBound, to: p.mention.start)
            // The name comes right after "de"/"d'"/"from" (an elided "d'" is no word of the fold).
            let start = p.mention.start
            let fromBefore = (start >= 2 && ["d", "D"].contains(scalars[start - 2]) && NameFolding.isApostrophe(scalars[start - 1]))
                || (p.word >= 1 && lists[.fromPlace].contains(w[p.word - 1]))
            let expelled = fromBefore ? expelledSide(before: p.word, w, actors) : nil
            var status = expelled != nil ? .captured : control.status(before)
            // A governorate is claimed only by a verb right before it, never as the tail of a list.
            if status != nil, p.isRegion, !control.statusRightBefore(before) { status = nil }
            // "the besieged district of": an adjective, with no side besieging.
            if status == .besieged, p.word >= 2, lists[.article].contains(w[max(0, p.word - 4)]) || lists[.article].contains(w[p.word - 2]) { status = nil }
            if let status {
                // The head of the subject: "regime forces and allied militias took control" is the regime's.
                let near = actors.last { $0.end <= p.word && !isTarget($0, w) && !isAlly($0, w) && !lists.loserMarkers.contains(w[max(0, $0.at - 1)])
                    && $0.name != expelled }
                let agent = near.map { run(endingAt: $0, in: actors, words: w)[0].name } ?? subject ?? context.lastAgent
                add(agent, p, status)
                if let expelled { add(expelled, p, .lost) }
                // "fighting between A and B for control of Y": both sides dispute it.
                if status == .contested, before.hasSuffix(" de") || before.hasSuffix(" of") || before.hasSuffix(" d"),
                   before.contains("control") {
                    for h in actors where h.end <= p.word && !isAlly(h, w) { add(h.name, p, .contested) }
                }
                if status.holds, let id = p.mention.place?.id {
                    taken.insert(id)
                    if let agent { context.takenBy[id] = agent; context.lastAgent = agent }
                    if let expelled { context.takenFrom[id] = expelled }
                }
                // "Hajin, the largest town still held by X": X held it before (lost, below).
                if status.holds, let (holder, _) = stateAfter(p, t, actors: actors, subject: subject), holder != agent { add(holder, p, .controls) }
                // A toll told next without a place of its own is the fighting's for this place.
                if status.holds, let agent, !tookHere { context.capture = (p.mention, [agent] + [expelled].compactMap { $0 }, dated); tookHere = true }
                continue
            }
            if let (actor, status) = stateAfter(p, t, actors: actors, subject: subject) {
                // A state closing a list ("around A, B, C and D, which is held by X") holds for the list.
                var k = n
                while k > 0, listed(named[k - 1], named[k], w) { k -= 1 }
                for q in named[k...n] { add(actor, q, status) }
                continue
            }
            // "the government-held al-Hamdaniya", "rebel-held".
            if p.word >= 2, w[p.word - 1] == "held" || (w[p.word - 1] == "the" && p.word >= 3 && w[p.word - 2] == "held"),
               let h = actors.last(where: { $0.end <= p.word - 1 && $0.end >= p.word - 3 }) {
                add(h.name, p, .controls)
            }
        }
        // The side that lost each place taken.
        for f in out where f.claim.status.holds && taken.contains(f.claim.placeID ?? "") {
            let taker = f.claim.actor
            guard !out.contains(where: { $0.claim.placeID == f.claim.placeID && $0.claim.status == .lost }) else { continue }
            var losers: [String] = []
            for (j, word) in w.enumerated() where lists.loserMarkers.contains(word) {
                // "after fighters of the IS withdrew", "après le retrait des forces gouvernementales".
                if let h = actors.first(where: { $0.at > j && $0.at <= j + 4 }), h.name != taker, word != "withdrew" { losers.append(h.name) }
                if let h = actors.last(where: { $0.end <= j && $0.end >= j - 3 }), h.name != taker, word == "withdrew" || word == "retire" || word == "retires" { losers.append(h.name) }
            }
            for (k, g) in out.enumerated() where g.claim.placeID == f.claim.placeID && g.claim.actor != taker && g.claim.status.holds
                && !losers.contains(g.claim.actor ?? "") {
                out[k].claim.status = .lost
            }
            for l in losers {
                if let p = named.first(where: { $0.mention.place?.id == f.claim.placeID }) { add(l, p, .lost) }
            }
        }
        return out
    }

    /// "a chassé le groupe EI d'al-Chaddadi": the side right after "chassé"/"expelled", the place after "de"/"from".
    func expelledSide(before word: Int, _ w: [String], _ actors: [SideHit]) -> String? {
        guard let j = (max(0, word - 10)..<word).last(where: { lists[.expelVerb].contains(w[$0]) }) else { return nil }
        return actors.first { $0.at > j && $0.end <= word }?.name
    }

    /// Two places of one list: only commas, "and"/"et", "de"/"d", articles between.
    func listed(_ a: FramePlace, _ b: FramePlace, _ w: [String]) -> Bool {
        guard a.end < b.word else { return false }
        return w[(a.end + 1)..<b.word].allSatisfy { lists[.placeListJoiner].contains($0) }
    }

    /// A state told after the place: "held by X", "tenue par X", "aux mains de X", "under the control of X",
    /// "stronghold of X", "bastion rebelle", "capitale de X"; contested after "partly", "une partie".
    func stateAfter(_ p: FramePlace, _ t: SentenceTokens, actors: [SideHit], subject: String?) -> (String, ControlStatus)? {
        let w = t.words
        var j = p.end + 1
        var seen = 0
        var partial = false
        while j < w.count, seen < 16 {
            if t.trailing[j - 1] == ";" || lists.clauseOpeners.contains(w[j]) { return nil }
            let word = w[j]
            if lists.partial.contains(word) { partial = true }
            if lists[.heldParticiple].contains(word), j + 1 < w.count, lists[.heldBy].contains(w[j + 1]) {
                if let h = actors.first(where: { $0.at > j && $0.at <= j + 4 }) { return (h.name, partial ? .contested : .controls) }
            }
            if lists[.inHands].contains(word) {
                if let h = actors.first(where: { $0.at > j && $0.at <= j + 4 }) {
                    let fell = w[max(0, j - 3)..<j].contains { lists[.fell].contains($0) }
                    return (h.name, partial ? .contested : fell ? .captured : .controls)
                }
            }
            // A stronghold in apposition: "Douma, the main stronghold of X", "al-Chaddadi, l'un de ses bastions".
            if lists[.stronghold].contains(word), seen <= 4,
               !w[(p.end + 1)..<j].contains(where: { lists[.movement].contains($0) }) {
                if let h = actors.first(where: { $0.at > j && $0.at <= j + 4 }) { return (h.name, .controls) }
                if j + 1 < w.count, let h = actors.first(where: { $0.at == j + 1 && $0.isModifier }) { return (h.name, .controls) }
                if w[max(0, j - 3)..<j].contains(where: { lists[.possessive].contains($0) }), let subject { return (subject, .controls) }
            }
            // "al-Hol, reprise à Daech en novembre", "retaken by the regime": taken by the side named with "by"/"par", else the subject.
            // Passive: "Y was captured by X", "Y a été reprise par X", "Y fell to X".
            if lists[.takenParticiple].contains(word), seen <= 4,
               w[(p.end + 1)..<j].allSatisfy({ lists[.passiveAux].contains($0) }) {
                if lists[.fellTo].contains(word), let h = actors.first(where: { $0.at > j && $0.at <= j + 4 }) { return (h.name, .captured) }
                if let h = actors.first(where: { $0.at > j && $0.at <= j + 3 && lists[.agentBy].contains(w[$0.at - 1]) || ($0.at > j + 1 && lists[.agentBy].contains(w[j + 1]) && $0.at <= j + 3) }) {
                    return (h.name, .captured)
                }
                if let subject { return (subject, .captured) }
            }
            if actors.contains(where: { $0.at == j }) && !lists[.heldState].contains(w[max(0, j - 2)]) { break }
            j += 1; seen += 1
        }
        return nil
    }
}
