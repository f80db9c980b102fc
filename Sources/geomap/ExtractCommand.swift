import ArgumentParser
import Foundation
import GeoCore
import Geoparsing
import Locating
import Places
import Reports
import Yams

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find and resolve the place mentions of reports (English and French), disambiguated as a whole.",
        discussion: """
        Reports (.txt) are geoparsed; a JSON run on one file over 8 MB streams it a megabyte at a time (compact JSON,
        memory bounded); analyst event files (.yaml, .json: see the README's schema; .csv: ACLED
        export) are read into the same events and control arrays. Prints the JSON of DESIGN.md: source, lang, report_date, mentions (text, start, end in code points, place,
        relative, reason, runner_up), events (type, actors, fatalities and their claims, date, location, evidence)
        and control claims. One object for one
        file, an array for several. A file that is empty, binary or not UTF-8 stops with a one-line error.

        Example:
          geomap extract ../shared/corpus/000_b936dedbd59c1222.txt --gazetteer syria.sqlite --date 2014-01-14
        """
    )

    enum Lang: String, ExpressibleByArgument { case auto, en, fr }

    @Argument(help: "Report files (.txt); '-' reads standard input.") var files: [String]
    @Option(help: "Language of the reports: auto, en or fr.") var lang: Lang = .auto
    @Option(help: ArgumentHelp("The report date (YYYY-MM-DD) when the file has no dateline; day words resolve against it.", valueName: "date"))
    var date: String?
    @Option(name: [.short, .long], help: "Output format: json or yaml.") var format: String = "json"
    @Flag(help: "In analyst event files, report bad rows on stderr and leave them out instead of stopping.") var skipBadRows = false
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @Option(help: .hidden) var streamAbove: Int = 8 << 20
    @Option(help: .hidden) var chunkBytes: Int = 1 << 20
    /// Entries in each worker's caches of name rankings, areas and checks; 0 measures extraction without them
    /// (and without the memos of name-index answers and distances).
    @Option(help: .hidden) var cacheLimit: Int = Geoparser.defaultCacheLimit

    static func isEventFile(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".yaml", ".yml", ".json", ".csv"].contains { lower.hasSuffix($0) }
    }

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one report file") }
        guard ["json", "yaml"].contains(format) else { throw ValidationError("--format \(format) is not available here; use json or yaml") }
        if let date, ReportDay(iso: date) == nil { throw ValidationError("--date '\(date)' is not a date YYYY-MM-DD") }
    }

    func run() throws {
        let gazetteer = try gazetteerOptions.open()
        let reader = try ReportReader(gazetteer: gazetteer, cacheLimit: max(0, cacheLimit))
        // Large files are streamed: read and processed a megabyte at a time, mentions written as they come.
        if files.count == 1, format == "json", files[0] != "-",
           let size = (try? FileManager.default.attributesOfItem(atPath: files[0]))?[.size] as? Int, size > streamAbove {
            try stream(files[0], reader: reader)
            return
        }
        var outputs: [JSONValue] = []
        for file in files {
            if Self.isEventFile(file) {
                var eventReader = EventFileReader(locator: try Locator(gazetteer: gazetteer))
                eventReader.skipBadRows = skipBadRows
                eventReader.warn = { StandardError.note("skipped: \($0)") }
                let read = try eventReader.read(file)
                let result = EventExtractor.Result(incidents: read.incidents, control: read.control, reportDate: nil, reportDateSource: "given")
                outputs.append(ExtractionOutput.json(Extraction(source: (file as NSString).lastPathComponent, lang: "und", mentions: []), events: result))
                continue
            }
            let text = try ReportText.read(file)
            let (day, daySource) = EventExtractor.reportDate(of: text, given: date.flatMap(ReportDay.init(iso:)))
            let read = try reader.read(text, reportDate: day, reportDateSource: daySource)
            let language = lang == .auto ? Geoparser.detectLanguage(text) : lang.rawValue
            outputs.append(ExtractionOutput.json(Extraction(source: (file as NSString).lastPathComponent, lang: language, mentions: read.mentions),
                                                 events: read.events))
        }
        let value = outputs.count == 1 ? outputs[0] : .array(outputs)
        if format == "yaml" {
            print(try Yams.serialize(node: Self.yamlNode(value), allowUnicode: true))
        } else {
            var out = ByteBuffer(capacity: 1 << 16)
            JSONBytes.appendValue(value, to: &out, indent: 0)
            out.append(0x0A)
            out.withUnsafeBytes { FileHandle.standardOutput.write(Data($0)) }
        }
    }
}

