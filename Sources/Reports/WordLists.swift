import Foundation
import GeoCore
import Incidents
import Patterns

/// The word lists of the event reader, read from `Lexicon/word_lists.csv` (`list,word,value`; folded words,
/// phrases as words separated by single spaces), `Lexicon/control_patterns.csv` and `Lexicon/control_verbs.csv`.
/// Language data lives in those files; the code says how the lists are used.
final class WordLists: Sendable {
    /// Number words and their values ("quinze" 15, "dozens" 12).
    let numbers: WordTable<Int>
    /// Words that make a nearby number a death toll ("tués", "killed").
    let killWords: WordSet
    /// Verbs that make a following number a toll ("tuant 12").
    let killVerbs: WordSet
    /// Words after a number that make it something else than a toll (units, ages, the wounded).
    let notCounts: WordSet
    /// Words that attribute a figure to a source ("selon", "according").
    let attribution: WordSet
    /// Phrases of a death with no cause given.
    let deathPhrases: [[String]]
    /// Words of fighting that make an execution a clash.
    let fighting: [String]
    let weekdays: WordTable<Int>
    let yesterday: WordSet
    /// Phrases of the day before, whose last word ends at the word read ("la veille").
    let yesterdayPhrases: [[String]]
    let today: [String]
    /// "nuit de": "dans la nuit de lundi à mardi" is the later day.
    let nightOf: String
    /// Phrases that give only the week (time precision 2) or only the month (3).
    let weekOnly: [String]
    let monthOnly: [String]
    /// Words before a month name that leave only the month known ("fin mars", "early June").
    let monthPart: WordSet
    let months: [String: Int]
    /// Control: the status of each pattern ending right before a place, the verbs that reach the places of a
    /// list after them, the words that may stand in such a list, and the gates (stems, sentence words).
    let controlPatterns: [(status: ControlStatus, pattern: String)]
    let controlVerbs: [(verb: String, status: ControlStatus)]
    let controlListWords: WordSet
    let controlStems: [String]
    let controlGate: [String]
    /// "poste de contrôle" is a checkpoint.
    let checkpoint: WordSet
    /// Clauses: words that open one ("while"), that open one after a comma ("which", "qui"), and words after
    /// ", and" that continue a list instead ("on", "de").
    let clauseOpeners: WordSet
    let relativeOpeners: WordSet
    let listContinuers: WordSet
    /// Words right before a place that make it no place of the event ("from", "towards", "fled").
    let notEventPlace: WordSet
    /// Words before a figure that make it part of a toll given before it ("including", "dont").
    let subset: WordSet
    /// Verbs whose subject is the source of what follows ("said", "put the toll at", "faisait état de").
    let reportVerbs: WordSet
    let sameSource: [[String]]
    /// "with no casualties", "sans faire de victimes", by their first word.
    let noCasualtiesByFirstWord: WordTable<[[String]]>
    /// "a man was killed": an article before a person word is one.
    let persons: WordSet
    let one: WordSet
    /// Figures that are no figure ("dozens", "des dizaines"): kept only where no figure is given.
    let vagueNumbers: WordSet
    /// Verbs that continue a sentence's attack on another place ("and targeted X").
    let attackVerbs: WordSet
    /// Verbs that make a toll only right before the figure ("lost 25 fighters").
    let killVerbsAdjacent: WordSet
    /// Actors: after "by"/"par" the one acting; after "against", "with", "between" the other side; after
    /// "backed by" an ally (no side of a claim); after "withdrew", "retrait", "chassé" the side that lost.
    let agentMarkers: WordSet
    let opponentMarkers: WordSet
    let allyMarkers: WordSet
    let loserMarkers: WordSet
    /// "dont une partie reste aux mains de": part of a place held.
    let partial: WordSet
    /// Words of holding near which an adjective names a side ("rebel-held", "bastion rebelle").
    let holdingWords: WordSet
    /// Words between a kill verb and its figure ("lost at least 25").
    let approximators: WordSet
    /// Articles and generic nouns between a preposition and a name ("vers les localités de").
    let placeLeadWords: WordSet
    /// "districts", "quartiers": parts of a city the gazetteer may not have.
    let neighbourhoodWords: WordSet
    /// Words of what has not happened ("would start", "menacent"): a clause with one tells no incident.
    let irrealis: WordSet
    /// Event words that are only verbs ("struck"): a clause's other event word ("a rocket … struck") says more.
    let weakTriggers: WordSet
    /// Aircraft named as event words ("warplanes", "hélicoptères"): an incident only where the clause also
    /// tells an attack, a death or another event word ("d'où décollent les hélicoptères" is none).
    let vehicleTriggers: WordSet
    /// "l'ONG", "the monitor": the source named last.
    let sourceAnaphors: WordSet
    /// The canonical names of the government's side (the regime and its allies): one side in a fight, and the
    /// side whose taking a place is "Government regains territory".
    let governmentSide: Set<String>
    /// "sans combat", "without a fight": a place taken so is a non-violent transfer of territory.
    let noFight: [[String]]
    /// "the city", "la ville", "the town": a place told before.
    let placeAnaphors: WordSet
    /// "wounding 20", "blessant 12": the figure after is of the wounded.
    let woundWords: WordSet
    /// "the same day", "le même jour": the day of the incident told before.
    let sameDay: [[String]]

