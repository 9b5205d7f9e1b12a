import COpenBLAS
import Foundation

/// OpenBLAS's own threads. Where Yardstick spreads many small problems over the cores itself (one target's trend
/// each), OpenBLAS runs single-threaded meanwhile, so that its threads and Yardstick's do not compete for the same
/// two cores: in release, assessing 10 000 targets on two threads took 1.95 s with OpenBLAS's threads spinning and
/// yielding beside them, mostly in `exec_blas_async` and `sched_yield`.
enum BLASThreads {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var depth = 0
    nonisolated(unsafe) private static var saved: Int32 = 1

    /// Runs `body` with OpenBLAS single-threaded; the thread count is restored when the last such call ends.
    static func single<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        if depth == 0 {
            saved = openblas_get_num_threads()
            openblas_set_num_threads(1)
        }
        depth += 1
        lock.unlock()
        defer {
            lock.lock()
            depth -= 1
            if depth == 0 { openblas_set_num_threads(saved) }
            lock.unlock()
        }
        return try body()
    }
}

/// The BLAS library Yardstick runs on, as OpenBLAS describes its build ("OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY
/// Haswell MAX_THREADS=64"), for `--version`.
public enum BLASLibrary {
    public static var configuration: String {
        guard let c = openblas_get_config() else { return "OpenBLAS (configuration unknown)" }
        return String(cString: c).trimmingCharacters(in: .whitespaces)
    }
}
