/// Numbers as reports write them: digits ("80", "2.5", "2,5"), English and French number words ("fifteen",
/// "twenty-five", "quinze", "quatre-vingts", "soixante-dix") and approximate collectives ("a dozen",
/// "une quinzaine", "une centaine").
enum NumberWords {
    static let units: [String: Double] = [
        "zero": 0, "one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
        "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
        "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    ]
    static let multipliers: [String: Double] = ["hundred": 100, "cent": 100, "cents": 100, "thousand": 1000, "mille": 1000]

    /// Collectives: "une quinzaine" is about fifteen. Always approximate.
    static let collectives: [String: Double] = [
        "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
        "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "dozen": 12, "dozens": 24, "score": 20,
    ]

    /// The regex alternation of single number words, longest first.
    static var wordPattern: String {
        (Array(units.keys) + Array(multipliers.keys)).filter { $0 != "a" }.sorted { $0.count > $1.count }.joined(separator: "|")
    }

    /// Value of a folded number phrase, or nil. "quatre-vingt-dix" → 90, "twenty five" → 25, "vingt et un" → 21.
    static func value(_ text: String) -> Double? {
        let t = decimalPoint(text)
        if let d = Double(t), d.isFinite { return d }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init).filter { $0 != "et" && $0 != "and" }
        guard !words.isEmpty else { return nil }
        var total = 0.0, current = 0.0
        for (k, w) in words.enumerated() {
            if let u = units[w] {
                // French "quatre-vingt(s)": four twenties.
                if (w == "vingt" || w == "vingts"), k > 0, words[k - 1] == "quatre" { current = current - 4 + 80; continue }
                current += u
            } else if let m = multipliers[w] {
                current = (current == 0 ? 1 : current) * m
                if m >= 1000 { total += current; current = 0 }
            } else {
                return nil
            }
        }
        return total + current
    }

    /// "2,5" → "2.5": the French decimal comma.
    private static func decimalPoint(_ text: String) -> String {
        text.utf8.contains(0x2C) ? String(text.map { $0 == "," ? "." : $0 }) : text
    }
}
