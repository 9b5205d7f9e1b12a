/// Errors of the linear-algebra layer, each mapped from a LAPACK `info` code or a failed precondition.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible, Sendable {
    /// LAPACK rejected argument number `argument` of `routine` (`info < 0`): a programming error in Yardstick.
    case illegalArgument(routine: String, argument: Int)
    /// A triangular factor has an exact zero on its diagonal at position `index` (one-based), so it cannot be solved.
    case singular(routine: String, index: Int)
    /// The input holds NaN or an infinite value, which no factorisation can use.
    case nonFiniteInput(String)
    /// The dimensions of two operands do not agree.
    case dimensionMismatch(String)
    /// The problem has no rows or no columns.
    case empty(String)

    /// A stable identifier for machine output (snake case).
    public var code: String {
        switch self {
        case .illegalArgument: "illegal_argument"
        case .singular: "singular"
        case .nonFiniteInput: "non_finite_input"
        case .dimensionMismatch: "dimension_mismatch"
        case .empty: "empty"
        }
    }

    public var description: String {
        switch self {
        case let .illegalArgument(routine, argument):
            return "LAPACK \(routine) rejected argument \(argument); this is a bug in Yardstick, please report it with the input that caused it"
        case let .singular(routine, index):
            return "\(routine): the matrix is exactly singular (zero pivot at position \(index)); remove collinear or constant columns"
        case let .nonFiniteInput(what):
            return "\(what) contains NaN or an infinite value; remove or impute those values before fitting"
        case let .dimensionMismatch(what):
            return "dimension mismatch: \(what)"
        case let .empty(what):
            return "\(what) is empty; at least one row and one column are needed"
        }
    }
}

/// Maps a LAPACK `info` code to a thrown error.
///
/// - `info == 0`: success, nothing thrown.
/// - `info < 0`: argument `-info` was illegal.
/// - `info > 0`: the routine-specific failure, which for every routine Yardstick calls (`dtrtrs`, `dpotrf`) means
///   a zero or non-positive pivot at position `info`.
@inline(__always)
func checkLAPACK(_ info: Int32, _ routine: String) throws(LinearAlgebraError) {
    if info < 0 { throw .illegalArgument(routine: routine, argument: Int(-info)) }
    if info > 0 { throw .singular(routine: routine, index: Int(info)) }
}
