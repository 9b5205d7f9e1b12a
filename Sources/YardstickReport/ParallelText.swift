import Dispatch
import Foundation

/// Text made in chunks on every core and returned in order: rendering 100 000 rows is then not one core's work.
enum ParallelText {
    /// `body` for consecutive ranges covering 0..<count (at most `chunk` each), in order.
    static func chunks(_ count: Int, chunk: Int = 2048, _ body: @escaping @Sendable (Range<Int>) -> String) -> [String] {
        let parts = (count + chunk - 1) / chunk
        guard parts > 1 else { return count > 0 ? [body(0..<count)] : [] }
        let slots = Slots(parts)
        DispatchQueue.concurrentPerform(iterations: parts) { k in
            (slots.texts + k).initialize(to: body((k * chunk)..<min(count, (k + 1) * chunk)))
        }
        return slots.taken(parts)
    }

    /// Room for the texts, each written once by its own thread.
    private final class Slots: @unchecked Sendable {
        let texts: UnsafeMutablePointer<String>
        init(_ n: Int) { texts = .allocate(capacity: n) }
        func taken(_ n: Int) -> [String] {
            defer { texts.deinitialize(count: n); texts.deallocate() }
            return Array(UnsafeBufferPointer(start: texts, count: n))
        }
    }
}
