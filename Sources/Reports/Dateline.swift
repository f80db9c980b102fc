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
}
