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
    /// Records from `gapStart` on sit `gap` places further in memory: after ``adopt(_:)`` the adopted records stay
    /// where their store wrote them, behind the unused end of this store's room.
    private var gapStart = Int.max, gap = 0

    init() { storage = Storage(capacity: 16) }

    /// An empty store with room for `capacity` records.
    init(capacity: Int) { storage = Storage(capacity: capacity) }

    /// Two empty stores over one memory, the second's room right after the first's (see ``adopt(_:)``).
    static func adjacent(_ first: Int, _ second: Int) -> (RecordStore, RecordStore) {
        let memory = Memory(capacity: first + second)
        var a = RecordStore(), b = RecordStore()
        a.storage = Storage(memory, offset: 0, capacity: first)
        b.storage = Storage(memory, offset: first, capacity: memory.capacity - first)
        return (a, b)
    }

    init<S: Sequence>(_ records: S) where S.Element == Element {
        self.init()
        reserveCapacity(records.underestimatedCount)
        for r in records { append(r) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always) private func place(_ i: Int) -> Int { i < gapStart ? i : i &+ gap }

    subscript(i: Int) -> Element {
        get {
            precondition(i >= 0 && i < count, "record index out of range")
            return storage.base[place(i)]
        }
        set {
            precondition(i >= 0 && i < count, "record index out of range")
            makeUnique()
            storage.base[place(i)] = newValue
        }
    }

    /// Room for `n` records without growing.
    mutating func reserveCapacity(_ n: Int) {
        if n + gap > storage.capacity || !isKnownUniquelyReferenced(&storage) { move(capacity: Swift.max(n, storage.capacity - gap)) }
    }

    @inline(__always) mutating func append(_ r: Element) {
        if count &+ gap == storage.capacity || !isKnownUniquelyReferenced(&storage) {
            move(capacity: Swift.max(2 * storage.capacity, count + 1))
        }
        storage.base[count &+ gap] = r
        count += 1
    }

    /// Appends `other`'s records and returns their memory here, to be changed in place. When `other` still fills
    /// the room right after this store's (``adjacent(_:_:)``, neither moved), its records are taken where they are,
    /// nothing copied; `other` must not be used afterwards.
    mutating func adopt(_ other: RecordStore) -> UnsafeMutableBufferPointer<Element> {
        let start = count, n = other.count
        if gap == 0, other.gap == 0, isKnownUniquelyReferenced(&storage), other.storage.memory === storage.memory,
           other.storage.base == storage.base + storage.capacity {
            let room = storage.capacity
            storage = Storage(storage.memory, offset: storage.base - storage.memory.base, capacity: room + other.storage.capacity)
            if n > 0 && room > start {
                gapStart = start
                gap = room - start
            }
            count += n
            return UnsafeMutableBufferPointer(start: storage.base + room, count: n)
        }
        reserveCapacity(start + n)
        let target = storage.base + place(start)
        for k in 0..<n { target[k] = other[k] }
        count += n
        return UnsafeMutableBufferPointer(start: target, count: n)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { move(capacity: storage.capacity - gap) }
    }

    /// Copies the records, without a gap, into new storage of `capacity`.
    @inline(never) private mutating func move(capacity: Int) {
        let bigger = Storage(capacity: Swift.max(capacity, count))
        if gap == 0 {
            bigger.base.update(from: storage.base, count: count)
        } else {
            bigger.base.update(from: storage.base, count: gapStart)
            (bigger.base + gapStart).update(from: storage.base + gapStart + gap, count: count - gapStart)
        }
        storage = bigger
        gapStart = .max
        gap = 0
    }
}
