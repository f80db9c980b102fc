import Foundation

/// An RFC 4180 CSV reader that keeps the line number of every record, for error messages such as
/// `events.csv:42: field 'latitude': 'abc' is not a number`. Quoted fields may hold separators, quotes ("")
/// and line breaks. A header row maps column names to positions.
public struct CSVReader: Sequence {
    public struct Record {
        /// 1-based line where the record starts.
        public let line: Int
        public let fields: [String]
    }

    public let text: String
    public let separator: Character

    public init(text: String, separator: Character = ",") {
        self.text = text
        self.separator = separator
    }

    public func makeIterator() -> Iterator { Iterator(text: text, separator: separator) }

    public struct Iterator: IteratorProtocol {
        private let chars: [Character]
        private let separator: Character
        private var i = 0
        private var line = 1

        init(text: String, separator: Character) {
            var t = text
            if t.hasPrefix("\u{FEFF}") { t.removeFirst() }
            chars = Array(t)
            self.separator = separator
        }

        public mutating func next() -> Record? {
            // Skip blank lines between records.
            while i < chars.count, chars[i] == "\n" || chars[i] == "\r\n" || chars[i] == "\r" { i += 1; line += 1 }
            guard i < chars.count else { return nil }
            let start = line
            var fields: [String] = []
            var field = ""
            var quoted = false
            while i < chars.count {
                let c = chars[i]
                if quoted {
                    if c == "\"" {
                        if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 2; continue }
                        quoted = false; i += 1; continue
                    }
                    if c == "\n" || c == "\r\n" || c == "\r" { line += 1 }
                    field.append(c); i += 1
                    continue
                }
                if c == "\"", field.isEmpty { quoted = true; i += 1; continue }
                if c == separator { fields.append(field); field = ""; i += 1; continue }
                if c == "\n" || c == "\r\n" || c == "\r" { i += 1; line += 1; break }
                field.append(c); i += 1
            }
            fields.append(field)
            return Record(line: start, fields: fields)
        }
    }
}

/// A CSV header: column positions by name (case-insensitive, trimmed).
public struct CSVHeader {
    public let names: [String]
    private let positions: [String: Int]

    public init(_ fields: [String]) {
        names = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var p: [String: Int] = [:]
        for (k, n) in names.enumerated() where p[n] == nil { p[n] = k }
        positions = p
    }

    public func index(of name: String) -> Int? { positions[name.lowercased()] }

    /// The value of column `name` in a record, nil when the column is absent or the field empty.
    public func value(_ name: String, in record: CSVReader.Record) -> String? {
        guard let k = positions[name.lowercased()], k < record.fields.count else { return nil }
        let v = record.fields[k].trimmingCharacters(in: .whitespaces)
        return v.isEmpty ? nil : v
    }
}
