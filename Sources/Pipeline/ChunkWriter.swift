import Dispatch
import Foundation
import GeoCore
import Reports

/// Writes what one chunk of a streamed extraction gave while the next chunk is read: a serial queue formats
/// and writes; at most one chunk's results wait for it, so memory stays bounded by two chunks.
///
/// Its counters, handles and failure are touched only on its queue, or after `finish` (hence `@unchecked Sendable`).
final class ChunkWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "geomap.extract.writer")
    private let free = DispatchSemaphore(value: 1)
    private let mentions: FileHandle, events: FileHandle, control: FileHandle
    private var counts = (mentions: 0, events: 0, control: 0)
    /// The first write error; later chunks are dropped once there is one.
    private(set) var failure: Error?

    init(mentions: FileHandle, events: FileHandle, control: FileHandle) {
        self.mentions = mentions
        self.events = events
        self.control = control
    }

    /// Hands a chunk's results over, block by block, its incidents to be numbered from E`firstIncident`
    /// (`ReportReader.number`, here on the writer's queue: the workers go on with the next chunk); waits while
    /// the previous chunk is still being written.
    func write(_ parts: [ReportReader.Output], firstIncident: Int) {
        free.wait()
        queue.async { [self] in
            defer { free.signal() }
            guard failure == nil else { return }
            var first = firstIncident
            do {
                for var part in parts {
                    ReportReader.number(&part, from: first)
                    first += part.events.incidents.count
                    try Self.writeLines(part.mentions, to: mentions, naming: "standard output", count: &counts.mentions) { MentionBytes.append($0, to: &$1) }
                    try Self.writeLines(part.events.incidents, to: events, naming: "a temporary file", count: &counts.events) { EventBytes.append($0, to: &$1) }
                    try Self.writeLines(part.events.control, to: control, naming: "a temporary file", count: &counts.control) { EventBytes.append($0, to: &$1) }
                }
            } catch {
                failure = error
            }
        }
    }

    /// Returns when everything handed over is written.
    func finish() {
        queue.sync {}
    }

    /// Items as compact JSON (`write`), one per line, separated by commas from those written before; written
    /// out a megabyte at a time (a chunk's mentions are many megabytes of JSON: no buffer that large is grown).
    static func writeLines<T>(_ items: [T], to handle: FileHandle, naming name: String, count: inout Int,
                              _ write: (T, inout OutputBuffer) -> Void) throws {
        guard !items.isEmpty else { return }
        let flushAt = 1 << 20
        var buffer = OutputBuffer(capacity: flushAt + (1 << 16))
        // Read in place: a `for` over the items copied each (an incident is a large value).
        try items.withUnsafeBufferPointer { items in
            for k in items.indices {
                if count > 0 { buffer.append(contentsOf: ",\n") }
                write(items[k], &buffer)
                count += 1
                if buffer.count >= flushAt {
                    try buffer.withUnsafeBytes { try handle.writeChecked(Data($0), naming: name) }
                    buffer.removeAll()
                }
            }
        }
        if buffer.count > 0 { try buffer.withUnsafeBytes { try handle.writeChecked(Data($0), naming: name) } }
    }
}
