import Dispatch
import Foundation

/// Work on many independent items spread over the cores, results in the items' order.
enum Parallel {
    /// `body(i)` for every i in 0..<count, in chunks of `chunk` over up to `threads` threads; the results in order.
    /// Each item's result depends on the item alone, so it is the same whatever the threads. OpenBLAS runs
    /// single-threaded meanwhile (``BLASThreads``). `progress` is told how many are done after each chunk.
    ///
    /// - Complexity: the items' own costs, divided among the threads.
    static func map<T: Sendable>(_ count: Int, chunk: Int = 64, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                 progress: (@Sendable (Int) -> Void)? = nil,
                                 _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        // The results are made in the array's own storage: nothing is copied afterwards.
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            initialize(buffer.baseAddress!, count, chunk: chunk, threads: threads, progress: progress, body)
            initialized = count
        }
    }

    /// ``map(_:chunk:threads:progress:_:)`` into uninitialised memory the caller owns: item i at `items + i`.
    static func initialize<T: Sendable>(_ items: UnsafeMutablePointer<T>, _ count: Int, chunk: Int = 64,
                                        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                        progress: (@Sendable (Int) -> Void)? = nil,
                                        _ body: @escaping @Sendable (Int) -> T) {
        guard count > 0 else { return }
        let chunk = max(1, chunk), chunks = (count + chunk - 1) / chunk
        let slots = Slots<T>(items)
        let work: @Sendable (Int) -> Void = { c in
            let range = (c * chunk)..<min(count, (c + 1) * chunk)
            for i in range { (slots.items + i).initialize(to: body(i)) }
            guard let progress else { return }
            slots.lock.lock()
            slots.done += range.count
            progress(slots.done)
            slots.lock.unlock()
        }
        BLASThreads.single {
            if chunks > 1 && threads > 1 { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) } else {
                for c in 0..<chunks { work(c) }
            }
        }
    }

    /// The results' storage, each item written once by the thread of its chunk.
    private final class Slots<T>: @unchecked Sendable {
        let items: UnsafeMutablePointer<T>
        var done = 0
        let lock = NSLock()
        init(_ items: UnsafeMutablePointer<T>) { self.items = items }
    }
}
