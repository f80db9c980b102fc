/// Aligned plain-text tables for people reading a terminal.
enum TextTable {
    /// Two columns, names padded to the longest.
    static func keyValue(_ rows: [(String, String)]) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
            .joined(separator: "\n")
    }
}