extension ExtractCommand {
    /// The same JSON (compact), written incrementally with memory bounded by the chunk size: mentions go
    /// out as each chunk is read; events and control claims wait in temporary files until the mentions end.
    func stream(_ path: String, reader: ReportReader) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CommandError("\(path): cannot be read") }
        defer { try? handle.close() }
        let spill = FileManager.default.temporaryDirectory.appendingPathComponent("geomap-extract-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: spill, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: spill) }
        let eventsURL = spill.appendingPathComponent("events"), controlURL = spill.appendingPathComponent("control")
        guard FileManager.default.createFile(atPath: eventsURL.path, contents: nil),
              FileManager.default.createFile(atPath: controlURL.path, contents: nil)
        else { throw CommandError("cannot write temporary files in \(spill.path)") }
        let events = try FileHandle(forWritingTo: eventsURL), control = try FileHandle(forWritingTo: controlURL)
        defer { try? events.close(); try? control.close() }
        let out = FileHandle.standardOutput
        var carry = Data()
        var offset = 0
        let writer = ChunkWriter(mentions: out, events: events, control: control)
        defer { writer.finish() }
        var incidentsSoFar = 0
        var day: (ReportDay?, String)?
        while true {
            let chunk = try handle.read(upToCount: max(4096, chunkBytes)) ?? Data()
            let atEnd = chunk.isEmpty
            var data = carry + chunk
            if offset == 0, carry.isEmpty, data.prefix(8192).contains(0) { throw CommandError("\(path): binary file, expected UTF-8 text") }
            // Cut after the last blank line (else line break), so no character, line or report is split between chunks.
            if !atEnd, let cut = Self.lastBreak(in: data) {
                carry = Data(data[cut...])   // a copy that starts at index 0, not a slice of the old buffer
                data = Data(data[..<cut])
            } else {
                carry = Data()
            }
            if !data.isEmpty {
                guard let text = String(data: data, encoding: .utf8) else {
                    throw CommandError("\(path): not UTF-8 text (near byte \(offset))")
                }
                if day == nil {
                    day = EventExtractor.reportDate(of: text, given: date.flatMap(ReportDay.init(iso:)))
                    let language = lang == .auto ? Geoparser.detectLanguage(text) : lang.rawValue
                    var head = ByteBuffer()
                    head.append(contentsOf: "{\"source\":")
                    JSONBytes.appendString((path as NSString).lastPathComponent, to: &head)
                    head.append(contentsOf: ",\"lang\":\"\(language)\",\"report_date\":")
                    JSONBytes.appendValue(day!.0.map { .string($0.description) } ?? .null, to: &head)
                    head.append(contentsOf: ",\"report_date_source\":\"\(day!.1)\",\"mentions\":[\n")
                    head.withUnsafeBytes { out.write(Data($0)) }
                }
                let read = try reader.read(text, offset: offset, reportDate: day!.0, reportDateSource: day!.1, firstIncident: incidentsSoFar + 1)
                incidentsSoFar += read.events.incidents.count
                writer.write(read)
                offset += text.unicodeScalars.count
            }
            if atEnd && carry.isEmpty { break }
        }
        guard day != nil else { throw CommandError("\(path): empty file") }
        writer.finish()
        out.write(Data("\n],\"events\":[\n".utf8))
        try Self.copy(eventsURL, to: out)
        out.write(Data("\n],\"control\":[\n".utf8))
        try Self.copy(controlURL, to: out)
        out.write(Data("\n]}\n".utf8))
    }

    /// The end of the last blank line in `data`, else of its last line; nil when it has no line break.
    static func lastBreak(in data: Data) -> Data.Index? {
        guard let last = data.lastIndex(of: 0x0A) else { return nil }
        var i = last
        while i > data.startIndex {
            if data[i] == 0x0A, data[data.index(before: i)] == 0x0A { return data.index(after: i) }
            i = data.index(before: i)
        }
        return data.index(after: last)
    }

    /// Items as compact JSON (`write`), one per line, separated by commas from those written before; written
    /// out a megabyte at a time (a chunk's mentions are many megabytes of JSON: no buffer that large is grown).
    static func writeLines<T>(_ items: [T], to handle: FileHandle, count: inout Int, _ write: (T, inout ByteBuffer) -> Void) {
        guard !items.isEmpty else { return }
        let flushAt = 1 << 20
        var buffer = ByteBuffer(capacity: flushAt + (1 << 16))
        for item in items {
            if count > 0 { buffer.append(contentsOf: ",\n") }
            write(item, &buffer)
            count += 1
            if buffer.count >= flushAt {
                buffer.withUnsafeBytes { handle.write(Data($0)) }
                buffer.removeAll()
            }
        }
        if buffer.count > 0 { buffer.withUnsafeBytes { handle.write(Data($0)) } }
    }

    static func copy(_ url: URL, to out: FileHandle) throws {
        let input = try FileHandle(forReadingFrom: url)
        defer { try? input.close() }
        while let d = try input.read(upToCount: 1 << 20), !d.isEmpty { out.write(d) }
    }
}

