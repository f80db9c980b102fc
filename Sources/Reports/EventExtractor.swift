import Foundation
import Incidents
import GeoCore
import Geoparsing
import Patterns
import Places

/// Reads incidents and control claims from a report whose place mentions are already resolved. The parts live
/// in files of their own: sentences and words (`SentenceWords`), triggers, actors, tolls and their sources
/// (`FatalityClaims`), dates (`EventDates`), locations, merging (`IncidentMerging`) and control (`ControlReader`).
///
/// Sentence by sentence: an event trigger of the lexicon makes an incident; its actors are the lexicon's
/// aliases in the sentence (one named just after a number is a target: "46 rebelles d'Ahrar al-Cham"); its
/// fatalities are numbers next to kill words, each claim carrying the source named next to it; its date comes
/// from day words resolved against the report date; its location from a relative expression or the most
/// precise place of the sentence, else of the previous one. Incidents of one kind that the text reports
/// again (a headline, then the details) are merged. The text is one document: `ReportReader` cuts long files
/// into blocks and reads each alone (merging is quadratic in a document's incidents).
public struct EventExtractor {
    public let lexicon: Lexicon
    /// The word lists of `Lexicon/word_lists.csv` and the control files.
    let lists = WordLists.standard
    let control = ControlReader.standard

    public init(lexicon: Lexicon = .standard) { self.lexicon = lexicon }

    public struct Result: Sendable {
        public var incidents: [Incident]
        public var control: [ControlClaim]
        public var reportDate: ReportDay?
        public var reportDateSource: DateSource

        public init(incidents: [Incident], control: [ControlClaim], reportDate: ReportDay?, reportDateSource: DateSource) {
            self.incidents = incidents
            self.control = control
            self.reportDate = reportDate
            self.reportDateSource = reportDateSource
        }
    }

    public func extract(text: String, mentions: [Mention], reportDate given: ReportDay?) -> Result {
        let (reportDate, reportSource) = Self.reportDate(of: text, given: given)
        return extract(text: text, mentions: mentions, reportDate: reportDate, reportDateSource: reportSource)
    }

    /// The report's date: the one given (`--date`), else its dateline, with where it came from.
    public static func reportDate(of text: String, given: ReportDay?) -> (ReportDay?, DateSource) {
        if let given { return (given, .given) }
        if let d = Dateline.find(in: text) { return (d, .dateline) }
        return (nil, .unknown)
    }

    /// Incidents and claims of a text whose report date is already known (a block of a longer file).
    public func extract(text: String, mentions: [Mention], reportDate: ReportDay?, reportDateSource reportSource: DateSource) -> Result {
        extract(scalars: Array(text.unicodeScalars), mentions: mentions, reportDate: reportDate, reportDateSource: reportSource)
    }

