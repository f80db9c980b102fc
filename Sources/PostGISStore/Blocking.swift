import Foundation
import Synchronization

/// Runs the store's async work (postgres-nio) on a private serial queue and waits for it, so synchronous
/// callers can block without starving Swift's cooperative pool: callers may themselves be pool threads
/// (as in the test runner), and waiting there while the work needed one of them would deadlock.
final class PrivateQueueExecutor: TaskExecutor {
    static let shared = PrivateQueueExecutor()
    let queue = DispatchQueue(label: "geomap.postgis")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}

func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let outcome = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task(executorPreference: PrivateQueueExecutor.shared) {
        let r: Result<T, any Error>
        do { r = .success(try await work()) } catch { r = .failure(error) }
        outcome.withLock { $0 = r }
        done.signal()
    }
    done.wait()
    return try outcome.withLock { $0! }.get()
}
