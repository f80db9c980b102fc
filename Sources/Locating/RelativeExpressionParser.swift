import Foundation
import GeoCore
import Patterns

/// Finds relative location expressions in English and French text, case- and accent-insensitively, alone or
/// inside running text. The grammar is in README ("Relative locations"); every form is a regular expression
/// over the folded text, and overlapping matches keep the most specific form.
public struct RelativeExpressionParser: Sendable {
    public init() {}

    // MARK: Vocabulary (folded: lowercase, no accents)

    static let approx = #"(?:about|around|some|approximately|roughly|nearly|almost|approx\.?|an estimated|over|more than|less than|under|environ|pres de|pres d'|quelque|quelques|a peu pres|approximativement|plus de|moins de|plus ou moins)"#
    static let collective = #"(?:(?:une|a)\s+(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine|dozen|score)|dozens)"#
    static let numberWord = "(?:\(NumberWords.wordPattern))"
    static let number = #"(?:\d+(?:[.,]\d+)?|NW(?:[- ](?:et[- ]|and[- ])?NW){0,3})"#.replacingOccurrences(of: "NW", with: numberWord)
    /// Units as printed, typos included: "kms", "klm", "kilomtres", "kilomètre".
    static let unitWords = #"(?:km|kms|klm|klms|kilom[a-z]*|miles?|mi|metres?|meters?|m)"#
    /// A unit is a word of its own ("25km" is one, "trentekm" is not): the unit trigger words below find every
    /// unit a pattern can match.
    static let unit = #"(?<![a-z])"# + unitWords + #"(?![a-z])"#
    static let distance = #"(?<neg>-\s*)?(?:(?:between|entre)\s+)?(?<approx>APPROX\s+)?(?:(?<coll>COLL)|(?<n1>NUM)(?:\s*(?:-|to|a|and|et)\s*(?<n2>NUM))?)\s*(?:(?:de|d'|of)\s*)?(?<unit>UNIT)\.?"#
        .replacingOccurrences(of: "APPROX", with: approx).replacingOccurrences(of: "COLL", with: collective)
        .replacingOccurrences(of: "NUM", with: number).replacingOccurrences(of: "UNIT", with: unit)
    static let dirEN = #"(?:north|south|east|west)(?:[- ]?(?:north|south|east|west)){0,2}"#
    static let dirAbbr = #"(?:[nsew]{1,3})"#
    static let dirFR = #"(?:nord|sud|est|ouest)(?:[- ](?:nord|sud|est|ouest)){0,2}"#
    static let dirAbbrFR = #"(?:[nseo]{1,3})"#
    static let adjEN = #"(?:(?:north|south)[- ]?(?:east|west)ern|northern|southern|eastern|western)"#
    static let typesEN = #"(?:city|town|village|province|governorate|district|region|area|locality|neighbourhood|neighborhood)"#
    static let typesFR = #"(?:ville|village|localite|province|region|bourgade|cite|commune|gouvernorat|quartier|agglomeration|district)"#
    static let de = #"(?:de\s+|d'|du\s+|des\s+)"#
    static let introEN = #"\s+of\s+(?:the\s+(?<type>TYPES)\s+of\s+)?"#.replacingOccurrences(of: "TYPES", with: typesEN)
    static let introFR = #"\s*DE(?:(?:la\s+|le\s+|l')?(?<type>TYPES)\s+DE)?"#.replacingOccurrences(of: "TYPES", with: typesFR)
        .replacingOccurrences(of: "DE", with: de)
    static let anchor = #"(?<anchor>(?=[^\d\s])[^\s,.;:!?()\[\]"]+(?:[ \t]+[^\s,.;:!?()\[\]"]+){0,5})"#
    static let start = #"(?<![a-z0-9])"#

    struct Pattern {
        let form: RelativeForm
        let regex: ScalarRegex
        let anchorBefore: Bool
        /// No anchor in the phrase ("à 35 km plus au sud"): the place named just before is meant.
        var elliptical = false
        /// Only with a place named right before it ("Harasta to the west"); alone, the words are not a location.
        var needsNamedPlace = false
        /// A part of every match, without look-around, that is quick to look for: a window without it is skipped
        /// (for patterns whose own search is slow, such as an anchor written before the phrase).
        var gate: ScalarRegex?

