import Foundation
import GeoCore
import Geoparsing
import Incidents
import Places

/// One sentence read for events: its words and clauses, places, event words, sides, span and day.
struct SentenceFrame {
    let tokens: SentenceTokens
    let places: [FramePlace]
    let triggers: [(at: Int, trigger: Lexicon.Trigger)]
    let sides: [EventExtractor.SideHit]
    let sentence: Range<Int>
    let date: (ReportDay?, DateSource)
    /// The words of places the sentence makes a control claim on ("where the FSA still controls Nawa", "après
    /// avoir repris al-Bab, l'EIIL multiplie les exécutions"): an event word told after them makes an incident
    /// there only if it is fighting ("took control of Hajin after a week of street fighting").
    let held: Set<Int>
}

extension EventExtractor {
    /// The incidents of a sentence, clause by clause (see `EventExtractor`).
    func readEvents(_ f: SentenceFrame, scalars: [Unicode.Scalar], reportDate: ReportDay?, reportSource: DateSource,
                    context: inout ReadingContext, into incidents: inout [Incident]) {
        let t = f.tokens
        var lastTrigger: (at: Int, trigger: Lexicon.Trigger)?
        var sentenceAgents: [String] = []
        var lastOfSentence: Int?
        var tollBefore = false
        for c in 0..<t.clauseCount {
            let r = t.range(ofClause: c)
            let words = Array(t.words[r])
            let figures = self.figures(t, clause: r, sides: f.sides, scalars: scalars, tollBefore: tollBefore, lastSource: context.lastSource, firstSource: context.firstSource)
            tollBefore = tollBefore || !figures.isEmpty
            let none = saysNoCasualties(t.words[r])
            let killed = !figures.isEmpty || words.contains { lists.killWords.contains($0) }
            let attacks = words.contains { lists.attackVerbs.contains($0) }
            var all = f.triggers.filter { r.contains($0.at) }
            if !killed, !attacks, all.allSatisfy({ lists.vehicleTriggers.contains($0.trigger.folded) }) { all = [] }
            let strong = all.filter { !lists.weakTriggers.contains($0.trigger.folded) }
            var own = strong.isEmpty ? all : strong
            // "air defences intercepted two missiles": the weapon's use was disrupted; no strike.
            if own.contains(where: { $0.trigger.subType == "intercepted" }) { own = own.filter { $0.trigger.subType == "intercepted" } }
            // A bombardment with aircraft in it is an air strike ("l'aviation du régime a bombardé").
            if let air = own.first(where: { $0.trigger.subType == "air_strike" }), own.contains(where: { lists.vehicleTriggers.contains($0.trigger.folded) }) {
                own = own.map { $0.trigger.subType == "shelling" ? ($0.at, air.trigger) : $0 }
            }
            var dated = date(words, report: reportDate, reportSource: reportSource)
            if dated.1 != .text { dated = f.date }
            if lists.sameDay.contains(where: { !Self.occurrences(of: $0, in: words, first: true).isEmpty }), let k = context.focus {
                dated = (incidents[k].date, incidents[k].dateSource)
            }
            var places = Self.eventPlaces(f.places.filter { $0.clause == c })
            var made: [Int] = []
            func make(_ trigger: (at: Int, trigger: Lexicon.Trigger), at p: FramePlace?, copying from: Incident?) {
                let tr = trigger.trigger
                // The event word's own clause says who acted ("Clashes between A and B, which …, left 6 dead near X").
                let tc = t.range(ofClause: t.clause[min(trigger.at, t.clause.count - 1)])
                var agents = agents(ofTriggerAt: trigger.at..<(trigger.at + tr.words.count), clause: tc, sides: f.sides, words: t.words)
                if agents.isEmpty { agents = sentenceAgents }
                if agents.isEmpty, let k = context.focus, incidents[k].subType == tr.subType { agents = context.focusAgents }
                // Fighting at a place a side took ("les combats autour de Souran" after "s'emparer de Souran"), or
                // fighting nobody is named for in a paragraph where a side is advancing: that side fights.
                let placeID = p?.mention.relative?.anchor.id ?? p?.mention.place?.id ?? from?.placeID
                if tr.eventType == "Battles", let id = placeID, let taker = context.takenBy[id], !agents.contains(taker) { agents.insert(taker, at: 0) }
                if tr.eventType == "Battles", let id = placeID, let loser = context.takenFrom[id], !agents.contains(loser) { agents.append(loser) }
                if agents.isEmpty, tr.eventType == "Battles", !f.sides.contains(where: { !$0.isSource && tc.contains($0.at) }), let a = context.lastAgent { agents = [a] }
                var notes: String?
                if agents.isEmpty {
                    // ACLED's conventions: barrel bombs are the regime's; a car bomb or a drone no one claims is an
                    // unidentified group's. Warplanes no one is named for stay without a side.
                    if regimeWeaponTriggers.contains(tr.folded) {
                        agents = ["Syrian government forces"]; notes = "barrel bombs: attributed to the regime (ACLED convention)"
                    } else if tr.subType == "car_bomb" || unclaimedWeaponTriggers.contains(tr.folded) {
                        agents = ["Unidentified"]
                    }
                }
                sentenceAgents = agents
                context.focusAgents = agents
                var incident = Incident(
                    id: "", date: dated.0, dateSource: dated.1, timePrecision: dated.0 == nil ? 3 : timePrecision(words),
                    eventType: tr.eventType, subEventType: tr.subEventType, subType: tr.subType,
                    actors: agents + opponents(in: tc, sides: f.sides, agents: agents, words: t.words, fighting: tr.eventType == "Battles"),
                    locationText: nil, placeID: nil, admin1: nil, point: nil, geoPrecision: nil, claims: [], evidence: f.sentence)
                incident.notes = notes
                if let p { Self.locate(&incident, at: p.mention) } else if let from {
                    incident.point = from.point; incident.placeID = from.placeID; incident.admin1 = from.admin1
                    incident.locationText = from.locationText; incident.geoPrecision = from.geoPrecision
                    incident.uncertaintyKm = from.uncertaintyKm; incident.locationFromContext = true
                }
                made.append(incidents.count)
                incidents.append(incident)
            }
            // "the battle for the city would start within days", "menacent désormais": nothing happened yet.
            if words.contains(where: { lists.irrealis.contains($0) }) { if let tr = own.last { lastTrigger = tr }; continue }
            // ", where an ISIS suicide car bomb killed 7": the place the clause before ended with.
            if places.isEmpty, c > 0, killed || attacks, lists.relativeOpeners.contains(t.words[r.lowerBound]),
               let antecedent = f.places.last(where: { $0.clause == c - 1 && !$0.describesNeighbour }) {
                places = [antecedent]
                places[0].afterOrigin = false
            }
            if !own.isEmpty || ((killed || attacks) && lastTrigger != nil && !places.isEmpty) {
                let later = (c + 1..<t.clauseCount).first { k in
                    f.places.contains { $0.clause == k && !$0.afterOrigin } && !f.triggers.contains { t.clause[$0.at] == k }
                }
                if places.isEmpty, later != nil, figures.isEmpty, !words.contains(where: { lists.neighbourhoodWords.contains($0) }) {
                    // "Clashes between A and B, which has pledged allegiance to C, left 6 dead near X": the place
                    // comes in a later clause, which takes this event word.
                } else if places.isEmpty, figures.isEmpty, !words.contains(where: { lists.placeAnaphors.contains($0) || lists.neighbourhoodWords.contains($0) }) {
                    // An event word with no place, no toll and no "the city": nothing to put on a map (the place may be
                    // one the gazetteer lacks; the incident told last is not it).
                } else if places.isEmpty {
                    // An event word with no place, with a toll or "sur la ville": where the incident told last is, else
                    // the place last taken.
                    // Fighting and strikes told together are the fighting; a bombardment with aircraft in it is an air strike.
                    let mixed = own.first { $0.trigger.eventType == "Battles" } ?? own.first { $0.trigger.subType == "air_strike" } ?? own[0]
                    if words.contains(where: { lists.neighbourhoodWords.contains($0) }), let city = context.lastCity {
                        // "the besieged districts", "les quartiers rebelles de Tariq al-Bab": the city's.
                        var at = Incident(id: "", date: nil, dateSource: .unknown, timePrecision: 1, eventType: "", subEventType: "", subType: "",
                                          actors: [], locationText: nil, placeID: nil, admin1: nil, point: nil, geoPrecision: nil, claims: [], evidence: f.sentence)
                        at.point = city.coordinate; at.placeID = city.id; at.admin1 = city.admin1; at.locationText = city.name; at.geoPrecision = 1
                        make(mixed, at: nil, copying: at)
                    } else if let k = lastOfSentence ?? context.focus {
                        make(mixed, at: nil, copying: incidents[k])
                    } else if let taken = context.capture {
                        make(mixed, at: FramePlace(mention: taken.mention, word: 0, end: 0, clause: c), copying: nil)
                    }
                } else {
                    var seen = Set<String>()
                    for p in places {
                        let after = own.first(where: { $0.at > p.end && (!f.held.contains(p.word) || $0.trigger.eventType == "Battles") })
                        guard let trigger = own.last(where: { $0.at < p.word }) ?? after ?? lastTrigger else { continue }
                        if p.afterOrigin && trigger.trigger.subType != "abduction" { continue }
                        guard seen.insert((p.mention.place?.id ?? p.mention.text) + trigger.trigger.subType).inserted else { continue }
                        make(trigger, at: p, copying: nil)
                    }
                }
            } else if !figures.isEmpty || deathTold(words) {
                if let p = places.first, lastTrigger == nil, own.isEmpty {
                    // People killed at a place with no cause given ("a annoncé la mort de son émir dans la localité
                    // d'Azzaz"): an attack, by the side named before the death is told; at a place the sentence
                    // says was taken ("seized X, killing 15 of its defenders"), the fighting for it.
                    let at = r.lowerBound + (words.firstIndex { lists.killWords.contains($0) || $0 == "mort" || $0 == "death" } ?? 0)
                    let fight = f.held.contains(p.word)
                    make((at, fight ? Lexicon.Trigger(folded: "", eventType: "Battles", subEventType: "Armed clash", subType: "clashes")
                                    : Lexicon.Trigger(folded: "", eventType: "Violence against civilians", subEventType: "Attack", subType: "killing")),
                         at: p, copying: nil)
                } else if let k = lastOfSentence ?? context.focus {
                    add(figures, to: &incidents[k])
                } else if let taken = context.capture {
                    // "Au moins 60 soldats … ont péri depuis jeudi" after "s'est emparée de Jisr al-Choughour": the
                    // fighting for the place taken.
                    var fight = Incident(id: "", date: dated.0, dateSource: dated.1, timePrecision: timePrecision(words),
                                         eventType: "Battles", subEventType: "Armed clash", subType: "clashes",
                                         actors: taken.agents + opponents(in: r, sides: f.sides, agents: taken.agents, words: t.words, fighting: true),
                                         locationText: nil, placeID: nil, admin1: nil, point: nil, geoPrecision: nil, claims: [], evidence: f.sentence)
                    Self.locate(&fight, at: taken.mention)
                    add(figures, to: &fight)
                    context.focus = incidents.count
                    context.capture = nil
                    incidents.append(fight)
                }
            }
            if let first = made.first {
                add(figures, to: &incidents[first])
                if none { for k in made { incidents[k].claims.append(FatalityClaim(source: figures.first?.source ?? context.lastSource, count: 0)) } }
                lastOfSentence = first
                context.focus = first
                context.capture = nil
            }
            if let tr = own.last { lastTrigger = tr }
        }
    }

