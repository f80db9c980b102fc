import Foundation
import Incidents
import Places

/// Report dates from datelines: "Friday, 14 December 2018", "BEYROUTH, 25 avr 2015 (AFP)".
enum Dateline {
    /// A "day month year" in the first 300 characters.
    static func find(in text: String) -> ReportDay? {
        let words = String(text.prefix(300)).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { NameFolding.fold(String($0)) }
        for k in 0..<max(0, words.count - 2) {
            if let d = Int(words[k]), let m = WordLists.standard.months[words[k + 1]], let y = Int(words[k + 2]), y > 1900, y < 2200,
               let day = ReportDay(year: y, month: m, day: d) { return day }
        }
        return nil
    }

    /// Where a news agency's dateline that opens a paragraph ends: "ALEP (Syrie), 28 fév 2014 (AFP) - " — its
    /// first word in capitals, then an agency's ") -" within 100 characters. Places in it are where the
    /// newsroom is, not where anything happened. nil when the paragraph opens with none.
    static func end(from start: Int, in scalars: [Unicode.Scalar]) -> Int? {
        guard start < scalars.count, scalars[start].isUppercase,
              start + 1 < scalars.count, scalars[start + 1].isUppercase || !scalars[start + 1].isAlphabetic else { return nil }
        var i = start
        while i + 2 < min(scalars.count, start + 100) {
            if scalars[i] == ")", scalars[i + 1] == " ", scalars[i + 2] == "-" || scalars[i + 2] == "\u{2013}" { return i + 3 }
            if scalars[i] == "\n" { return nil }
            i += 1
        }
        return nil
    }
}
