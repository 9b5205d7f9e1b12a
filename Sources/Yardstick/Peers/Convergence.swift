import Foundation

/// Whether regions are catching up (Barro and Sala-i-Martin, "Convergence", Journal of Political Economy 100, 1992;
/// Sala-i-Martin, "The classical approach to convergence analysis", Economic Journal 106, 1996):
///
/// - **β-convergence**: the average annual log growth from the first to the last year, gᵢ = (ln yᵢ,T − ln yᵢ,₀)/T,
///   regressed on the log initial level, gᵢ = α + β·ln yᵢ,₀ + εᵢ (``LinearRegression``, with standard errors);
///   β < 0 means poorer regions grew faster; the implied speed of convergence is λ = −ln(1 + β·T)/T;
/// - **σ-convergence**: the dispersion across regions in each year of the span that holds values, as the standard
///   deviation of ln y and the coefficient of variation sd(y)/mean(y), over the regions with a positive value in
///   every one of those years (a fixed set, so that a region entering the data does not move the dispersion).
public struct ConvergenceResult: Sendable {
    public struct Dispersion: Sendable, Equatable {
        public let year: Int
        public let logStandardDeviation: Double
        public let coefficientOfVariation: Double
    }

    public let indicator: String
    public let firstYear: Int, lastYear: Int
    /// The regions in the β regression (a positive value in both years) and in the σ series (in every year).
    public let betaRegions: [String], sigmaRegions: [String]
    /// The fit of gᵢ on ln yᵢ,₀; nil with fewer than three regions.
    public let regression: RegressionResult?
    public var beta: Double? { regression?.coefficients.last?.estimate }
    /// λ = −ln(1 + β·T)/T, nil when 1 + β·T ≤ 0.
    public let speed: Double?
    public let dispersion: [Dispersion]
}

public enum Convergence {
    /// β- and σ-convergence of `indicator` (a positive level: GDP per capita, income) from `firstYear` to `lastYear`.
    ///
    /// - Complexity: O(r·n) to read the grid of r regions and n years, and one regression of r rows.
    public static func analyse(_ index: PanelIndex, indicator: String, from firstYear: Int, to lastYear: Int,
                               scope: Scope = .everything) throws(RegressionError) -> ConvergenceResult {
        // The years of the span that hold values (data every five years stay every five years).
        let full = index.grid(indicator: indicator, years: Array(firstYear...max(firstYear, lastYear)))
        let kept = full.years.indices.filter { i in (0..<full.regions.count).contains { full.values[i, $0] > 0 } }
        let years = kept.map { full.years[$0] }
        let grid = index.grid(indicator: indicator, years: years.isEmpty ? [firstYear] : years)
        let n = grid.years.count, t = Double(lastYear - firstYear)
        var betaRegions: [String] = [], x: [Double] = [], g: [Double] = [], sigmaColumns: [Int] = []
        for (j, region) in grid.regions.enumerated() where scope.regions?.contains(region) ?? true {
            let first = grid.years.first == firstYear ? grid.values[0, j] : .nan
            let last = grid.years.last == lastYear ? grid.values[n - 1, j] : .nan
            if first > 0, last > 0, t > 0 {
                betaRegions.append(region)
                x.append(log(first))
                g.append((log(last) - log(first)) / t)
            }
            if (0..<n).allSatisfy({ grid.values[$0, j] > 0 }) { sigmaColumns.append(j) }
        }
        var regression: RegressionResult?
        if x.count >= 3 {
            regression = try LinearRegression(response: DataColumn(name: "growth", values: g),
                                              terms: .columns([DataColumn(name: "log_initial", values: x)])).fit()
        }
        let beta = regression?.coefficients.last?.estimate
        let speed = beta.flatMap { 1 + $0 * t > 0 && t > 0 ? -log(1 + $0 * t) / t : nil }
        let dispersion = sigmaColumns.count >= 2 ? grid.years.indices.map { i -> ConvergenceResult.Dispersion in
            let y = sigmaColumns.map { grid.values[i, $0] }
            return .init(year: grid.years[i], logStandardDeviation: Describe.standardDeviation(y.map(log)),
                         coefficientOfVariation: Describe.standardDeviation(y) / Describe.mean(y))
        } : []
        return ConvergenceResult(indicator: indicator, firstYear: firstYear, lastYear: lastYear, betaRegions: betaRegions,
                                 sigmaRegions: sigmaColumns.map { grid.regions[$0] }, regression: regression, speed: speed,
                                 dispersion: dispersion)
    }
}
