/// Where text may be cut without splitting a report, a paragraph or a line: after the last blank line, else
/// after the last line break. The one rule of the geoparser's blocks (code points) and of the streamed
/// extraction's chunks (bytes).
public enum TextBreaks {
    /// The index right after the last blank line of `text` (the second of two line feeds), else right after its
    /// last line feed; nil when it has none. `newline` is the line feed in the collection's element type.
    public static func lastBreak<C: BidirectionalCollection>(in text: C, newline: C.Element) -> C.Index? where C.Element: Equatable {
        guard let last = text.lastIndex(of: newline) else { return nil }
        var i = last
        while i > text.startIndex {
            let before = text.index(before: i)
            if text[i] == newline, text[before] == newline { return text.index(after: i) }
            i = before
        }
        return text.index(after: last)
    }
}