    /// Short lists the clause reader tests single words against, each `Lexicon/word_lists.csv`'s list of the
    /// case's name in snake case (`passiveAux` → `passive_aux`).
    enum Named: Int, CaseIterable {
        case fromPlace, article, expelVerb, placeListJoiner, heldBy, heldParticiple, inHands, fell, stronghold, movement
        case possessive, takenParticiple, fellTo, passiveAux, agentBy, heldState, adjectiveLink, sideJoiner, conjunction
        case ofWord, tollNoun, stateNoun, makeVerb, relativePronoun, subjectSkip, locationPreposition, frontingPreposition
        /// Word parts (not words) of the ACLED conventions: barrel bombs are the regime's, an unclaimed drone an
        /// unidentified group's.
        case regimeWeapon, unclaimedWeapon

        var listName: String {
            String(describing: self).unicodeScalars.map { CharacterSet.uppercaseLetters.contains($0) ? "_" + String($0).lowercased() : String($0) }.joined()
        }
    }
    private let named: [WordSet]
    /// The parts of the two word-part lists, for substring tests.
    let regimeWeapon: [String], unclaimedWeapon: [String]

    subscript(_ list: Named) -> WordSet { named[list.rawValue] }

    static let standard: WordLists = {
        do { return try WordLists(bundle: .module) } catch { preconditionFailure("geomap's lexicon files are missing or broken: \(error)") }
    }()

    struct LoadError: Error, CustomStringConvertible { let description: String }

