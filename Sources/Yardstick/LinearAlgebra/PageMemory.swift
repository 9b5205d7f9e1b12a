import COpenBLAS
#if canImport(Glibc)
import Glibc
#endif

/// Memory for large buffers (a file's bytes, a panel's records) in 2 MiB pages where the system allows it.
///
/// It lives in `LinearAlgebra/` with the BLAS and LAPACK calls because it calls C (`mmap`, `madvise`, `munmap`):
/// all of the package's C is in this folder.
///
/// Filling fresh memory costs one page fault per 4 KiB page: 8 000 faults for the 32 MB of records of a million
/// observations, a large share of reading time on two cores (the faults of both threads contend for one lock).
/// Mapped 2 MiB-aligned with `MADV_HUGEPAGE` (transparent huge pages, "madvise" mode on Debian), the same memory
/// faults 16 times. Small buffers, and systems without `mmap`, use the ordinary allocator.
public enum PageMemory {
    /// Buffers from this size up are mapped.
    static let mappedFrom = 4 << 20
    static let hugePage = 2 << 20

    /// A block of memory: where to use it, and what to give back.
    struct Block: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
        fileprivate let base: UnsafeMutableRawPointer, mapped: Int
    }

    /// At least `bytes` bytes, aligned for any element type.
    static func allocate(bytes: Int) -> Block {
        #if canImport(Glibc)
        if bytes >= mappedFrom {
            let length = (bytes + hugePage - 1) / hugePage * hugePage + hugePage
            if let base = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), base != MAP_FAILED {
                let offset = (hugePage - Int(bitPattern: base) % hugePage) % hugePage
                let pointer = base + offset
                _ = madvise(pointer, length - hugePage, MADV_HUGEPAGE)  // advice only: ignored where unavailable
                return Block(pointer: pointer, base: base, mapped: length)
            }
        }
        #endif
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(bytes, 1), alignment: 16)
        return Block(pointer: p, base: p, mapped: 0)
    }

    /// A block for memory from `UnsafeMutableRawPointer.allocate` (or a typed pointer's `allocate`).
    static func adopting(_ pointer: UnsafeMutableRawPointer) -> Block { Block(pointer: pointer, base: pointer, mapped: 0) }

    static func free(_ block: Block) {
        #if canImport(Glibc)
        if block.mapped > 0 { _ = munmap(block.base, block.mapped); return }
        #endif
        block.base.deallocate()
    }

    /// Lets the C allocator keep and reuse freed memory of up to 64 MiB a block instead of returning it to the system
    /// at once (glibc's default returns any block of 128 KiB to 32 MiB): a command that makes and drops many
    /// medium-sized arrays (100 000 targets' assessments, in chunks) then reuses memory already touched instead of
    /// faulting in fresh, zeroed pages each time. Measured on `gap` with 100 000 targets: zeroing pages was 12% of
    /// the time. Call once, at the start of a process that does large work; harmless elsewhere.
    public static func keepFreedMemory() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        #endif
    }
}
