/// Failures of the gazetteer: opening, importing, building. Messages name the file, line and field.
public enum GazetteerError: Error, Equatable, CustomStringConvertible {
    /// A bad record in an input file: `file:line: message`.
    case badInput(file: String, line: Int, message: String)
    case notFound(String)
    case notAGazetteer(String, reason: String)
    case missingDefault(String)
    case unreadable(String, String)
    case database(String)

    public var description: String {
        switch self {
        case .badInput(let file, let line, let message): return "\(file):\(line): \(message)"
        case .notFound(let path): return "\(path): no such file"
        case .notAGazetteer(let path, let reason): return "\(path): not a geomap gazetteer (\(reason))"
        case .missingDefault(let path):
            return "the embedded gazetteer is not built (\(path) is missing): run 'make gazetteer' or 'make run'"
        case .database(let message): return "gazetteer database: \(message)"
        case .unreadable(let path, let why): return "\(path): the gazetteer cannot be read: \(why)"
        }
    }
}
