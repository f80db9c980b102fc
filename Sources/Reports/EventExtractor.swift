import Foundation
import Incidents
import GeoCore
import Geoparsing
import Patterns
import Places

/// Reads incidents and control claims from a report whose place mentions are already resolved. The parts live
/// in files of their own: sentences and words (`SentenceWords`), triggers, actors, tolls and their sources
/// (`TollReading`), dates (`EventDates`), places (`FramePlaces`), merging (`IncidentMerging`) and control
/// (`ControlReader`, `ControlFrames`).
///
/// Clause by clause (`SentenceTokens`, `ClauseEvents`): each place of a clause is an incident of the event word
/// last before it in the clause (else first after it), with the sides acting and hit, the clause's tolls with
/// their sources, and its day; a clause with a toll and no place adds it to the incident told last (or to the
/// fighting for the place last taken). Control claims come from verbs, states and losses (`ControlFrames`).
/// Incidents of one kind told again at one place are merged. The text is one document: `ReportReader` cuts
/// long files into blocks and reads each alone (merging is quadratic in a document's incidents).
public struct EventExtractor {
    public let lexicon: Lexicon
    /// The word lists of `Lexicon/word_lists.csv` and the control files.
    let lists = WordLists.standard
    let control = ControlReader.standard
    /// Per word, which of the gate's kinds it is (`triggerWord` …): an event's first word, a toll word, a
    /// control word, the first word of a source's name. A sentence with none of the first three is not read.
    let gate: WordTable<UInt8>
    static let triggerWord: UInt8 = 1, tollWord: UInt8 = 2, claimWord: UInt8 = 4, sourceWord: UInt8 = 8
    /// The folded triggers that name a weapon ACLED attributes when no side is named (`regimeWeapon`: the
    /// regime's; `unclaimedWeapon`: an unidentified group's), found once for the lexicon instead of for every
    /// incident.
    let regimeWeaponTriggers: Set<String>, unclaimedWeaponTriggers: Set<String>

