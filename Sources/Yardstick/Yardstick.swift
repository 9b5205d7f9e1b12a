/// Yardstick's numeric module: indicator series, trend fits, gap analysis and benchmarking, computed through
/// OpenBLAS and LAPACK. See the README for an overview.
public enum YardstickVersion {
    /// The library's version.
    public static let string = "0.1.0"
}
