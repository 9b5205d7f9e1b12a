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
        let chunk = max(1, chunk), chunks = (count + chunk - 1) / chunk
        let slots = Slots<T>(count)
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
        let out = Array(UnsafeBufferPointer(start: slots.items, count: count))
        slots.items.deinitialize(count: count)
        slots.items.deallocate()
        return out
    }

    /// Room for the results, each written once by the thread of its chunk.
    private final class Slots<T>: @unchecked Sendable {
        let items: UnsafeMutablePointer<T>
        var done = 0
        let lock = NSLock()
        init(_ n: Int) { items = .allocate(capacity: n) }
    }
}