        /// The trigger kinds a window must contain for this pattern to be worth running.
        var needs: Trigger {
            switch form {
            case .distanceAndDirection: return [.unit, .direction]
            case .distanceOnly: return .unit
            case .countryside, .directionOnly: return .direction
            case .proximity: return .proximity
            case .border: return .border
            }
        }

        /// The trigger every match contains (its windows are built around these), and how far before it a
        /// match can start: numbers and hedges before a unit ("approximativement entre vingt-cinq et trente
        /// kilomètres") or an anchor before "'s northern countryside" reach far; "dans les environs de",
        /// "in the northern" do not.
        var key: Trigger { needs.contains(.unit) ? .unit : needs }
        var lead: Int { needs.contains(.unit) || anchorBefore ? 160 : needs == .border ? 60 : 40 }
    }

    struct Trigger: OptionSet {
        let rawValue: Int
        static let unit = Trigger(rawValue: 1)
        static let direction = Trigger(rawValue: 2)
        static let proximity = Trigger(rawValue: 4)
        static let border = Trigger(rawValue: 8)
    }

    static let patterns: [Pattern] = {
        func p(_ form: RelativeForm, _ source: String, anchorBefore: Bool = false, elliptical: Bool = false, needsNamedPlace: Bool = false,
               gate: String? = nil) -> Pattern {
            Pattern(form: form, regex: try! ScalarRegex(source, limitsStart: true), anchorBefore: anchorBefore, elliptical: elliptical,
                    needsNamedPlace: needsNamedPlace, gate: gate.map { try! ScalarRegex($0) })
        }
        let S = start, D = distance, A = anchor
        // Gates of the distance forms: the unit (without its look-ahead) and what every match has right after it.
        let U = unitWords
        return [
            p(.distanceAndDirection, S + D + #"\s+(?:to\s+the\s+)?(?<dir>\#(dirEN)|\#(dirAbbr))(?![a-z])"# + introEN + A,
              gate: U + #"\.?\s+(?:to\s+the\s+)?[nsew]"#),
            p(.distanceAndDirection, S + #"(?:a\s+)?"# + D + #"\s+(?:au\s+|a\s+l')(?<dir>\#(dirFR)|\#(dirAbbrFR))(?![a-z])"# + introFR + A,
              gate: U + #"\.?\s+(?:au\s+|a\s+l')"#),
            p(.distanceAndDirection, S + #"(?:a\s+)?"# + D + #"\s+(?:plus\s+)?(?:au\s+|a\s+l')(?<dir>\#(dirFR))(?![a-z])(?!\s*(?:de|d'|du|des)\b)"#, elliptical: true,
              gate: U + #"\.?\s+(?:plus\s+)?(?:au\s+|a\s+l')"#),
            p(.distanceAndDirection, S + D + #"\s+(?:further\s+|farther\s+)?(?:to\s+the\s+)?(?<dir>\#(dirEN))(?![a-z])(?!\s+of\b)"#, elliptical: true,
              gate: U + #"\.?\s+(?:further\s+|farther\s+)?(?:to\s+the\s+)?(?:north|south|east|west)"#),
            p(.distanceOnly, S + D + #"\s+(?:away\s+)?from\s+(?:the\s+(?<type>\#(typesEN))\s+of\s+)?"# + A,
              gate: U + #"\.?\s+(?:away\s+)?from\s"#),
            p(.distanceOnly, S + #"a\s+"# + D + introFR + A, gate: U + #"\.?\s*(?:de\s+|d'|du\s+|des\s+)"#),
            p(.countryside, S + #"(?:in\s+)?the\s+(?<dir>\#(adjEN))\s+(?:countryside|outskirts|suburbs|reaches|part|parts|districts|villages|edges?|fringes?|periphery)"# + introEN + A),
            p(.countryside, #"(?<anchor>[^\s,.;:!?()\[\]"]+(?:[ \t]+[^\s,.;:!?()\[\]"]+){0,3})'s\s+(?<dir>\#(adjEN))\s+(?:countryside|outskirts|suburbs)"#, anchorBefore: true,
              gate: #"'s\s+\#(adjEN)\s+(?:countryside|outskirts|suburbs)"#),
            p(.countryside, S + #"dans\s+(?:la|les)\s+(?:campagne|banlieue|region|peripherie|partie|zone)s?\s+(?<dir>\#(dirFR))(?![a-z])"# + introFR + A),
            p(.countryside, S + #"dans\s+(?:le\s+|l')(?<dir>\#(dirFR))(?![a-z])"# + introFR + A),
            p(.countryside, S + #"(?:in\s+)?(?<dir>\#(adjEN))\s+"# + A),
            // "in the south of Idlib", "across the east of the country": a part (English "south of X" lies outside).
            p(.countryside, S + #"(?:in|into|across|throughout)\s+the\s+(?<dir>\#(dirEN))(?![a-z])"# + introEN + A),
            p(.directionOnly, S + #"(?:to\s+the\s+)?(?<dir>\#(dirEN)|\#(dirAbbr))(?![a-z])"# + introEN + A),
            // "Harasta to the west", "Kabani, plus à l'est": a place named right before, from a place the sentence
            // or the report has named (the geoparser keeps only those whose name before it reads as a place).
            p(.directionOnly, S + #"(?:further\s+|farther\s+)?to\s+the\s+(?<dir>\#(dirEN))(?![a-z])(?![- ]?(?:north|south|east|west))(?!\s+of\b)"#,
              elliptical: true, needsNamedPlace: true),
            p(.directionOnly, S + #"(?:plus\s+)?(?:au\s+|a\s+l')(?<dir>\#(dirFR))(?![a-z])(?![- ]?(?:nord|sud|est|ouest))(?!\s*(?:de|d'|du|des)\b)"#,
              elliptical: true, needsNamedPlace: true),
            p(.directionOnly, S + #"(?:au\s+|a\s+l')(?<dir>\#(dirFR))(?![a-z])"# + introFR + A),
            p(.proximity, S + #"(?<prox>near|nearby|close\s+to|on\s+the\s+outskirts\s+of|in\s+the\s+outskirts\s+of|on\s+the\s+edge\s+of|in\s+the\s+vicinity\s+of|in\s+the\s+suburbs\s+of|outside(?:\s+of)?)\s+(?:the\s+(?<type>\#(typesEN))\s+of\s+)?"# + A),
            p(.proximity, S + #"(?<prox>a\s+quelques\s+kilometres\s+DE|pres\s+DE|non\s+loin\s+DE|(?:aux|les)\s+abords\s+DE|a\s+la\s+peripherie\s+DE|dans\s+les\s+environs\s+DE|aux\s+environs\s+DE|a\s+proximite\s+DE|dans\s+la\s+banlieue\s+DE)(?:(?:la\s+|le\s+|l')?(?<type>\#(typesFR))\s+DE)?"#.replacingOccurrences(of: "DE", with: de) + A),
            // "close to the Iraqi border", "près de la frontière turque": the anchor is the country adjective; a
            // border crossing, post or town is a place of its own, not this form.
            p(.border, S + borderEN + #"\s+the\s+(?<anchor>[a-z]+(?:-[a-z]+)?)\s+borders?(?![a-z])(?!\s+(?:crossings?|posts?|gates?|guards?|towns?|villages?|cit(?:y|ies)|points?)(?![a-z]))"#),
            p(.border, S + borderEN + #"\s+the\s+borders?\s+with\s+"# + A),
            p(.border, S + borderFR + #"\s+frontieres?\s+(?<anchor>[a-z]+(?:-[a-z]+)?)(?![a-z])"#),
            p(.border, S + borderFR + #"\s+frontieres?\s+(?:avec|de)\s+(?:la\s+|le\s+|l')?"# + A),
        ]
    }()

    /// The words before "the … border" and "la frontière …" that place something by it.
    static let borderEN = #"(?<prox>near|close\s+to|along|on|at|by|next\s+to|in\s+the\s+vicinity\s+of|not\s+far\s+from)"#
    static let borderFR = #"(?<prox>(?:pres|proche|a\s+proximite|non\s+loin|le\s+long|aux\s+abords|a\s+quelques\s+kilometres)\s+de\s+la|a\s+la|sur\s+la)"#

    static let specificity: [RelativeForm: Int] = [
        .distanceAndDirection: 6, .distanceOnly: 5, .countryside: 4, .directionOnly: 3, .border: 2, .proximity: 1,
    ]

    /// `specificity` of each pattern's form, by pattern index.
    static let patternSpecificity: [Int] = patterns.map { specificity[$0.form]! }

    /// Every expression in `text`, in order, overlaps resolved (more specific form, then longer, wins).
    public func expressions(in text: String) -> [RelativeExpression] {
        expressions(in: Array(text.unicodeScalars))
    }

    /// The same over a text's scalars.
    public func expressions(in scalars: [Unicode.Scalar]) -> [RelativeExpression] {
        let folded = FoldedText(scalars)
        var found: [(match: ScalarMatch, pattern: Int)] = []
        folded.folded.withUnsafeBufferPointer { scalars in
            // The patterns run only around words every expression contains (a unit, a compass word, a proximity
            // or countryside word): regular expressions over whole reports would cost most of the extraction.
            // A match starts at or before the key word it holds (every form's words come before or at it), so in
            // a window a pattern is tried from its start to its last key word only: the 140 scalars after it are
            // for the anchor, not for matches starting there.
            let hits = Self.triggerHits(scalars)
            var windows: [Int: [Window]] = [:]
            for (p, pattern) in Self.patterns.enumerated() {
                let key = pattern.key.rawValue * 1000 + pattern.lead
                if windows[key] == nil { windows[key] = Self.windows(around: hits, key: pattern.key, lead: pattern.lead, in: scalars) }
                for window in windows[key]! where window.kinds.isSuperset(of: pattern.needs) {
                    if let gate = pattern.gate, gate.firstMatch(in: scalars, range: window.range) == nil { continue }
                    for m in pattern.regex.matches(in: scalars, range: window.range, startingBy: window.lastKey) { found.append((m, p)) }
                }
            }
        }
        return Self.resolved(found, in: folded)
    }

    /// The expressions `found` (pattern matches) give once overlaps are resolved, in text order: the most specific
    /// form wins an overlap, then the longest match, then the first found. Matches are read into expressions in
    /// that order and only when nothing kept overlaps them: most lose to another.
    static func resolved(_ found: [(match: ScalarMatch, pattern: Int)], in folded: FoldedText) -> [RelativeExpression] {
        let ranks = found.map { (specificity: Self.patternSpecificity[$0.pattern], length: $0.match.range.count) }
        let order = found.indices.sorted { i, j in
            let a = ranks[i], b = ranks[j]
            if a.specificity != b.specificity { return a.specificity > b.specificity }
            return a.length != b.length ? a.length > b.length : i < j
        }
        var kept: [RelativeExpression] = []
        for i in order where !kept.contains(where: { $0.span.overlaps(found[i].match.range) }) {
            if let e = Self.expression(found[i].match, pattern: Self.patterns[found[i].pattern], in: folded) { kept.append(e) }
        }
        return kept.sorted { $0.span.lowerBound < $1.span.lowerBound }
    }

    static let triggerKinds: [(Trigger, ScalarRegex)] = ([
        // The units of `unitWords`, so that every match holds one of these: a form is tried only up to them.
        (Trigger.unit, #"(?<![a-z])(?:km|kms|klm|klms|kilom[a-z]*|miles?|mi|metres?|meters?|m)(?![a-z])"#),
        (.direction, #"(?<![a-z])(?:north|south|east|west)|(?<![a-z])(?:nord|sud)(?![a-z])|(?:l'|-|au\s+|s\s|(?:campagne|banlieue|region|peripherie|partie|zone)s?\s+)(?:est|ouest)(?![a-z])|(?<![a-z])[nsewo]{1,3}\s+(?:of|de|d')"#),
        (.border, #"(?<![a-z])(?:borders?|frontieres?)(?![a-z])"#),
        (.proximity, #"(?<![a-z])(?:quelques\s+kilometres|few\s+(?:kilometres|kilometers|km)|near|nearby|close\s+to|outskirts|edge|vicinity|suburbs|outside|pres|loin|abords|peripherie|environs|proximite|banlieue)(?![a-z])"#),
    ] as [(Trigger, String)]).map { ($0.0, try! ScalarRegex($0.1)) }

    /// Trigger words of the folded text as code-point ranges with their kind, in order.
    static func triggerHits(_ s: UnsafeBufferPointer<UInt32>) -> [(start: Int, end: Int, kind: Trigger)] {
        var hits: [(start: Int, end: Int, kind: Trigger)] = []
        for (kind, regex) in triggerKinds {
            for m in regex.matches(in: s, range: 0..<s.count) {
                hits.append((m.range.lowerBound, m.range.upperBound, kind))
            }
        }
        return hits.sorted { $0.start < $1.start }
    }

    /// Where patterns are tried: a range of the folded text, the trigger kinds it holds, and where its last key
    /// trigger word starts (no match of a pattern keyed on it starts later).
    struct Window {
        var range: Range<Int>
        var kinds: Trigger
        var lastKey: Int
    }

    /// Code-point ranges around the `key` trigger words, merged, each with the kinds of trigger it holds:
    /// `lead` scalars before and 140 after (the anchor), widened to word boundaries.
    static func windows(around hits: [(start: Int, end: Int, kind: Trigger)], key: Trigger, lead: Int,
                        in s: UnsafeBufferPointer<UInt32>) -> [Window] {
        let length = s.count
        var windows: [Window] = []
        for (start, end, kind) in hits where kind == key {
            var lo = max(0, start - lead), hi = min(length, end + 140)
            if key == .unit { lo = distancePhraseStart(before: start, notBefore: lo, in: s) }
            while lo > 0, s[lo - 1] != 0x20, s[lo - 1] != 0x0A { lo -= 1 }
            while hi < length, s[hi] != 0x20, s[hi] != 0x0A { hi += 1 }
            if let last = windows.last, lo <= last.range.upperBound {
                windows[windows.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, hi)
                windows[windows.count - 1].lastKey = max(last.lastKey, start)
            } else {
                windows.append(Window(range: lo..<hi, kinds: kind, lastKey: start))
            }
        }
        // The other kinds each window holds, for patterns that need two.
        var k = 0
        for w in windows.indices {
            let r = windows[w].range
            while k < hits.count, hits[k].end <= r.lowerBound { k += 1 }
            var j = k
            while j < hits.count, hits[j].start < r.upperBound {
                if hits[j].end <= r.upperBound { windows[w].kinds.formUnion(hits[j].kind) }
                j += 1
            }
        }
        return windows
    }

    /// Where the words before a unit that a distance can be written with begin ("approximativement entre
    /// vingt-cinq et trente" before "kilometres"): no distance form's match starts earlier, since every scalar
    /// between its start and its unit is a figure, a space, one of `-'.,`, or a letter of a run of those words
    /// (runs may be glued: "2.5to30km", "trenteet"). The scan stops at the first other run or sign and returns
    /// where it begins (the caller widens to the word holding it), and at `notBefore` (the window's lead).
    static func distancePhraseStart(before unit: Int, notBefore: Int = 0, in s: UnsafeBufferPointer<UInt32>) -> Int {
        func isLetter(_ c: UInt32) -> Bool { (0x61...0x7A).contains(c) }
        func isDigit(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) }
        var i = unit
        while i > notBefore {
            let c = s[i - 1]
            if isLetter(c) {
                var j = i - 1
                while j > notBefore, isLetter(s[j - 1]) { j -= 1 }
                guard isDistanceWords(s[j..<i]) else { return j }
                i = j
            } else if isDigit(c) || c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x2D || c == 0x27 || c == 0x2E || c == 0x2C {
                i -= 1
            } else {
                return i - 1
            }
        }
        return notBefore
    }

    /// Whether a run of letters is one or more of `distanceWords` written together.
    static func isDistanceWords(_ run: Slice<UnsafeBufferPointer<UInt32>>) -> Bool {
        let letters = Array(run.lazy.map { UInt8($0) })
        guard !letters.isEmpty else { return true }
        // ends[k]: the first k letters are words written together.
        var ends = [Bool](repeating: false, count: letters.count + 1)
        ends[0] = true
        for k in 1...letters.count {
            for start in max(0, k - longestDistanceWord)..<k where ends[start] {
                if distanceWords.contains(String(decoding: letters[start..<k], as: UTF8.self)) { ends[k] = true; break }
            }
        }
        return ends[letters.count]
    }

    /// The words of a written distance before its unit: every run of letters in the patterns of hedges, counts,
    /// numbers and ranges (`approx`, `collective`, `number`, `distance`; a few letters of `\s` or `\d` among
    /// them only widen the scan), and "a" that French forms put before them.
    static let distanceWords: Set<String> = {
        var words: Set<String> = ["a"]
        for source in [approx, collective, number, distance.replacingOccurrences(of: unit, with: "")] {
            var word = ""
            for c in source.unicodeScalars {
                if ("a"..."z").contains(c) { word.unicodeScalars.append(c) } else if !word.isEmpty { words.insert(word); word = "" }
            }
            if !word.isEmpty { words.insert(word) }
        }
        return words
    }()
    static let longestDistanceWord = distanceWords.map(\.count).max()!

    static func expression(_ m: ScalarMatch, pattern: Pattern, in t: FoldedText) -> RelativeExpression? {
        func group(_ name: String) -> Range<Int>? { m.range(named: name) }
        func folded(_ name: String) -> String? { group(name).map { t.foldedText($0) } }

        var distance: DistanceEstimate?
        if let unitText = folded("unit") {
            guard let d = estimate(n1: folded("n1"), n2: folded("n2"), collective: folded("coll"),
                                   qualifier: folded("approx"), unit: unitText) else { return nil }
            distance = d
        }
        var direction: CompassPoint?
        if let dir = folded("dir"), let dirRange = group("dir") {
            // Abbreviations count only in capitals ("NNE of", "au NO de"): "s of" or "no de" in prose are words.
            if dir.count <= 3, !["est", "sud"].contains(dir) {
                let original = t.originalText(dirRange)
                guard original == original.uppercased() else { return nil }
            }
            var word = dir
            if word.hasSuffix("ern") { word.removeLast(3) }
            guard let point = CompassPoint(word: word) else { return nil }
            direction = point
        }
        var words: [(text: String, range: Range<Int>)] = []
        let anchorRange = group("anchor")
        guard anchorRange != nil || pattern.elliptical else { return nil }
        let scalars = anchorRange ?? 0..<0
        var k = scalars.lowerBound
        while k < scalars.upperBound {
            while k < scalars.upperBound, t.original[k].isWhitespace { k += 1 }
            let s = k
            while k < scalars.upperBound, !t.original[k].isWhitespace { k += 1 }
            if k > s { words.append((t.originalText(s..<k), s..<k)) }
        }
        guard !words.isEmpty || pattern.elliptical else { return nil }
        let whole = m.range
        let prox = folded("prox") ?? ""
        return RelativeExpression(
            form: pattern.form, span: whole, text: t.originalText(whole), distance: distance, direction: direction,
            anchorWords: words, anchorBefore: pattern.anchorBefore, anchorType: folded("type"),
            negative: group("neg") != nil, needsNamedPlace: pattern.needsNamedPlace,
            outskirts: !prox.isEmpty && prox.contains("outskirts") || prox.contains("edge") || prox.contains("abords")
                || prox.contains("peripherie") || prox.contains("suburbs") || prox.contains("banlieue"))
    }

    /// The distance in km with its interval (`ReportedDistance`'s bands). Nil when the number cannot be read.
    static func estimate(n1: String?, n2: String?, collective: String?, qualifier: String?, unit: String) -> DistanceEstimate? {
        let factor: Double
        switch unit {
        case "m", "metre", "metres", "meter", "meters": factor = 0.001
        case "mi", "mile", "miles": factor = 1.609344
        default: factor = 1
        }
        if let c = collective {
            // "une vingtaine", "a dozen": a hedged round number.
            guard let word = c.split(separator: " ").last, let v = NumberWords.collectives[String(word)] else { return nil }
            let band = ReportedDistance.interval(value: v * factor, written: v, qualifier: .hedge)
            return DistanceEstimate(kilometers: v * factor, low: band.low, high: band.high, hedged: true)
        }
        guard let t1 = n1, let v1 = NumberWords.value(t1) else { return nil }
        let kind = ReportedDistance.qualifier(qualifier)
        if let t2 = n2, let v2 = NumberWords.value(t2) {
            let (lo, hi) = (min(v1, v2), max(v1, v2))
            let band = ReportedDistance.interval(from: lo * factor, to: hi * factor)
            return DistanceEstimate(kilometers: (lo + hi) / 2 * factor, low: band.low, high: band.high, hedged: kind != .none)
        }
        let band = ReportedDistance.interval(value: v1 * factor, written: v1, qualifier: kind)
        return DistanceEstimate(kilometers: v1 * factor, low: band.low, high: band.high, hedged: kind != .none)
    }

}