extension ExtractCommand {
    /// The JSON value as a YAML node for Yams, keeping object key order; strings are tagged as strings so
    /// that "80" or "null" written as text stay text.
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

/// Reads a report, refusing what is not text: empty files, binary files, invalid UTF-8.
enum ReportText {
    static func read(_ path: String) throws -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard FileManager.default.fileExists(atPath: path) else { throw CommandError("\(path): no such file") }
            guard let d = FileManager.default.contents(atPath: path) else { throw CommandError("\(path): cannot be read") }
            data = d
        }
        let name = path == "-" ? "<stdin>" : path
        guard !data.isEmpty else { throw CommandError("\(name): empty file") }
        if data.prefix(8192).contains(0) { throw CommandError("\(name): binary file, expected UTF-8 text") }
        guard let text = String(data: data, encoding: .utf8) else { throw CommandError("\(name): not UTF-8 text") }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw CommandError("\(name): empty file (only white space)") }
        return text
    }
}

enum ExtractionOutput {
    static func place(_ p: Place) -> JSONValue {
        [
            "id": .string(p.id), "name": .string(p.name),
            "lat": .number(roundTo(p.coordinate.latitude, decimals: 6)), "lon": .number(roundTo(p.coordinate.longitude, decimals: 6)),
            "kind": .string(p.kind.rawValue), "admin1": p.admin1.map { .string($0) } ?? .null,
            "country": p.country.map { .string($0) } ?? .null,
        ]
    }

    static func json(_ x: Extraction, events: EventExtractor.Result? = nil) -> JSONValue {
        var o: JSONObject = ["source": .string(x.source), "lang": .string(x.lang)]
        if let r = events {
            o["report_date"] = r.reportDate.map { .string($0.description) } ?? .null
            o["report_date_source"] = .string(r.reportDateSource)
        }
        o["mentions"] = .array(x.mentions.map(mention))
        o["events"] = .array((events?.incidents ?? []).map(incident))
        o["control"] = .array((events?.control ?? []).map(control))
        return .object(o)
    }

    static func incident(_ e: Incident) -> JSONValue {
        func num(_ v: Int?) -> JSONValue { v.map { .number(Double($0)) } ?? .null }
        return .object([
            "id": .string(e.id), "date": e.date.map { .string($0.description) } ?? .null, "date_source": .string(e.dateSource),
            "time_precision": .number(Double(e.timePrecision)),
            "event_type": .string(e.eventType), "sub_event_type": .string(e.subEventType), "sub_type": .string(e.subType),
            "actors": .array(e.actors.map { .string($0) }),
            "location_text": e.locationText.map { .string($0) } ?? .null, "place_id": e.placeID.map { .string($0) } ?? .null,
            "lat": e.point.map { .number(roundTo($0.latitude, decimals: 6)) } ?? .null,
            "lon": e.point.map { .number(roundTo($0.longitude, decimals: 6)) } ?? .null,
            "geo_precision": num(e.geoPrecision),
            "fatalities_low": num(e.fatalitiesLow), "fatalities_best": num(e.fatalitiesBest), "fatalities_high": num(e.fatalitiesHigh),
            "fatality_claims": .array(e.claims.map { ["source": $0.source.map { .string($0) } ?? .null, "count": .number(Double($0.count))] }),
            "evidence": ["start": .number(Double(e.evidence.lowerBound)), "end": .number(Double(e.evidence.upperBound))],
        ])
    }

    static func control(_ c: ControlClaim) -> JSONValue {
        .object([
            "actor": c.actor.map { .string($0) } ?? .null, "place_id": c.placeID.map { .string($0) } ?? .null,
            "place_text": .string(c.placeText), "status": .string(c.status),
            "date": c.date.map { .string($0.description) } ?? .null, "date_source": .string(c.dateSource),
            "evidence": ["start": .number(Double(c.evidence.lowerBound)), "end": .number(Double(c.evidence.upperBound))],
        ])
    }

    static func mention(_ m: Mention) -> JSONValue {
        var o: JSONObject = ["text": .string(m.text), "start": .number(Double(m.start)), "end": .number(Double(m.end))]
        if let p = m.place {
            o["place"] = place(p)
        } else if let r = m.relative {
            var p: JSONObject = [
                "id": .null, "name": .string(r.namedPlace?.place?.name ?? r.namedPlace?.text ?? m.text),
                "lat": .number(roundTo(r.point.latitude, decimals: 6)), "lon": .number(roundTo(r.point.longitude, decimals: 6)),
                "kind": "relative", "admin1": r.anchor.admin1.map { .string($0) } ?? .null,
                "country": r.anchor.country.map { .string($0) } ?? .null,
            ]
            if let described = r.namedPlace?.place { p["id"] = .string(described.id) }
            o["place"] = .object(p)
        } else {
            o["place"] = .null
        }
        if let r = m.relative {
            var rel = (RelativeLocationOutput.json(r, expression: m.text).objectValue ?? [:])
            rel["expression"] = nil
            rel["lat"] = nil
            rel["lon"] = nil
            o["relative"] = .object(rel)
        } else {
            o["relative"] = .null
        }
        o["reason"] = .string(m.reason)
        if m.place != nil { o["score"] = .number(roundTo(m.score, decimals: 3)) }
        if let r = m.runnerUp {
            o["runner_up"] = ["id": .string(r.place.id), "name": .string(r.place.name), "score": .number(roundTo(r.score, decimals: 3))]
        }
        return .object(o)
    }
}
