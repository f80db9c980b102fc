/// A field as geomap writes it into CSV: quoted when it holds a separator, a quote or a line break (RFC 4180),
/// and, unless `raw`, neutralised against formula injection as OWASP recommends: a text that a spreadsheet
/// would run as a formula (first character `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'`.
/// Numbers ("-33.9", "+5") are numbers, not formulas, and stay as they are.
public enum CSVCell {
    public static func field(_ s: String, raw: Bool = false) -> String {
        var s = s
        if !raw, let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(s) == nil {
            s = "'" + s
        }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
