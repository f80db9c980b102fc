import Foundation
import GeoCore
import Incidents

/// Event dates from day words resolved against the report date, and ACLED's time precision.
extension EventExtractor {
    func date(_ words: [String], report: ReportDay?, reportSource: DateSource) -> (ReportDay?, DateSource) {
        guard let report else { return (nil, .unknown) }
        // "dans la nuit de lundi à mardi": the later day.
        let weekdays = lists.weekdays
        if let i = Self.position(words, lists.nightOf), i + 4 < words.count, weekdays[words[i + 2]] != nil, let w = weekdays[words[i + 4]] {
            return (report.latest(weekday: w), .text)
        }
        // A day of a month: "on 5 January 2014", "le 13 mai", "13 mai 2015" (a month after the report's is last year's).
        for (i, w) in words.enumerated() where i + 1 < words.count {
            guard let d = Int(w), (1...31).contains(d), let m = lists.months[words[i + 1]], words[i + 1].count > 2 else { continue }
            var year = report.year
            if i + 2 < words.count, let y = Int(words[i + 2]), (1900...2100).contains(y) { year = y } else if m > report.month { year -= 1 }
            if let day = ReportDay(year: year, month: m, day: d) { return (day, .text) }
        }
        for (i, w) in words.enumerated() {
            let phraseEndsHere = lists.yesterdayPhrases.contains { p in i + 1 >= p.count && words[(i + 1 - p.count)...i].elementsEqual(p) }
            if lists.yesterday.contains(w) || phraseEndsHere { return (report.adding(days: -1), .text) }
            if let d = weekdays[w] { return (report.latest(weekday: d), .text) }
        }
        if lists.today.contains(where: { Self.contains(words, $0) }) {
            return (report, .text)
        }
        return (report, reportSource)
    }

    /// ACLED's time precision: 1 the day is known, 2 only the week ("last week", "la semaine dernière"),
    /// 3 only the month ("last month", "fin mars", "en novembre").
    func timePrecision(_ words: [String]) -> Int {
        if lists.weekOnly.contains(where: { Self.contains(words, $0) }) { return 2 }
        if lists.monthOnly.contains(where: { Self.contains(words, $0) }) { return 3 }
        for (i, w) in words.enumerated() where lists.months[w] != nil && w.count > 3 {
            if i > 0, lists.monthPart.contains(words[i - 1]) { return 3 }
        }
        return 1
    }
}
