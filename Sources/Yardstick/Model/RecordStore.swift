/// The records of a panel: a copy-on-write array of plain ``ObservationTable/Record`` values whose memory comes from
/// ``PageMemory`` (2 MiB pages for large tables), growing by doubling.
///
/// ```swift
/// var store = RecordStore()
/// store.append(record)
/// store[0].value        // the record's value
/// ```
/// Complexity: `append` is amortised O(1); a copy is O(1) until one of the copies is changed.
struct RecordStore: RandomAccessCollection, MutableCollection, Sendable {
    typealias Element = ObservationTable.Record

    /// Memory for records, freed with the last ``Storage`` that views it.
    final class Memory: @unchecked Sendable {
        let block: PageMemory.Block
        let base: UnsafeMutablePointer<Element>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = Swift.max(capacity, 16)
            block = PageMemory.allocate(bytes: self.capacity * MemoryLayout<Element>.stride)
            base = block.pointer.bindMemory(to: Element.self, capacity: self.capacity)
        }

        deinit { PageMemory.free(block) }
    }

    /// A range of ``Memory`` that one store may write: a store writes only while it holds the only reference to
    /// its storage (copy on write), so two stores with storages over disjoint ranges of one memory can be filled
    /// at once, on two threads.
    final class Storage: @unchecked Sendable {
        let memory: Memory
        let base: UnsafeMutablePointer<Element>
        let capacity: Int

        init(capacity: Int) {
            memory = Memory(capacity: capacity)
            base = memory.base
            self.capacity = memory.capacity
        }

        init(_ memory: Memory, offset: Int, capacity: Int) {
            self.memory = memory
            base = memory.base + offset
            self.capacity = capacity
        }
    }

    private var storage: Storage
    private(set) var count = 0

    init() { storage = Storage(capacity: 16) }

    /// An empty store with room for `capacity` records.
    init(capacity: Int) { storage = Storage(capacity: capacity) }

    /// Two empty stores over one memory, the second's room right after the first's (see ``claim(_:)``).
    static func adjacent(_ first: Int, _ second: Int) -> (RecordStore, RecordStore) {
        let memory = Memory(capacity: first + second)
        var a = RecordStore(), b = RecordStore()
        a.storage = Storage(memory, offset: 0, capacity: first)
        b.storage = Storage(memory, offset: first, capacity: memory.capacity - first)
        return (a, b)
    }

    /// Appends `other`'s records with `transform` applied. When `other` still fills the room right after this
    /// store's (``adjacent(_:_:)``, neither moved), its records are moved down in place (the memory is already
    /// touched, nothing is copied twice); `other` must not be used afterwards.
    @inline(__always)
    mutating func append(transforming other: RecordStore, _ transform: (inout Element) -> Void) {
        let start = count, n = other.count
        if isKnownUniquelyReferenced(&storage), other.storage.memory === storage.memory,
           other.storage.base == storage.base + storage.capacity {
            storage = Storage(storage.memory, offset: storage.base - storage.memory.base,
                              capacity: storage.capacity + other.storage.capacity)
            let source = other.storage.base, target = storage.base + start
            for k in 0..<n {                                         // target ≤ source: safe in increasing order
                var r = source[k]
                transform(&r)
                target[k] = r
            }
            count += n
            return
        }
        reserveCapacity(start + n)
        let source = other.storage.base, target = storage.base + start
        for k in 0..<n {
            var r = source[k]
            transform(&r)
            target[k] = r
        }
        count += n
    }

    init<S: Sequence>(_ records: S) where S.Element == Element {
        self.init()
        reserveCapacity(records.underestimatedCount)
        for r in records { append(r) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(i: Int) -> Element {
        get {
            precondition(i >= 0 && i < count, "record index out of range")
            return storage.base[i]
        }
        set {
            precondition(i >= 0 && i < count, "record index out of range")
            makeUnique(capacity: storage.capacity)
            storage.base[i] = newValue
        }
    }

    /// Room for `n` records without growing.
    mutating func reserveCapacity(_ n: Int) {
        if n > storage.capacity || !isKnownUniquelyReferenced(&storage) { move(capacity: Swift.max(n, storage.capacity)) }
    }

    @inline(__always) mutating func append(_ r: Element) {
        if count == storage.capacity || !isKnownUniquelyReferenced(&storage) { move(capacity: Swift.max(2 * storage.capacity, count + 1)) }
        storage.base[count] = r
        count += 1
    }

    mutating func append(contentsOf other: RecordStore) {
        reserveCapacity(count + other.count)
        (storage.base + count).update(from: other.storage.base, count: other.count)
        count += other.count
    }

    /// Calls `body` with the records' memory (count records), to change them in place.
    mutating func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Element>) throws -> R) rethrows -> R {
        makeUnique(capacity: storage.capacity)
        return try body(UnsafeMutableBufferPointer(start: storage.base, count: count))
    }

    private mutating func makeUnique(capacity: Int) {
        if !isKnownUniquelyReferenced(&storage) { move(capacity: capacity) }
    }

    /// Copies the records into new storage of `capacity`.
    @inline(never) private mutating func move(capacity: Int) {
        let bigger = Storage(capacity: capacity)
        bigger.base.update(from: storage.base, count: count)
        storage = bigger
    }
}
