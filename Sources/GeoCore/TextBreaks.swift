/// Where text may be cut without splitting a report, a paragraph or a line: after the last blank line, else
/// after the last line break; text with no line break is cut after its last sentence end, else after its last
/// space, never inside a word ("Raqqa" must not become "Ra" + "qqa"). The one rule of the geoparser's blocks
/// (code points) and of the streamed extraction's chunks (bytes).
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

    /// Where text with no line break may be cut: right after the last sentence end followed by a space (". "),
    /// else right after the last space; nil when it has no space at all.
    public static func lastSoftBreak<C: BidirectionalCollection>(in text: C, isSpace: (C.Element) -> Bool,
                                                                 isSentenceEnd: (C.Element) -> Bool) -> C.Index? {
        var lastSpace: C.Index?
        var i = text.endIndex
        while i > text.startIndex {
            let before = text.index(before: i)
            if isSpace(text[before]) {
                if lastSpace == nil { lastSpace = i }
                if before > text.startIndex, isSentenceEnd(text[text.index(before: before)]) { return i }
            }
            i = before
        }
        return lastSpace
    }
}