    init(bundle: Bundle) throws {
        func rows(_ name: String) throws -> (CSVHeader, [CSVReader.Record]) {
            guard let url = bundle.url(forResource: name, withExtension: "csv", subdirectory: "Lexicon") else {
                throw LoadError(description: "Lexicon/\(name).csv is not in the bundle")
            }
            var it = CSVReader(text: try String(contentsOf: url, encoding: .utf8)).makeIterator()
            let header = CSVHeader(it.next()?.fields ?? [])
            var out: [CSVReader.Record] = []
            while let r = it.next() { out.append(r) }
            return (header, out)
        }
        var lists: [String: [(word: String, value: String)]] = [:]
        let (h, records) = try rows("word_lists")
        for r in records {
            guard let list = h.value("list", in: r), let word = h.value("word", in: r) else { continue }
            lists[list, default: []].append((word, h.value("value", in: r) ?? ""))
        }
        func words(_ list: String) throws -> [String] {
            guard let l = lists[list] else { throw LoadError(description: "Lexicon/word_lists.csv has no list '\(list)'") }
            return l.map(\.word)
        }
        func numbers(_ list: String) throws -> [(String, Int)] {
            guard let l = lists[list] else { throw LoadError(description: "Lexicon/word_lists.csv has no list '\(list)'") }
            return try l.map { w in
                guard let n = Int(w.value) else { throw LoadError(description: "Lexicon/word_lists.csv: '\(w.word)' in \(list) needs a whole number") }
                return (w.word, n)
            }
        }
        func phrases(_ list: String) throws -> [[String]] { try words(list).map { $0.split(separator: " ").map(String.init) } }
        self.numbers = WordTable(try numbers("number"))
        killWords = WordSet(try words("kill_word"))
        killVerbs = WordSet(try words("kill_verb"))
        notCounts = WordSet(try words("not_count"))
        attribution = WordSet(try words("attribution"))
        deathPhrases = try phrases("death_phrase")
        fighting = try words("fighting")
        weekdays = WordTable(try numbers("weekday"))
        let yesterdayAll = try phrases("yesterday")
        yesterday = WordSet(yesterdayAll.filter { $0.count == 1 }.map { $0[0] })
        yesterdayPhrases = yesterdayAll.filter { $0.count > 1 }
        today = try words("today")
        guard let night = try words("night_of").first else { throw LoadError(description: "Lexicon/word_lists.csv: list 'night_of' is empty") }
        nightOf = night
        weekOnly = try words("week_only")
        monthOnly = try words("month_only")
        monthPart = WordSet(try words("month_part"))
        months = Dictionary(try numbers("month"), uniquingKeysWith: { a, _ in a })
        controlListWords = WordSet(try words("control_list_word"))
        controlStems = try words("control_stem")
        controlGate = try words("control_gate")
        checkpoint = WordSet(try words("checkpoint"))
        clauseOpeners = WordSet(try words("clause_opener"))
        relativeOpeners = WordSet(try words("relative_opener"))
        listContinuers = WordSet(try words("list_continuer"))
        notEventPlace = WordSet(try words("not_event_place"))
        subset = WordSet(try words("subset"))
        reportVerbs = WordSet(try words("report_verb"))
        sameSource = try phrases("same_source")
        noCasualtiesByFirstWord = WordTable.grouping(try phrases("no_casualties").filter { !$0.isEmpty }) { $0[0] }
        persons = WordSet(try words("person"))
        one = WordSet(try words("one"))
        vagueNumbers = WordSet(try words("vague_number"))
        attackVerbs = WordSet(try words("attack_verb"))
        killVerbsAdjacent = WordSet(try words("kill_verb_adjacent"))
        agentMarkers = WordSet(try words("agent_marker"))
        opponentMarkers = WordSet(try words("opponent_marker"))
        allyMarkers = WordSet(try words("ally_marker"))
        loserMarkers = WordSet(try words("loser_marker"))
        partial = WordSet(try words("partial"))
        holdingWords = WordSet(try words("holding"))
        approximators = WordSet(try words("approximator"))
        placeLeadWords = WordSet(try words("place_lead"))
        neighbourhoodWords = WordSet(try words("neighbourhood"))
        irrealis = WordSet(try words("irrealis"))
        weakTriggers = WordSet(try words("weak_trigger"))
        vehicleTriggers = WordSet(try words("vehicle_trigger"))
        sourceAnaphors = WordSet(try words("source_anaphor"))
        governmentSide = Set(try words("government_side"))
        noFight = try phrases("no_fight")
        placeAnaphors = WordSet(try words("place_anaphor"))
        woundWords = WordSet(try words("wound_word"))
        sameDay = try phrases("same_day")
        named = try Named.allCases.map { WordSet(try words($0.listName)) }
        regimeWeapon = try words(Named.regimeWeapon.listName)
        unclaimedWeapon = try words(Named.unclaimedWeapon.listName)
        func status(_ text: String?, _ file: String) throws -> ControlStatus {
            guard let text, let s = ControlStatus(rawValue: text) else { throw LoadError(description: "Lexicon/\(file).csv: unknown status '\(text ?? "")'") }
            return s
        }
        let (ph, patterns) = try rows("control_patterns")
        controlPatterns = try patterns.map { (try status(ph.value("status", in: $0), "control_patterns"), ph.value("pattern", in: $0) ?? "") }
        let (vh, verbs) = try rows("control_verbs")
        controlVerbs = try verbs.map { (vh.value("verb", in: $0) ?? "", try status(vh.value("status", in: $0), "control_verbs")) }
    }
}