    /// Places taken "sans combat", "without a fight": ACLED's non-violent transfer of territory, one incident
    /// per place, pointing at its claim as the fighting does.
    func transfers(_ claims: [ControlClaim], words: [String], places: [FramePlace], sentence: Range<Int>) -> [Incident] {
        guard lists.noFight.contains(where: { !Self.occurrences(of: $0, in: words, first: true).isEmpty }) else { return [] }
        var out: [Incident] = []
        for c in claims where c.status == .captured {
            guard let p = places.first(where: { $0.mention.place?.id == c.placeID && $0.mention.relative == nil }) else { continue }
            var e = Incident(id: "", date: c.date, dateSource: c.dateSource, timePrecision: 1, eventType: "Strategic developments",
                             subEventType: "Non-violent transfer of territory", subType: "transfer", actors: [c.actor].compactMap { $0 },
                             locationText: nil, placeID: nil, admin1: nil, point: nil, geoPrecision: nil, claims: [], evidence: sentence)
            Self.locate(&e, at: p.mention)
            out.append(e)
        }
        return out
    }

    /// "la mort de", "was killed": a death told with no figure.
    func deathTold(_ words: [String]) -> Bool {
        lists.deathPhrases.contains { !Self.occurrences(of: $0, in: words, first: true).isEmpty }
    }

