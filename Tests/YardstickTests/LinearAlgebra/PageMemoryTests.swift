import Testing
@testable import Yardstick

@Suite("Page memory")
struct PageMemoryTests {
    @Test(arguments: [1, 4096, PageMemory.mappedFrom - 1, PageMemory.mappedFrom, 3 * PageMemory.hugePage + 5])
    func blocksAreWritableAlignedAndFreed(_ bytes: Int) {
        let block = PageMemory.allocate(bytes: bytes)
        let p = block.pointer.bindMemory(to: UInt8.self, capacity: bytes)
        p[0] = 1
        p[bytes - 1] = 2
        #expect((bytes == 1 || p[0] == 1) && p[bytes - 1] == 2)
        #expect(Int(bitPattern: block.pointer) % 16 == 0)
        if bytes >= PageMemory.mappedFrom { #expect(Int(bitPattern: block.pointer) % PageMemory.hugePage == 0) }
        PageMemory.free(block)
    }
}
