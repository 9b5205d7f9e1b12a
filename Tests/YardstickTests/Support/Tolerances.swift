import Foundation

/// |a − b| / |b| (0 when equal; b = 0 measured against the smallest normal number).
func relativeError(_ a: Double, _ b: Double) -> Double {
    if a == b { return 0 }
    return abs(a - b) / max(abs(b), Double.leastNormalMagnitude)
}

/// LRE, the log relative error: −log10(|estimate − certified| / |certified|), capped at 15.
func logRelativeError(_ estimate: Double, _ certified: Double) -> Double {
    if estimate == certified { return 15 }
    let r = certified == 0 ? abs(estimate) : abs(estimate - certified) / abs(certified)
    return min(15, max(0, -log10(r)))
}