    /// The places of a clause an event can be at: not those that only describe a neighbour, not the opening
    /// place when others follow; governorates only when nothing finer is named.
    static func eventPlaces(_ all: [FramePlace]) -> [FramePlace] {
        let candidates = all.filter { !$0.describesNeighbour }
        let fine = candidates.filter { !$0.isRegion && !$0.fronted }
        if !fine.isEmpty { return fine }
        let fronted = candidates.filter { !$0.isRegion }
        return fronted.isEmpty ? candidates : fronted
    }

    /// A clause's tolls added to an incident: a figure already there from no source takes the source; vague
    /// figures ("des dizaines") only where no figure is given.
    func add(_ figures: [Figure], to incident: inout Incident) {
        for f in figures {
            let claim = FatalityClaim(source: f.source, count: f.count)
            if f.vague, !incident.claims.isEmpty || figures.contains(where: { !$0.vague }) { continue }
            if let u = incident.claims.firstIndex(where: { $0.count == f.count && $0.source == nil }) { incident.claims[u] = claim; continue }
            if !incident.claims.contains(claim) { incident.claims.append(claim) }
        }
    }

    /// A toll told for a whole governorate or its countryside ("13 civilians … in the southern countryside of
    /// Idlib"): when the report tells exactly one incident of that kind at a place within it, it is that
    /// incident told first at a coarser scale, and joins it (its figures with it); when it tells several, the
    /// toll spans them and is no incident of its own (left out, not copied onto each).
    static func withoutRegionTolls(_ list: consuming [Incident]) -> [Incident] {
        // In place: only the finer incidents change, and only the coarser ones are read whole (an incident is a
        // large value; copying the list element by element was most of this step's cost).
        var drop = [Bool](repeating: false, count: list.count)
        for k in list.indices where list[k].point == nil || (list[k].geoPrecision ?? 0) >= 3 {
            guard list[k].point != nil, let a = list[k].admin1 else { drop[k] = list[k].point == nil; continue }
            let subType = list[k].subType
            let finer = list.indices.filter { list[$0].subType == subType && list[$0].admin1 == a && (list[$0].geoPrecision ?? 3) < 3 }
            guard !finer.isEmpty else { continue }
            drop[k] = true
            if finer.count == 1 {
                let j = finer[0], e = list[k]
                for c in e.claims where !list[j].claims.contains(c) { list[j].claims.append(c) }
                for x in e.actors where !list[j].actors.contains(x) { list[j].actors.append(x) }
                if list[j].dateSource != .text, e.dateSource == .text { list[j].date = e.date; list[j].dateSource = e.dateSource; list[j].timePrecision = e.timePrecision }
            }
        }
        // The kept ones moved forward in order, the dropped ones cut off the end.
        var kept = 0
        for k in list.indices where !drop[k] {
            if kept != k { list.swapAt(kept, k) }
            kept += 1
        }
        list.removeLast(list.count - kept)
        return list
    }

