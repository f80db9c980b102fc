import Foundation
import GeoCore
import Geoparsing
import Patterns
import Places

/// Reads incidents and control claims from a report whose place mentions are already resolved.
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

    public init(lexicon: Lexicon = .standard) { self.lexicon = lexicon }

    public struct Result: Sendable {
        public var incidents: [Incident]
        public var control: [ControlClaim]
        public var reportDate: ReportDay?
        public var reportDateSource: String

        public init(incidents: [Incident], control: [ControlClaim], reportDate: ReportDay?, reportDateSource: String) {
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
    public static func reportDate(of text: String, given: ReportDay?) -> (ReportDay?, String) {
        if let given { return (given, "given") }
        if let d = Dateline.find(in: text) { return (d, "dateline") }
        return (nil, "unknown")
    }

    /// Incidents and claims of a text whose report date is already known (a block of a longer file).
    public func extract(text: String, mentions: [Mention], reportDate: ReportDay?, reportDateSource reportSource: String) -> Result {
        extract(scalars: Array(text.unicodeScalars), mentions: mentions, reportDate: reportDate, reportDateSource: reportSource)
    }

    /// The same over a text's scalars (the reader has them: decoding a block once is enough).
    public func extract(scalars: [Unicode.Scalar], mentions: [Mention], reportDate: ReportDay?, reportDateSource reportSource: String) -> Result {
        let sentences = Self.sentences(scalars)
        var votes: [String: Int] = [:]
        for m in mentions { if let c = m.place?.country { votes[c, default: 0] += 1 } }
        let documentCountry = votes.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        var incidents: [Incident] = []
        var control: [ControlClaim] = []
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
                if mentions[byStart[j]].end <= s.upperBound { inSentence.append(mentions[byStart[j]]) }
                j += 1
            }
            let location = Self.bestLocation(inSentence, country: documentCountry)
            // The previous sentence's place carries over only within a paragraph.
            if k > 0, scalars[sentences[k - 1].upperBound..<s.lowerBound].lazy.filter({ $0 == "\n" }).count > 1 { previousLocation = nil }
            defer { if let l = location { previousLocation = l } }
            // Dates and actors only for sentences that make a claim or an incident: most sentences make neither.
            lazy var dated = Self.date(words, report: reportDate, reportSource: reportSource)
            lazy var actors = actorsIn(words)
            // Control claims: a control phrase right before a place (only where the sentence has a control word).
            let mayClaim = words.contains { Self.controlWords.contains($0) }
                && Self.controlStems.firstMatch(in: folded.unicodeScalars.map(\.value)) != nil
            for m in inSentence where m.relative == nil && mayClaim {
                guard let place = m.place else { continue }
                let before = Self.foldedBefore(scalars, from: s.lowerBound, to: m.start)
                guard let status = Self.controlStatus(before),
                      let actor = actors.first(where: { !$0.isTarget })?.name ?? actors.first?.name else { continue }
                control.append(ControlClaim(actor: actor, placeID: place.id,
                                            placeText: m.text, status: status, date: dated.0, dateSource: dated.1, evidence: s))
            }
            guard let trigger = firstTrigger(in: words) ?? Self.deathTrigger(words) else { continue }
            // Places named as anchors of a relative expression ("au nord-est de la ville d'Idleb") are not where it happened.
            let relativeSpans = inSentence.filter { $0.relative != nil }.map { $0.start..<$0.end }
            let settlements = inSentence.filter { m in
                m.relative == nil && !relativeSpans.contains { $0.contains(m.start) && $0.lowerBound != m.start }
                    && m.place.map { !$0.kind.isAdministrative && $0.kind != .country && (documentCountry == nil || $0.country == documentCountry) } == true
            }
            let where_ = location ?? previousLocation
            let (date, dateSource) = dated
            var incident = Incident(
                id: "", date: date, dateSource: dateSource, timePrecision: date == nil ? 3 : Self.timePrecision(words),
                eventType: trigger.eventType, subEventType: trigger.subEventType, subType: trigger.subType,
                actors: Self.ordered(actors), locationText: nil, placeID: nil, admin1: nil, point: nil, geoPrecision: nil,
                claims: claims(words), evidence: s)
            if let (m, _) = where_ {
                Self.locate(&incident, at: m)
                incident.locationFromContext = location == nil
            }
            if trigger.subType == "execution", Self.contains(words, "combats") || Self.contains(words, "fighting") {
                incident.eventType = "Battles"; incident.subEventType = "Armed clash"
            }
            incidents.append(incident)
            // "Air strikes hit A, B and C": one incident per place (ACLED); the toll stays with the first.
            if location?.1 == false, settlements.count > 1 {
                var seen: Set<String> = [incident.placeID ?? ""]
                for m in settlements.dropFirst() where seen.insert(m.place!.id).inserted {
                    var other = incident
                    other.claims = []
                    Self.locate(&other, at: m)
                    incidents.append(other)
                }
            }
        }
        incidents = Self.merge(incidents)
        for k in incidents.indices { incidents[k].id = "E\(k + 1)" }
        return Result(incidents: incidents, control: control, reportDate: reportDate, reportDateSource: reportSource)
    }

    /// The words of a folded text (words and single spaces), split on the bytes, not on characters (no space of
    /// a fold carries a combining mark, so this is its `split(separator: " ")`).
    static func words(of folded: String) -> [String] {
        var out: [String] = []
        var copy = folded
        copy.withUTF8 { b in
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == 0x20 {
                if i > start { out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
        }
        return out
    }

    /// "a annoncé la mort de son émir dans la localité d'Azzaz": a death with no cause given.
    static func deathTrigger(_ words: [String]) -> Lexicon.Trigger? {
        guard deathPhrases.contains(where: { !occurrences(of: $0, in: words, first: true).isEmpty }) else { return nil }
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

    static let deathPhrases = ["la mort de", "la mort d", "was killed", "were killed", "a ete tue", "ont ete tues"]
        .map { $0.split(separator: " ").map(String.init) }

    // MARK: Sentences

    static func sentences(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        func close(_ end: Int) {
            var a = start, b = end
            while a < b, s[a].isWhitespace { a += 1 }
            while b > a, s[b - 1].isWhitespace { b -= 1 }
            if b > a { out.append(a..<b) }
            start = end
        }
        for i in s.indices {
            if s[i] == "\n" { close(i + 1); continue }
            if s[i] == "." || s[i] == "!" || s[i] == "?", i + 1 < s.count, s[i + 1].isWhitespace || s[i + 1].isUppercase {
                // Not after a single capital or a number ("M. Idriss", "1.700").
                if i > 0, s[i - 1].isNumeric, i + 1 < s.count, s[i + 1].isNumeric { continue }
                close(i + 1)
            }
        }
        close(s.count)
        return out
    }

    static func contains(_ words: [String], _ phrase: String) -> Bool { position(words, phrase) != nil }

    static func position(_ words: [String], _ phrase: String) -> Int? {
        // Most phrases fail on their first word: look for it before splitting the phrase.
        let head = String(phrase.firstIndex(of: " ").map { phrase[..<$0] } ?? phrase[...])
        guard words.contains(head) else { return nil }
        return occurrences(of: phrase.split(separator: " ").map(String.init), in: words, first: true).first
    }

    /// Where the words `p` occur in `words` (only the first with `first`), by first word then the rest,
    /// without building arrays.
    static func occurrences(of p: [String], in words: [String], first: Bool = false) -> [Int] {
        guard let head = p.first, words.count >= p.count else { return [] }
        var out: [Int] = []
        for i in 0...(words.count - p.count) where words[i] == head && words[i..<(i + p.count)].elementsEqual(p) {
            out.append(i)
            if first { break }
        }
        return out
    }

    // MARK: Actors

    struct ActorHit { let name: String; let index: Int; let isTarget: Bool; let isSource: Bool }

    func actorsIn(_ words: [String]) -> [ActorHit] {
        var taken = [Bool](repeating: false, count: words.count)
        var hits: [ActorHit] = []
        // The aliases whose first word the sentence has, in lexicon order (longest first), each once.
        var candidates: [Int] = []
        for w in words { if let ks = lexicon.aliasesByFirstWord[w] { candidates += ks } }
        candidates.sort()
        for (n, k) in candidates.enumerated() where n == 0 || candidates[n - 1] != k {
            let a = lexicon.aliases[k]
            let p = a.words
            for i in Self.occurrences(of: p, in: words) where !taken[i..<(i + p.count)].contains(true) {
                for t in i..<(i + p.count) { taken[t] = true }
                // A group named right after a number is what was hit: "46 rebelles d'Ahrar al-Cham".
                let target = (max(0, i - 4)..<i).contains { Int(words[$0]) != nil || Self.numberWords[words[$0]] != nil }
                hits.append(ActorHit(name: a.canonical, index: i, isTarget: target, isSource: a.isSource))
            }
        }
        return hits.filter { !$0.isSource }.sorted { $0.index < $1.index }
    }

    static func ordered(_ hits: [ActorHit]) -> [String] {
        var out: [String] = []
        for h in hits.filter({ !$0.isTarget }) + hits.filter(\.isTarget) where !out.contains(h.name) { out.append(h.name) }
        return out
    }

    // MARK: Fatalities

    static let numberWords: WordTable<Int> = [
        "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
        "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100,
        "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
        "dozens": 12, "dizaines": 12,
    ]
    static let killWords: WordSet = ["tues", "tuees", "tue", "tuee", "morts", "mort", "killed", "dead", "died", "executes",
                                         "executed", "abattus", "liquides", "peri", "perished", "leurs", "victimes", "victims"]
    static let killVerbs: WordSet = ["liquide", "tuant", "killing", "killed", "execute", "executed", "abattu", "abattus", "tue"]
    static let notCounts: WordSet = ["km", "kms", "kilometres", "kilometers", "miles", "ans", "years", "blesses", "wounded",
                                         "injured", "heures", "hours", "jours", "days", "metres", "meters", "pour", "percent"]

    func claims(_ words: [String]) -> [FatalityClaim] {
        var out: [FatalityClaim] = []
        var sawKill = false
        lazy var sources = sourcesNamed(in: words)
        for (i, w) in words.enumerated() {
            guard let n = Int(w) ?? Self.numberWords[w], n < 100_000, !(1900...2100).contains(n) else { continue }
            if i + 1 < words.count, Self.notCounts.contains(words[i + 1]) { continue }
            let after = words[(i + 1)..<min(words.count, i + 9)]
            let before = words[max(0, i - 5)..<i]
            let killAfter = after.prefix { !Self.notCounts.contains($0) }.contains { Self.killWords.contains($0) }
            let killBefore = before.contains { Self.killVerbs.contains($0) }
            let attributed = after.prefix(3).contains { $0 == "selon" || $0 == "according" }
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

    // MARK: Dates

    static let weekdays: WordTable<Int> = [
        "dimanche": 1, "lundi": 2, "mardi": 3, "mercredi": 4, "jeudi": 5, "vendredi": 6, "samedi": 7,
        "sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7,
    ]

    static func date(_ words: [String], report: ReportDay?, reportSource: String) -> (ReportDay?, String) {
        guard let report else { return (nil, "unknown") }
        // "dans la nuit de lundi à mardi": the later day.
        if let i = position(words, "nuit de"), i + 4 < words.count, weekdays[words[i + 2]] != nil, let w = weekdays[words[i + 4]] {
            return (report.latest(weekday: w), "text")
        }
        for (i, w) in words.enumerated() {
            if w == "hier" || w == "yesterday" || (w == "veille" && i > 0 && words[i - 1] == "la") { return (report.adding(days: -1), "text") }
            if let d = weekdays[w] { return (report.latest(weekday: d), "text") }
        }
        if contains(words, "aujourd hui") || contains(words, "today") || contains(words, "this morning") {
            return (report, "text")
        }
        return (report, reportSource)
    }

    /// ACLED's time precision: 1 the day is known, 2 only the week ("last week", "la semaine dernière"),
    /// 3 only the month ("last month", "fin mars", "en novembre").
    static func timePrecision(_ words: [String]) -> Int {
        if contains(words, "last week") || contains(words, "semaine derniere") || contains(words, "this week")
            || contains(words, "cette semaine") || contains(words, "earlier this week") { return 2 }
        if contains(words, "last month") || contains(words, "mois dernier") || contains(words, "this month") { return 3 }
        for (i, w) in words.enumerated() where Dateline.months[w] != nil && w.count > 3 {
            if i > 0, ["fin", "debut", "mi", "en", "in", "late", "early", "mid"].contains(words[i - 1]) { return 3 }
        }
        return 1
    }

    // MARK: Locations

    /// The relative expression of the sentence, else its most precise place.
    static func bestLocation(_ all: [Mention], country: String?) -> (Mention, Bool)? {
        let ms = all.filter { m in
            guard let p = m.place, m.relative == nil else { return m.relative != nil }
            return p.kind != .country && (country == nil || p.country == country)
        }
        if let r = ms.first(where: { m in
            guard let form = m.relative?.expression.form else { return false }
            return form == .distanceAndDirection || form == .distanceOnly
        }) {
            return (r, true)
        }
        let places = ms.filter { $0.place != nil && $0.relative == nil }
        if let settlement = places.first(where: { !$0.place!.kind.isAdministrative }) { return (settlement, false) }
        if let region = places.first(where: { $0.place!.kind == .region || $0.place!.kind == .district }) { return (region, false) }
        return nil
    }

    static func locate(_ incident: inout Incident, at m: Mention) {
        if let r = m.relative {
            incident.point = r.point
            incident.geoPrecision = r.geoPrecision
            incident.uncertaintyKm = r.uncertaintyRadius.kilometers
            incident.locationText = r.namedPlace?.text ?? m.text
            incident.placeID = r.namedPlace?.place?.id
            incident.admin1 = r.anchor.admin1
        } else if let p = m.place {
            incident.point = p.coordinate
            incident.placeID = p.id
            incident.admin1 = p.admin1
            incident.locationText = m.text
            incident.geoPrecision = p.kind.isAdministrative ? 3 : 1
        }
    }

    /// Same kind of incident told twice: keep one, with the most precise location and every figure.
    static func merge(_ list: [Incident]) -> [Incident] {
        var out: [Incident] = []
        for e in list {
            if let k = out.firstIndex(where: { compatible($0, e) }) {
                var m = out[k]
                // The incident's own sentence beats a carried-over place; then the more precise place wins.
                let better = (m.locationFromContext && !e.locationFromContext && e.point != nil)
                    || (m.locationFromContext == e.locationFromContext && (e.geoPrecision ?? 9) < (m.geoPrecision ?? 9))
                if better || m.point == nil {
                    m.point = e.point; m.placeID = e.placeID; m.admin1 = e.admin1; m.locationText = e.locationText
                    m.geoPrecision = e.geoPrecision; m.locationFromContext = e.locationFromContext
                }
                if m.subType == "killing", e.subType != "killing" {
                    m.subType = e.subType; m.eventType = e.eventType; m.subEventType = e.subEventType
                }
                for c in e.claims where !m.claims.contains(c) {
                    // A figure now attributed replaces the same figure without a source.
                    if let u = m.claims.firstIndex(where: { $0.count == c.count && $0.source == nil }) { m.claims[u] = c } else if c.source != nil || !m.claims.contains(where: { $0.count == c.count }) { m.claims.append(c) }
                }
                for a in e.actors where !m.actors.contains(a) { m.actors.append(a) }
                if m.dateSource != "text", e.dateSource == "text" { m.date = e.date; m.dateSource = e.dateSource; m.timePrecision = e.timePrecision }
                m.evidence = min(m.evidence.lowerBound, e.evidence.lowerBound)..<max(m.evidence.upperBound, e.evidence.upperBound)
                out[k] = m
            } else {
                out.append(e)
            }
        }
        return out
    }

    /// The same incident told again (a headline, then the details): the same kind (a death of unstated cause
    /// joins any kind with its toll), and the same toll, or the same place, or one adds no toll and lies in
    /// the other's governorate or has no place of its own.
    static func compatible(_ a: Incident, _ b: Incident) -> Bool {
        let sameToll = a.claims.contains { x in b.claims.contains { $0.count == x.count } }
        guard a.subType == b.subType || ((a.subType == "killing" || b.subType == "killing") && sameToll) else { return false }
        if sameToll { return true }
        if a.placeID != nil, a.placeID == b.placeID { return true }
        guard a.claims.isEmpty || b.claims.isEmpty else { return false }
        if a.point == nil || b.point == nil || a.locationFromContext || b.locationFromContext { return true }
        return a.admin1 != nil && a.admin1 == b.admin1 && a.geoPrecision != b.geoPrecision
    }

    // MARK: Control

    static let controlPatterns: [(String, ScalarRegex)] = [
        ("controls", #"(?:controle|controlent|controls|control|holds|tient|tiennent)(?: desormais| encore| now)?(?: la totalite| la quasi totalite| all)?(?: de| d| of)?(?: la ville| le village| la localite| the city| the town)?(?: de| d| of)?$"#),
        ("captured", #"(?:repris|reprise|pris le controle|pris|s est empare|s est emparee|se sont empares|took control|taken control|captured|seized|retook|recaptured|took)(?: de| d| of)?(?: la ville| le village| la localite| the city| the town| the village)?(?: de| d| of)?$"#),
        ("lost", #"(?:withdrew from|was driven out of|were driven out of|lost control of|lost|perdu le controle de|perdu|se sont retires de|se sont retires d|evacue|evacuated)(?: la ville| le village| the city| the town)?(?: de| d| of)?$"#),
        ("besieged", #"(?:besieged|besieging|assiege|assiegee|assiegent|encercle|encerclent)(?: la ville| le village| the city| the town)?(?: de| d| of)?$"#),
        ("contested", #"(?:advanced into|entered|pushed into|avance dans|progresse dans|sont entres dans)(?: la ville| le village| the city| the town)?(?: de| d| of)?$"#),
    ].map { ($0.0, try! ScalarRegex($0.1)) }

    /// Control verbs that also reach the next places of a list ("took control of A, B and C").
    static let controlVerbs: [(String, String)] = [
        ("controle", "controls"), ("controlent", "controls"), ("controls", "controls"), ("holds", "controls"), ("tient", "controls"),
        ("took control", "captured"), ("taken control", "captured"), ("captured", "captured"), ("seized", "captured"),
        ("retook", "captured"), ("recaptured", "captured"), ("repris", "captured"), ("pris le controle", "captured"),
        ("s est empare", "captured"), ("se sont empares", "captured"), ("withdrew from", "lost"), ("driven out of", "lost"),
        ("se sont retires", "lost"), ("se sont replies", "lost"), ("besieged", "besieged"), ("assiege", "besieged"),
        ("advanced into", "contested"), ("avance dans", "contested"),
    ]

    static let controlVerbWords: [([String], String)] = controlVerbs.map { ($0.0.split(separator: " ").map(String.init), $0.1) }

    /// The indexes in `controlVerbWords` of the verbs beginning with each word.
    static let controlVerbsByFirstWord = WordTable(Dictionary(grouping: controlVerbWords.indices) { controlVerbWords[$0].0[0] }.map { ($0.key, $0.value) })

    /// Every alternative of the control patterns and every control verb holds one of these verb forms ending a
    /// word: a pattern's alternative is followed by a space or the end of what it reads, a verb is a whole word.
    /// Text whose fold holds none cannot give a claim (a place's folded prefix is a prefix of the sentence's
    /// fold, up to an elided "d"/"l" standing alone at its end). "prisonniers" or "soutien" do not pass.
    static let controlStems = try! ScalarRegex(
        "(?:controle|controlent|controls|control|holds|tient|tiennent|repris|reprise|pris|empare|emparee|empares|took|taken"
            + "|captured|seized|retook|recaptured|withdrew|driven|lost|perdu|retires|evacue|evacuated|besieged|besieging|assiege"
            + "|assiegee|assiegent|encercle|encerclent|advanced|entered|pushed|avance|progresse|entres|replies)(?![a-z0-9])")

    /// Words without which neither a control pattern nor a control verb can match: the sentence gate.
    static let controlWords: WordSet = {
        var out: Set<String> = ["tiennent", "reprise", "pris", "s", "se", "took", "taken", "was", "were", "driven", "lost", "perdu",
                                "evacue", "evacuated", "besieging", "assiegee", "assiegent", "encercle", "encerclent", "entered",
                                "pushed", "progresse", "sont", "control", "withdrew"]
        for (verb, _) in controlVerbs { out.insert(String(verb.split(separator: " ")[0])) }
        return WordSet(out)
    }()

    /// The folded text of a sentence before a place, as far back as `controlStatus` reads (its last 121
    /// characters): a long sentence is folded from a space about 200 code points back. Folding goes left to
    /// right and a space leaves no state behind, so that fold ends exactly as the fold of the whole does;
    /// when it is too short to hold what is read (a run of punctuation), the whole is folded.
    static func foldedBefore(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> String {
        func fold(_ r: Range<Int>) -> String { NameFolding.fold(scalars: scalars[r]) }
        guard end - start > 200 else { return fold(start..<end) }
        var cut = end - 200
        while cut > start, scalars[cut - 1] != " " { cut -= 1 }
        let tail = fold(cut..<end)
        return cut == start || tail.count > 121 ? tail : fold(start..<end)
    }

    /// The control verb whose last occurrence in `words` ends last (the earlier verb of `controlVerbWords` on a
    /// tie), with where it ends; found from the words' first words rather than by trying every verb everywhere.
    static func lastControlVerb(in words: [String]) -> (end: Int, status: String)? {
        var ends = [Int?](repeating: nil, count: controlVerbWords.count)
        for i in stride(from: words.count - 1, through: 0, by: -1) {
            guard let vs = controlVerbsByFirstWord[words[i]] else { continue }
            for k in vs where ends[k] == nil {
                let v = controlVerbWords[k].0
                if i + v.count <= words.count, words[i..<(i + v.count)].elementsEqual(v) { ends[k] = i + v.count }
            }
        }
        var best: (end: Int, status: String)?
        for (k, end) in ends.enumerated() {
            if let end, best == nil || end > best!.end { best = (end, controlVerbWords[k].1) }
        }
        return best
    }

    /// Words that may stand between a control verb and the places it reaches ("took A, B and the town of C").
    static let listWords: WordSet = ["and", "et", "de", "d", "of", "the", "la", "le", "les", "des", "du", "al", "el", "villages", "towns",
                                         "village", "town", "localites", "ville", "villes", "desormais", "now", "also", "aussi", "control", "controle"]

    /// The control status a folded text before a place gives (nil: none). `asciiFastPath: false` reads ASCII
    /// text by characters too (what the fast path must agree with).
    static func controlStatus(_ before: String, asciiFastPath: Bool = true) -> String? {
        // Both tests below read at most the last 120 characters and need a control stem there (looked for in
        // all of `before`, which `foldedBefore` keeps short, rather than counting characters back).
        let scalars = before.unicodeScalars.map(\.value)
        guard controlStems.firstMatch(in: scalars) != nil else { return nil }
        // Folded text is ASCII but for other scripts; there a character is a byte, and a space the byte 0x20.
        let ascii = asciiFastPath && scalars.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        let tail = ascii ? Array(scalars.suffix(70)) : before.suffix(70).unicodeScalars.map(\.value)
        for (status, regex) in controlPatterns where regex.firstMatch(in: tail) != nil { return status }
        // A list after the verb: only names, commas and "and"/"et" between the verb and this place. Words of
        // the last 120 characters, whole words only.
        var words: [String]
        if ascii {
            words = Self.words(of: String(decoding: before.utf8.suffix(120), as: UTF8.self))
            if scalars.count > 120, scalars[scalars.count - 121] != 0x20, !words.isEmpty { words.removeFirst() }
        } else {
            words = before.suffix(120).split(separator: " ").map(String.init)
            if before.count > 120, !before.dropLast(120).hasSuffix(" "), !words.isEmpty { words.removeFirst() }
        }
        guard let (end, status) = lastControlVerb(in: words) else { return nil }
        // "un poste de contrôle" is a checkpoint, not control.
        if end >= 3, words[end - 2] == "de", words[end - 1] == "controle", words[end - 3] == "poste" || words[end - 3] == "postes" { return nil }
        let between = words[end...]
        let capitalisedNames = between.count <= 12 && between.allSatisfy { listWords.contains($0) || $0.count > 2 }
        return capitalisedNames && between.count <= 12 ? status : nil
    }
}
