import Testing
@testable import Yardstick

@Suite("Record store")
struct RecordStoreTests {
    static func record(_ k: Int) -> ObservationTable.Record {
        .init(region: Int32(k), indicator: 1, period: 2000 * 32, line: Int32(k + 2), unit: 0, attributes: 0, value: Double(k))
    }

    @Test func recordsAre32Bytes() {
        #expect(MemoryLayout<ObservationTable.Record>.stride == 32)
    }

    @Test(arguments: [0, 1, 15, 16, 17, 200_000])
    func appendsGrowAndKeepOrder(_ n: Int) {
        var s = RecordStore()
        for k in 0..<n { s.append(Self.record(k)) }
        #expect(s.count == n)
        #expect(s.map(\.region) == (0..<n).map(Int32.init))
    }

    @Test func copiesAreIndependent() {
        var a = RecordStore((0..<10).map(Self.record))
        let b = a
        a[3].value = -1
        a.append(Self.record(10))
        #expect(b.count == 10 && b[3].value == 3)
        #expect(a.count == 11 && a[3].value == -1)
    }

    @Test func adjacentStoresJoinAfterAMove() {
        var (a, b) = RecordStore.adjacent(8, 8)
        for k in 0..<5 { a.append(Self.record(k)) }
        for k in 5..<12 { b.append(Self.record(k)) }                // b outgrows its room and moves: a copy
        _ = a.adopt(b)
        #expect(a.map(\.region) == (0..<12).map(Int32.init))
    }

    @Test func adjacentStoresJoinInPlaceAroundAGap() {
        var (a, b) = RecordStore.adjacent(4, 8)
        for k in 0..<3 { a.append(Self.record(k)) }
        for k in 3..<9 { b.append(Self.record(k)) }
        let adopted = a.adopt(b)
        for k in adopted.indices { adopted[k].value *= 2 }           // changed where they are
        #expect(a.map(\.value) == [0, 1, 2, 6, 8, 10, 12, 14, 16])
        a.append(Self.record(9))                                     // appends go after the adopted records
        a[1].value = -1
        #expect(a.count == 10 && a[9].region == 9 && a[1].value == -1)
        let copy = a
        a.reserveCapacity(100)                                       // a move closes the gap
        #expect(Array(a.map(\.region)) == Array(copy.map(\.region)))
        #expect(a.map(\.region) == (0..<10).map(Int32.init))
    }
}
