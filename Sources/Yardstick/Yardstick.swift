/// Yardstick's numeric module: indicator series, trend fits, gap analysis and benchmarking, computed through
/// OpenBLAS and LAPACK. See the README for an overview.
public enum YardstickVersion {
    /// The library's version.
    public static let string = "0.1.0"

    /// The build: version, configuration, compiler and the BLAS library linked at run time, as `--version` prints
    /// it ("0.1.0 (release build, Swift 6.3; OpenBLAS 0.3.21 …)").
    public static var build: String {
        #if DEBUG
        let configuration = "debug build"
        #else
        let configuration = "release build"
        #endif
        #if compiler(>=6.3)
        let swift = "Swift 6.3 or later"
        #else
        let swift = "Swift 6"
        #endif
        return "\(string) (\(configuration), \(swift); \(BLASLibrary.configuration))"
    }
}
