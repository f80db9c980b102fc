/// Aligned plain-text tables for people reading a terminal.
public enum TextTable {
    /// Two columns, names padded to the longest.
    public static func keyValue(_ rows: [(String, String)]) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
            .joined(separator: "\n")
    }
}

extension TextTable {
    /// A header and rows, each column padded to its widest cell.
    public static func columns(header: [String], rows: [[String]]) -> String {
        let all = ([header] + rows).map { $0.map(printable) }
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { c, cell in c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

extension TextTable {
    /// A cell as a terminal may show it: line breaks, tabs and other control characters (an ESC could drive the
    /// terminal) written as visible escapes, so every row stays one line and nothing reaches the terminal as code.
    public static func printable(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            switch u.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0..<0x20, 0x7F...0x9F: out += "\\u{" + String(u.value, radix: 16) + "}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