    public init(lexicon: Lexicon = .standard) {
        self.lexicon = lexicon
        var kinds: [String: UInt8] = [:]
        func mark(_ words: some Sequence<String>, _ kind: UInt8) { for w in words { kinds[w, default: 0] |= kind } }
        mark(lexicon.triggersByFirstWord.keys, Self.triggerWord)
        for list in [lists.killWords, lists.killVerbs, lists.killVerbsAdjacent] { mark(list.words, Self.tollWord) }
        for list in [control.gateWords, lists.holdingWords] { mark(list.words, Self.claimWord) }
        mark(lexicon.aliasesByFirstWord.keys.filter { lexicon.aliasesByFirstWord[$0]!.contains { lexicon.aliases[$0].isSource } },
             Self.sourceWord)
        gate = WordTable(kinds.map { ($0.key, $0.value) })
        let folded = Set(lexicon.triggers.map(\.folded) + [""])
        regimeWeaponTriggers = folded.filter { [lists] t in lists.regimeWeapon.contains { t.contains($0) } }
        unclaimedWeaponTriggers = folded.filter { [lists] t in lists.unclaimedWeapon.contains { t.contains($0) } }
    }

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
        // The country most places lie in; on a tie, the first named of those tied (not the first in the alphabet:
        // a Syria report naming Iraq as often must stay a Syria report).
        let most = votes.values.max() ?? 0
        let firstNamed = mentions.indices.sorted { mentions[$0].start < mentions[$1].start }.lazy
            .compactMap { mentions[$0].role == .place ? mentions[$0].place?.country : nil }
        let documentCountry = firstNamed.first { votes[$0] == most }
        var incidents: [Incident] = []
        var claims: [ControlClaim] = []
        var context = ReadingContext()
        // One sweep over the mentions, sorted by start, hands each sentence its own.
        let byStart = mentions.indices.sorted { mentions[$0].start < mentions[$1].start }
        var nextMention = 0
        for (k, s) in sentences.enumerated() {
            // What a paragraph tells stays in it.
            if k > 0, scalars[sentences[k - 1].upperBound..<s.lowerBound].lazy.filter({ $0 == "\n" }).count > 1 {
                context.focus = nil; context.capture = nil
            }
            let split = SentenceTokens.tokenize(scalars, s)
            let words = split.words
            // Which kinds of word the sentence holds, one look-up per word (`gate`).
            var kinds: UInt8 = 0
            for w in words { kinds |= gate[w] ?? 0 }
            let hasTrigger = kinds & Self.triggerWord != 0
            let hasToll = kinds & Self.tollWord != 0
            let mayClaim = kinds & Self.claimWord != 0
            let namesSource = kinds & Self.sourceWord != 0
            guard hasTrigger || hasToll || mayClaim else {
                // A sentence that only names a source ("the Observatory said") is read for the source alone.
                if namesSource { note(sources: self.sides(in: words, triggerWords: []), in: &context) }
                continue
            }
            while nextMention < byStart.count, mentions[byStart[nextMention]].start < s.lowerBound { nextMention += 1 }
            var inSentence: [Mention] = []
            let newsroom = Dateline.end(from: s.lowerBound, in: scalars) ?? s.lowerBound
            var j = nextMention
            while j < byStart.count, mentions[byStart[j]].start < s.upperBound {
                // A government named by its capital, or a person's home town, is no place of events or control.
                // (A home town is kept for abductions: "abducted 6 civilians from X" took them at X.)
                if mentions[byStart[j]].end <= s.upperBound, mentions[byStart[j]].start >= newsroom, mentions[byStart[j]].role != .metonym {
                    inSentence.append(mentions[byStart[j]])
                }
                j += 1
            }
            // Most sentences have no dateline: their words are those already split.
            let t = newsroom <= s.lowerBound ? SentenceTokens(split, lists: lists)
                : SentenceTokens(scalars, min(newsroom, s.upperBound)..<s.upperBound, lists: lists)
            let triggers = triggerOccurrences(in: t.words)
            let sides = self.sides(in: t.words, triggerWords: triggers.map { $0.at..<($0.at + $0.trigger.words.count) }) { i in
                // "l’EI", "(IS)": the token holds the capitals ("is" or "Is" does not).
                scalars[t.spans[i]].lazy.filter { $0.isUppercase }.count >= 2
            }
            let places = framePlaces(inSentence, t, country: documentCountry, triggerWords: triggers.map(\.at))
            let dated = date(t.words, report: reportDate, reportSource: reportSource)
            var held = Set<Int>()
            if mayClaim {
                let frames = controlClaims(t, places: places, sides: sides, scalars: scalars, sentence: s, dated: dated,
                                           context: &context, incidents: incidents)
                claims += frames.map(\.claim)
                incidents += transfers(frames.map(\.claim), words: t.words, places: places, sentence: s)
                held = Set(frames.map(\.placeWord))
            }
            if hasTrigger || hasToll {
                let frame = SentenceFrame(tokens: t, places: places, triggers: triggers, sides: sides, sentence: s, date: dated, held: held)
                readEvents(frame, scalars: scalars, reportDate: reportDate, reportSource: reportSource, context: &context, into: &incidents)
            }
            note(sources: sides, in: &context)
            for m in inSentence {
                if let p = m.relative?.anchor ?? m.place, !p.kind.isAdministrative, p.population >= 100_000 { context.lastCity = p }
            }
        }
        incidents = Self.merge(Self.withoutRegionTolls(consume incidents))
        for k in incidents.indices { incidents[k].id = "E\(k + 1)" }
        link(&claims, &incidents)
        claims += losers(claims, incidents)
        return Result(incidents: incidents, control: Self.distinct(claims), reportDate: reportDate, reportDateSource: reportSource)
    }

    /// The sources a sentence names, kept for the tolls told next.
    func note(sources sides: [SideHit], in context: inout ReadingContext) {
        if let h = sides.last(where: \.isSource) { context.lastSource = h.name }
        if context.firstSource == nil { context.firstSource = sides.first(where: \.isSource)?.name }
    }

    /// The fold of event text: names' fold (`NameFolding`), but a French elision other than d'/l' stays a word
    /// of its own ("s'est emparé" → "s est empare", where a name's fold joins "A'zaz" → "azaz").
    static func fold(_ text: ArraySlice<Unicode.Scalar>) -> String {
        var copy: [Unicode.Scalar]?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if NameFolding.isApostrophe(c), i > text.startIndex, i + 1 < text.endIndex, text[i + 1].isAlphabetic {
                let letter = text[i - 1].properties.lowercaseMapping
                let startsWord = i - 1 == text.startIndex || !text[i - 2].isAlphabetic
                let qu = i - 2 >= text.startIndex && letter == "u" && text[i - 2].properties.lowercaseMapping == "q"
                    && (i - 2 == text.startIndex || !text[i - 3].isAlphabetic)
                if (startsWord && ["s", "n", "c", "j", "m", "t"].contains(letter)) || qu {
                    if copy == nil { copy = Array(text) }
                    copy![i - text.startIndex] = " "
                }
            }
            i += 1
        }
        return copy.map { NameFolding.fold(scalars: $0[...]) } ?? NameFolding.fold(scalars: text)
    }
}