    /// The same over a text's scalars (the reader has them: decoding a block once is enough).
    public func extract(scalars: [Unicode.Scalar], mentions: [Mention], reportDate: ReportDay?, reportDateSource reportSource: DateSource) -> Result {
        let sentences = Self.sentences(scalars)
        var votes: [String: Int] = [:]
        for m in mentions where m.role == .place { if let c = m.place?.country { votes[c, default: 0] += 1 } }
        let documentCountry = votes.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        var incidents: [Incident] = []
        var claims: [ControlClaim] = []
        var previousLocation: (Mention, Bool)?
        // One sweep over the mentions, sorted by start, hands each sentence its own.
        let byStart = mentions.indices.sorted { mentions[$0].start < mentions[$1].start }
        var nextMention = 0
        for (k, s) in sentences.enumerated() {
            let folded = NameFolding.fold(scalars: scalars[s])
            let words = Self.words(of: folded)
            while nextMention < byStart.count, mentions[byStart[nextMention]].start < s.lowerBound { nextMention += 1 }
            var inSentence: [Mention] = []
            var j = nextMention
            while j < byStart.count, mentions[byStart[j]].start < s.upperBound {
                // A government named by its capital, or a person's home town, is no place of events or control.
                if mentions[byStart[j]].end <= s.upperBound, mentions[byStart[j]].role == .place { inSentence.append(mentions[byStart[j]]) }
                j += 1
            }
            let location = Self.bestLocation(inSentence, country: documentCountry)
            // The previous sentence's place carries over only within a paragraph.
            if k > 0, scalars[sentences[k - 1].upperBound..<s.lowerBound].lazy.filter({ $0 == "\n" }).count > 1 { previousLocation = nil }
            defer { if let l = location { previousLocation = l } }
            // Dates and actors only for sentences that make a claim or an incident: most sentences make neither.
            lazy var dated = date(words, report: reportDate, reportSource: reportSource)
            lazy var actors = actorsIn(words)
            // Control claims: a control phrase right before a place (only where the sentence has a control word).
            let mayClaim = words.contains { control.gateWords.contains($0) }
                && control.stems.firstMatch(in: folded.unicodeScalars.map(\.value)) != nil
            for m in inSentence where m.relative == nil && mayClaim {
                guard let place = m.place else { continue }
                let before = ControlReader.foldedBefore(scalars, from: s.lowerBound, to: m.start)
                guard let status = control.status(before),
                      let actor = actors.first(where: { !$0.isTarget })?.name ?? actors.first?.name else { continue }
                claims.append(ControlClaim(actor: actor, placeID: place.id,
                                            placeText: m.text, status: status, date: dated.0, dateSource: dated.1, evidence: s))
            }
            guard let trigger = firstTrigger(in: words) ?? deathTrigger(words) else { continue }
            // Places named as anchors of a relative expression ("au nord-est de la ville d'Idleb") are not where it happened.
            let relativeSpans = inSentence.filter { $0.relative != nil }.map { $0.start..<$0.end }
            let settlements = inSentence.filter { m in
                m.relative == nil && !relativeSpans.contains { $0.contains(m.start) && $0.lowerBound != m.start }
                    && m.place.map { !$0.kind.isAdministrative && $0.kind != .country && (documentCountry == nil || $0.country == documentCountry) } == true
            }
            let where_ = location ?? previousLocation
            let (date, dateSource) = dated
            var incident = Incident(
                id: "", date: date, dateSource: dateSource, timePrecision: date == nil ? 3 : timePrecision(words),
                eventType: trigger.eventType, subEventType: trigger.subEventType, subType: trigger.subType,
                actors: Self.ordered(actors), locationText: nil, placeID: nil, admin1: nil, point: nil, geoPrecision: nil,
                claims: fatalityClaims(words), evidence: s)
            // Triggers by position, for sentences that tell events of more than one kind.
            let occurrences = settlements.isEmpty ? [] : triggerOccurrences(in: words)
            func own(_ incident: inout Incident, at m: Mention) {
                guard let t = Self.clauseTrigger(before: m.start, sentence: s, scalars: scalars, occurrences: occurrences) else { return }
                incident.eventType = t.eventType; incident.subEventType = t.subEventType; incident.subType = t.subType
            }
            if let (m, _) = where_ {
                Self.locate(&incident, at: m)
                incident.locationFromContext = location == nil
                if location != nil { own(&incident, at: m) }
            }
            if trigger.subType == "execution", lists.fighting.contains(where: { Self.contains(words, $0) }) {
                incident.eventType = "Battles"; incident.subEventType = "Armed clash"
            }
            incidents.append(incident)
            // "Air strikes hit A, B and C": one incident per place (ACLED); the toll stays with the first. When the
            // sentence's location is a relative expression ("barrel bombs on Kafranbel, some 10 km west of Maarat
            // al-Numan, and on Hish"), the place it describes (named right before it) is that incident; the others
            // are incidents of their own.
            let others: ArraySlice<Mention>
            if let (m, isRelative) = location, isRelative {
                others = settlements.filter { s in !(s.end <= m.start && m.start - s.end <= 2) }[...]
            } else {
                others = settlements.dropFirst()
            }
            if location != nil, !others.isEmpty {
                var seen: Set<String> = [incident.placeID ?? ""]
                for m in others where seen.insert(m.place!.id).inserted {
                    var other = incident
                    other.claims = []
                    Self.locate(&other, at: m)
                    own(&other, at: m)
                    incidents.append(other)
                }
            }
        }
        incidents = Self.merge(incidents)
        for k in incidents.indices { incidents[k].id = "E\(k + 1)" }
        return Result(incidents: incidents, control: claims, reportDate: reportDate, reportDateSource: reportSource)
    }
}
