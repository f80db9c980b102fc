import Dispatch
import Foundation
import GeoCore
import Geoparsing

/// The chunks of a large report file, read and decoded one ahead on a queue of their own: while the workers
/// read chunk N, the next is read from disk, checked as UTF-8, turned into code points and cut into blocks, so
/// the workers do not wait for it (nor does the one core the serial work would leave idle). Chunks are cut after
/// the last blank line (else line break), so no character, line or report is split between them.
///
/// Its reading state is touched only by the work item on its queue; `next()` waits for that item before it reads
/// the result (hence `@unchecked Sendable`).
final class ChunkSource: @unchecked Sendable {
    struct Chunk {
        let text: String
        let scalars: [Unicode.Scalar]
        let blocks: [Range<Int>]
        /// Code points before the chunk in its file.
        let offset: Int
    }

    private let handle: FileHandle
    private let source: String
    private let chunkBytes: Int
    private let queue = DispatchQueue(label: "geomap.extract.chunks")
    private var carry = Data()
    private var offset = 0
    private var ended = false
    private var pending: DispatchWorkItem?
    private var result: Result<Chunk?, Error>?

    /// `source`: the input's name in messages.
    init(handle: FileHandle, source: String, chunkBytes: Int) {
        self.handle = handle
        self.source = source
        self.chunkBytes = max(4096, chunkBytes)
    }

    /// The next chunk, nil at the end of the file; the one after it is then read while the caller works.
    func next() throws -> Chunk? {
        if pending == nil { prefetch() }
        pending!.wait()
        let got = result!
        result = nil
        if case .success(.some) = got { prefetch() } else { pending = nil }
        return try got.get()
    }

    /// Returns when no chunk is being read ahead (the caller may then close the file).
    func stop() {
        pending?.wait()
        pending = nil
    }

    private func prefetch() {
        let item = DispatchWorkItem { [self] in result = Result { try read() } }
        pending = item
        queue.async(execute: item)
    }

    /// Reads up to the next cut; nil when the file has no more text.
    private func read() throws -> Chunk? {
        while !ended {
            let chunk = try handle.read(upToCount: chunkBytes) ?? Data()
            let atEnd = chunk.isEmpty
            var data = carry + chunk
            if offset == 0, carry.isEmpty, data.prefix(8192).contains(0) { throw PipelineError("\(InputText.displayName(source)): binary file, expected UTF-8 text") }
            if !atEnd, let cut = ReportStream.cut(data) {
                carry = Data(data[cut...])   // a copy that starts at index 0, not a slice of the old buffer
                data = Data(data[..<cut])
            } else {
                carry = Data()
            }
            if atEnd && carry.isEmpty { ended = true }
            guard !data.isEmpty else { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                throw PipelineError("\(InputText.displayName(source)): not UTF-8 text (near byte \(offset))")
            }
            let scalars = Array(text.unicodeScalars)
            defer { offset += scalars.count }
            return Chunk(text: text, scalars: scalars, blocks: Geoparser.blocks(scalars), offset: offset)
        }
        return nil
    }
}
