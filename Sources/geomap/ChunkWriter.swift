import Dispatch
import Foundation
import GeoCore
import Reports

/// Writes what one chunk of a streamed extraction gave while the next chunk is read: a serial queue formats
/// and writes; at most one chunk's results wait for it, so memory stays bounded by two chunks.
///
/// Its counters and handles are touched only on its queue (hence `@unchecked Sendable`).
final class ChunkWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "geomap.extract.writer")
    private let free = DispatchSemaphore(value: 1)
    private let mentions: FileHandle, events: FileHandle, control: FileHandle
    private var counts = (mentions: 0, events: 0, control: 0)

    init(mentions: FileHandle, events: FileHandle, control: FileHandle) {
        self.mentions = mentions
        self.events = events
        self.control = control
    }

    /// Hands a chunk's results over; waits while the previous chunk is still being written.
    func write(_ read: ReportReader.Output) {
        free.wait()
        queue.async { [self] in
            ExtractCommand.writeLines(read.mentions, to: mentions, count: &counts.mentions) { MentionBytes.append($0, to: &$1) }
            ExtractCommand.writeLines(read.events.incidents, to: events, count: &counts.events) { EventBytes.append($0, to: &$1) }
            ExtractCommand.writeLines(read.events.control, to: control, count: &counts.control) { EventBytes.append($0, to: &$1) }
            free.signal()
        }
    }

    /// Returns when everything handed over is written.
    func finish() {
        queue.sync {}
    }
}
