import Foundation

/// A calendar day (Gregorian, no time zone): report dates and event dates.
public struct ReportDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses YYYY-MM-DD.
    public init?(iso: String) {
        let p = iso.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3, iso.count == 10 else { return nil }
        self.init(year: p[0], month: p[1], day: p[2])
    }

    var date: Date { Self.calendar.date(from: DateComponents(year: year, month: month, day: day))! }

    init(_ date: Date) {
        let c = Self.calendar.dateComponents([.year, .month, .day], from: date)
        year = c.year!; month = c.month!; day = c.day!
    }

    public func adding(days: Int) -> ReportDay { ReportDay(Self.calendar.date(byAdding: .day, value: days, to: date)!) }

    /// 1 = Sunday … 7 = Saturday.
    public var weekday: Int { Self.calendar.component(.weekday, from: date) }

    /// The latest day with this weekday on or before this day.
    public func latest(weekday w: Int) -> ReportDay { adding(days: -((weekday - w + 7) % 7)) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// YYYY-MM-DD (written digit by digit: layers print millions of these).
    public var description: String {
        guard (0...9999).contains(year) else { return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)" }
        let digits: [UInt8] = [
            UInt8(48 + year / 1000), UInt8(48 + year / 100 % 10), UInt8(48 + year / 10 % 10), UInt8(48 + year % 10), 45,
            UInt8(48 + month / 10), UInt8(48 + month % 10), 45, UInt8(48 + day / 10), UInt8(48 + day % 10),
        ]
        return String(decoding: digits, as: UTF8.self)
    }
    public static func < (a: ReportDay, b: ReportDay) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}
