import Foundation
import GeoCore
import Geoparsing
import Incidents
import Reports

/// The JSON of `extract` for one large report, written incrementally with memory bounded by the chunk size:
/// mentions go out as each chunk is read; events and control claims wait in temporary files until the
/// mentions end. Three stages overlap: the next chunk is read and decoded (`ChunkSource`), the workers read
/// the current one block by block, and the last one's blocks are numbered and written (`ChunkWriter`).
public struct ReportStream {
    public let path: String
    /// The input's name in the document ("source") and in messages (the file name; "-" for standard input).
    public var source: String
    let reader: ReportReader
    let out: FileHandle
    public var chunkBytes = 1 << 20
    public var reportDate: ReportDay?
    public var language: Geoparser.Language = .auto

    public init(path: String, reader: ReportReader, out: FileHandle) {
        self.path = path; self.reader = reader; self.out = out
        source = (path as NSString).lastPathComponent
    }

    public func run() throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw PipelineError("\(path): cannot be read") }
        defer { try? handle.close() }
        let spillFolder = try TemporaryFiles.folder("extract")
        defer { TemporaryFiles.removeFolder(spillFolder) }
        let spill = URL(fileURLWithPath: spillFolder.path)
        let eventsURL = spill.appendingPathComponent("events"), controlURL = spill.appendingPathComponent("control")
        let registered = [TemporaryFiles.register(eventsURL.path), TemporaryFiles.register(controlURL.path)]
        defer { registered.forEach(TemporaryFiles.forget) }
        guard FileManager.default.createFile(atPath: eventsURL.path, contents: nil),
              FileManager.default.createFile(atPath: controlURL.path, contents: nil)
        else { throw PipelineError("cannot write temporary files in \(spill.path)") }
        let events = try FileHandle(forWritingTo: eventsURL), control = try FileHandle(forWritingTo: controlURL)
        defer { try? events.close(); try? control.close() }
        let chunks = ChunkSource(handle: handle, source: source, chunkBytes: chunkBytes)
        defer { chunks.stop() }   // before the file is closed: a chunk may be being read ahead
        let writer = ChunkWriter(mentions: out, events: events, control: control)
        defer { writer.finish() }
        var incidentsSoFar = 0
        var day: (ReportDay?, DateSource)?
        while let chunk = try chunks.next() {
            if day == nil {
                day = EventExtractor.reportDate(of: chunk.text, given: reportDate)
                let lang = language == .auto ? Geoparser.detectLanguage(chunk.text) : language.rawValue
                var head = OutputBuffer()
                ExtractionDocument.appendHead(source: source, lang: lang, reportDate: day!.0,
                                              reportDateSource: day!.1, to: &head)
                try head.withUnsafeBytes { try out.writeChecked(Data($0)) }
            }
            let parts = try reader.parts(chunk.scalars, blocks: chunk.blocks, offset: chunk.offset, reportDate: day!.0, reportDateSource: day!.1)
            writer.write(parts, firstIncident: incidentsSoFar + 1)
            incidentsSoFar += parts.reduce(0) { $0 + $1.events.incidents.count }
        }
        guard day != nil else { throw PipelineError("\(InputText.displayName(source)): empty file") }
        writer.finish()
        if let failure = writer.failure { throw failure }
        try out.writeChecked(Data(ExtractionDocument.betweenMentionsAndEvents.utf8))
        try Self.copy(eventsURL, to: out)
        try out.writeChecked(Data(ExtractionDocument.betweenEventsAndControl.utf8))
        try Self.copy(controlURL, to: out)
        try out.writeChecked(Data(ExtractionDocument.tail.utf8))
    }

    /// The end of the last blank line in `data`, else of its last line; nil when it has no line break.
    public static func lastBreak(in data: Data) -> Data.Index? { TextBreaks.lastBreak(in: data, newline: 0x0A) }

    /// Where a chunk is cut: after its last blank line or line, else (a text with no line break) after its last
    /// sentence end or space, else before the first byte of its last character, so a character is never split.
    static func cut(_ data: Data) -> Data.Index? {
        if let cut = lastBreak(in: data) { return cut }
        if let cut = TextBreaks.lastSoftBreak(in: data, isSpace: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D },
                                              isSentenceEnd: { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }) { return cut }
        var i = data.endIndex
        while i > data.startIndex {
            i = data.index(before: i)
            if data[i] & 0xC0 != 0x80 { return i > data.startIndex ? i : nil }   // not a continuation byte
        }
        return nil
    }

    static func copy(_ url: URL, to out: FileHandle) throws {
        let input = try FileHandle(forReadingFrom: url)
        defer { try? input.close() }
        while let d = try input.read(upToCount: 1 << 20), !d.isEmpty { try out.writeChecked(d) }
    }
}
