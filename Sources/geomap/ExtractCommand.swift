import ArgumentParser
import Foundation
import GeoCore
import Geoparsing
import Locating
import Places

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find and resolve the place mentions of reports (English and French), disambiguated as a whole.",
        discussion: """
        Prints the JSON of DESIGN.md: source, lang, mentions (text, start, end in code points, place, relative,
        reason, runner_up), events and control (filled by a later stage; empty for now). One object for one
        file, an array for several. A file that is empty, binary or not UTF-8 stops with a one-line error.

        Example:
          geomap extract ../shared/corpus/000_b936dedbd59c1222.txt --gazetteer syria.sqlite
        """
    )

    enum Lang: String, ExpressibleByArgument { case auto, en, fr }

    @Argument(help: "Report files (.txt); '-' reads standard input.") var files: [String]
    @Option(help: "Language of the reports: auto, en or fr.") var lang: Lang = .auto
    @Option(name: [.short, .long], help: "Output format: json or yaml.") var format: String = "json"
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one report file") }
        guard ["json", "yaml"].contains(format) else { throw ValidationError("--format \(format) is not available here; use json or yaml") }
    }

    func run() throws {
        let parser = try Geoparser(gazetteer: try gazetteerOptions.open())
        // Large files are streamed: read and processed a megabyte at a time, mentions written as they come.
        if files.count == 1, format == "json", files[0] != "-",
           let size = (try? FileManager.default.attributesOfItem(atPath: files[0]))?[.size] as? Int, size > Self.streamingThreshold {
            try stream(files[0], parser: parser)
            return
        }
        var outputs: [JSONValue] = []
        for file in files {
            let text = try ReportText.read(file)
            let extraction = try parser.extract(text: text, source: (file as NSString).lastPathComponent,
                                                language: Geoparser.Language(rawValue: lang.rawValue) ?? .auto)
            outputs.append(ExtractionOutput.json(extraction))
        }
        let value = outputs.count == 1 ? outputs[0] : .array(outputs)
        print(format == "yaml" ? YAMLWriter.string(value) : JSONWriter.string(value, pretty: true))
    }
}

extension ExtractCommand {
    static let streamingThreshold = 8 << 20
    static let chunkSize = 1 << 20

    /// The same JSON, written incrementally with memory bounded by the chunk size.
    func stream(_ path: String, parser: Geoparser) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CommandError("\(path): cannot be read") }
        defer { try? handle.close() }
        let out = FileHandle.standardOutput
        var carry = Data()
        var offset = 0
        var first = true
        var wroteHeader = false
        while true {
            let chunk = try handle.read(upToCount: Self.chunkSize) ?? Data()
            let atEnd = chunk.isEmpty
            var data = carry + chunk
            if offset == 0, carry.isEmpty, data.prefix(8192).contains(0) { throw CommandError("\(path): binary file, expected UTF-8 text") }
            // Cut after the last line break so no character or line is split between chunks.
            if !atEnd, let cut = data.lastIndex(of: 0x0A) {
                carry = data[(cut + 1)...]
                data = data[..<(cut + 1)]
            } else {
                carry = Data()
            }
            if !data.isEmpty {
                guard let text = String(data: data, encoding: .utf8) else {
                    throw CommandError("\(path): not UTF-8 text (near byte \(offset))")
                }
                if !wroteHeader {
                    let lang = lang == .auto ? Geoparser.detectLanguage(text) : lang.rawValue
                    out.write(Data("{\"source\":\(JSONWriter.string(.string((path as NSString).lastPathComponent))),\"lang\":\"\(lang)\",\"mentions\":[\n".utf8))
                    wroteHeader = true
                }
                var buffer = ""
                for m in try parser.mentions(in: text, offset: offset) {
                    buffer += (first ? "" : ",\n") + JSONWriter.string(ExtractionOutput.mention(m))
                    first = false
                }
                out.write(Data(buffer.utf8))
                offset += text.unicodeScalars.count
            }
            if atEnd && carry.isEmpty { break }
        }
        guard wroteHeader else { throw CommandError("\(path): empty file") }
        out.write(Data("\n],\"events\":[],\"control\":[]}\n".utf8))
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

    static func json(_ x: Extraction) -> JSONValue {
        .object([
            "source": .string(x.source), "lang": .string(x.lang),
            "mentions": .array(x.mentions.map(mention)),
            "events": .array([]), "control": .array([]),
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
