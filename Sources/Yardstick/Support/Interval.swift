extension ClosedRange where Bound == Double {
    /// The interval between `a` and `b`, in whichever order they come; nil when either is NaN, where `a...b` would
    /// trap (a range's bounds must compare). Infinite bounds are kept: they say the interval is unbounded.
    ///
    /// - Complexity: O(1).
    static func between(_ a: Double, _ b: Double) -> ClosedRange<Double>? {
        guard !a.isNaN, !b.isNaN else { return nil }
        return Swift.min(a, b)...Swift.max(a, b)
    }
}
