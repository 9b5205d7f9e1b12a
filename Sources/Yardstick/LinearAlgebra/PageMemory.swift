import COpenBLAS
import Foundation
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
            if let kept = Kept.shared.take(length) { return kept }
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
        if block.mapped > 0 {
            if !Kept.shared.keep(block) { _ = munmap(block.base, block.mapped) }
            return
        }
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

    /// Mapped blocks freed lately, kept (at most two, 128 MiB in all) for the next allocation of about their size:
    /// repeated large work (batched fits of a million series, one after another) then reuses pages already
    /// faulted in, as the C allocator does for smaller blocks, instead of having the system clear fresh ones (a
    /// fifth of a batched fit of 1 000 000 series with gaps).
    private final class Kept: @unchecked Sendable {
        static let shared = Kept()
        private var blocks: [Block] = []
        private let lock = NSLock()
        static let most = 128 << 20

        /// A kept block of at least `length` bytes and at most twice that.
        func take(_ length: Int) -> Block? {
            lock.lock()
            defer { lock.unlock() }
            guard let k = blocks.firstIndex(where: { $0.mapped >= length && $0.mapped <= 2 * length }) else { return nil }
            return blocks.remove(at: k)
        }

        /// Keeps `block`, the oldest going back to the system to make room; false when it is too large to keep.
        func keep(_ block: Block) -> Bool {
            guard block.mapped <= Kept.most else { return false }
            lock.lock()
            defer { lock.unlock() }
            blocks.append(block)
            var total = blocks.reduce(0) { $0 + $1.mapped }
            while blocks.count > 2 || total > Kept.most {
                let old = blocks.removeFirst()
                total -= old.mapped
                #if canImport(Glibc)
                _ = munmap(old.base, old.mapped)
                #endif
            }
            return true
        }
    }
}
