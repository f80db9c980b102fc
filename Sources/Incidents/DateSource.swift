/// Where a date came from.
public enum DateSource: String, Sendable, Hashable {
    /// Day words of the report ("hier", "on Monday") resolved against the report date.
    case text
    /// The report's dateline.
    case dateline
    /// Given by the user (`--date`) or by an analyst's event file.
    case given
    /// No date could be found.
    case unknown
}