    /// The fighting at a place taken and the claim that it was taken point at each other: the incident is the
    /// territorial change ACLED names, the claim carries the incident's id.
    func link(_ claims: inout [ControlClaim], _ incidents: inout [Incident]) {
        for k in claims.indices where claims[k].status == .captured {
            guard let place = claims[k].placeID,
                  let e = incidents.firstIndex(where: { $0.placeID == place && ($0.eventType == "Battles" || $0.subType == "transfer") }) else { continue }
            claims[k].incident = incidents[e].id
            guard incidents[e].eventType == "Battles" else { continue }
            let government = lists.governmentSide.contains(claims[k].actor ?? "")
            incidents[e].subEventType = government ? "Government regains territory" : "Non-state actor overtakes territory"
        }
    }

    /// The side that lost a place taken, where the sentence names none: the other side of the fighting the
    /// report tells there ("regained control of Kafr Nabudah after the fighters withdrew": the clashes there
    /// were with HTS).
    func losers(_ claims: [ControlClaim], _ incidents: [Incident]) -> [ControlClaim] {
        var out: [ControlClaim] = []
        for c in claims where c.status == .captured {
            guard let place = c.placeID, !claims.contains(where: { $0.placeID == place && $0.status == .lost }),
                  let fight = incidents.first(where: { $0.placeID == place && $0.eventType == "Battles" }),
                  let other = fight.actors.first(where: { $0 != c.actor && !sameSide($0, c.actor) }) else { continue }
            var lost = c
            lost.actor = other; lost.status = .lost; lost.incident = nil
            out.append(lost)
        }
        return out
    }

    /// Two names of one side of the war (the regime and its allies).
    func sameSide(_ a: String, _ b: String?) -> Bool {
        lists.governmentSide.contains(a) && lists.governmentSide.contains(b ?? "")
    }

    /// One claim per side, place and status.
    static func distinct(_ claims: [ControlClaim]) -> [ControlClaim] {
        var seen = Set<String>()
        return claims.filter { seen.insert("\($0.actor ?? "")|\($0.placeID ?? $0.placeText)|\($0.status.rawValue)").inserted }
    }
}
