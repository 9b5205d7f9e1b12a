/// Plain values in memory that a class owns, so that readers can keep pointers into a table's bytes and field
/// bounds for as long as the table lives, with no closure around each use (and no exclusivity check per access:
/// the properties are constants).
final class OwnedBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int
    private let block: PageMemory.Block

    /// Takes ownership of a block from ``PageMemory``, holding `count` elements.
    init(block: PageMemory.Block, count: Int) {
        self.block = block
        base = block.pointer.assumingMemoryBound(to: Element.self)
        self.count = count
    }

    /// Takes ownership of memory allocated with `UnsafeMutablePointer.allocate`.
    convenience init(taking base: UnsafeMutablePointer<Element>, count: Int) {
        self.init(block: PageMemory.adopting(UnsafeMutableRawPointer(base)), count: count)
    }

    /// A copy of `elements`.
    convenience init<C: Collection>(_ elements: C) where C.Element == Element {
        let block = PageMemory.allocate(bytes: elements.count * MemoryLayout<Element>.stride)
        let p = block.pointer.bindMemory(to: Element.self, capacity: elements.count)
        _ = UnsafeMutableBufferPointer(start: p, count: elements.count).initialize(from: elements)
        self.init(block: block, count: elements.count)
    }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always) subscript(i: Int) -> Element { base[i] }

    deinit { PageMemory.free(block) }
}

/// A buffer that grows by doubling, filled by the scanner and then handed to an ``OwnedBuffer``
/// (``finish()``) or freed (``free()``).
struct GrowingBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always) mutating func append(_ x: Element) {
        if count == capacity { grow() }
        base[count] = x
        count += 1
    }

    mutating func removeLast(_ k: Int) { count -= k }

    @inline(never) private mutating func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    func finish() -> OwnedBuffer<Element> { OwnedBuffer(taking: base, count: count) }
    func free() { base.deallocate() }
}
