import Foundation
import GeoCore
import Incidents
import Patterns

/// The word lists of the event reader, read from `Lexicon/word_lists.csv` (`list,word,value`; folded words,
/// phrases as words separated by single spaces), `Lexicon/control_patterns.csv` and `Lexicon/control_verbs.csv`.
/// Language data lives in those files; the code says how the lists are used.
struct WordLists: Sendable {
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
