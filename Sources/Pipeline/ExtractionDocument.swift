import Foundation
import GeoCore
import Geoparsing
import Incidents
import Reports
import Yams

/// The JSON of `geomap extract` (DESIGN.md) for one input, written by one byte writer: a head, the mentions,
/// events and control claims one per line, and the closing brackets. Streaming writes the parts as they come;
/// the pretty JSON and the YAML are made from the same bytes on the cold path (`pretty`, `yaml`).
public enum ExtractionDocument {
    /// `{"source":…,"lang":…,"report_date":…,"report_date_source":…,"mentions":[` and a line feed.
    public static func appendHead(source: String, lang: String, reportDate: ReportDay?, reportDateSource: DateSource,
                                  to out: inout OutputBuffer) {
        out.append(contentsOf: "{\"source\":")
        JSONBytes.appendString(source, to: &out)
        out.append(contentsOf: ",\"lang\":")
        JSONBytes.appendString(lang, to: &out)
        out.append(contentsOf: ",\"report_date\":")
        JSONBytes.appendOptional(reportDate?.description, to: &out, JSONBytes.appendString)
        out.append(contentsOf: ",\"report_date_source\":")
        JSONBytes.appendString(reportDateSource.rawValue, to: &out)
        out.append(contentsOf: ",\"mentions\":[\n")
    }

    public static let betweenMentionsAndEvents = "\n],\"events\":[\n"
    public static let betweenEventsAndControl = "\n],\"control\":[\n"
    public static let tail = "\n]}\n"

    /// Items one per line, separated by commas.
    static func appendLines<T>(_ items: [T], to out: inout OutputBuffer, _ write: (T, inout OutputBuffer) -> Void) {
        for (k, item) in items.enumerated() {
            if k > 0 { out.append(contentsOf: ",\n") }
            write(item, &out)
        }
    }

    /// One input's whole document, compact.
    public static func bytes(source: String, lang: String, mentions: [Mention], events: EventExtractor.Result) -> [UInt8] {
        var out = OutputBuffer(capacity: 1 << 16)
        appendHead(source: source, lang: lang, reportDate: events.reportDate, reportDateSource: events.reportDateSource, to: &out)
        appendLines(mentions, to: &out, MentionBytes.append)
        out.append(contentsOf: betweenMentionsAndEvents)
        appendLines(events.incidents, to: &out, EventBytes.append)
        out.append(contentsOf: betweenEventsAndControl)
        appendLines(events.control, to: &out, EventBytes.append)
        out.append(contentsOf: tail)
        return out.bytes
    }

    /// Documents read back as values (one, or an array of several) for the indented JSON and the YAML.
    public static func value(of documents: [[UInt8]]) throws(PipelineError) -> JSONValue {
        var values: [JSONValue] = []
        for d in documents {
            do { values.append(try JSONReader.parse(d)) } catch {
                throw PipelineError("internal error: the extraction JSON does not read back (\(error))")
            }
        }
        return values.count == 1 ? values[0] : .array(values)
    }

    /// Documents as indented JSON (one, or an array of several), with a final line feed: the bytes of
    /// `pretty(value(of:))`, written straight from the compact ones (`JSONIndenter`).
    public static func pretty(documents: [[UInt8]]) throws(PipelineError) -> OutputBuffer {
        var out = OutputBuffer(capacity: documents.reduce(1 << 16) { $0 + $1.count * 2 })
        let compact = documents.count == 1 ? documents[0] : [0x5B] + documents.joined(separator: [0x2C]) + [0x5D]
        guard JSONIndenter.indented(compact, to: &out) else { return pretty(try value(of: documents)) }
        out.append(0x0A)
        return out
    }

    /// Indented JSON, with a final line feed.
    public static func pretty(_ value: JSONValue) -> OutputBuffer {
        var out = OutputBuffer(capacity: 1 << 16)
        JSONBytes.appendValue(value, to: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    /// YAML keeping the key order; strings are tagged as strings so that "80" or "null" written as text stay text.
    public static func yaml(_ value: JSONValue) throws -> String {
        try Yams.serialize(node: yamlNode(value), allowUnicode: true) + "\n"
    }

    static func yamlNode(_ v: JSONValue) -> Node {
        switch v {
        case .null: return Node("null", Tag(.null))
        case .bool(let b): return Node(b ? "true" : "false", Tag(.bool))
        case .number(let n): return Node(JSONWriter.numberText(n), Tag(n == n.rounded() ? .int : .float))
        case .string(let s): return Node(s, Tag(.str))
        case .array(let a): return .sequence(Node.Sequence(a.map(yamlNode)))
        case .object(let o): return .mapping(Node.Mapping(o.map { (Node($0.key, Tag(.str)), yamlNode($0.value)) }))
        }
    }
}
