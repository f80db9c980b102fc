import Foundation

/// Work shared among threads, each thread with its own worker state (a GEOS context, a PROJ context, a
/// geoparser): the C libraries' handles are not thread-safe, so each stays with one thread.
public enum ParallelMap {
    /// `body(worker, k)` for every k in 0..<count, the items handed out one at a time to `workers.count`
    /// threads; results in item order. The first error thrown is rethrown after all threads stop.
    public static func map<Worker, T>(_ count: Int, workers: [Worker], _ body: (Worker, Int) throws -> T) throws -> [T] {
        precondition(!workers.isEmpty, "at least one worker")
        if workers.count == 1 || count <= 1 { return try (0..<count).map { try body(workers[0], $0) } }
        let slots = Slots<T>(count: count)
        // Each worker index runs on one thread; slots and the counter are locked, workers never shared.
        nonisolated(unsafe) let body = body
        nonisolated(unsafe) let workers = workers
        DispatchQueue.concurrentPerform(iterations: min(workers.count, count)) { w in
            while let k = slots.take() {
                do { slots.store(k, .success(try body(workers[w], k))) } catch { slots.store(k, .failure(error)) }
            }
        }
        return try slots.results()
    }

    private final class Slots<T>: @unchecked Sendable {
        private var values: [Result<T, Error>?]
        private var next = 0
        private let lock = NSLock()
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func take() -> Int? {
            lock.withLock {
                guard next < values.count else { return nil }
                defer { next += 1 }
                return next
            }
        }
        func store(_ k: Int, _ r: Result<T, Error>) { lock.withLock { values[k] = r } }
        func results() throws -> [T] { try values.map { try $0!.get() } }
    }
}
