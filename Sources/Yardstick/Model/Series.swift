/// One indicator's values over time for one region: the unit every trend model fits.
///
/// ```swift
/// let s = Series(region: "Zhuzhou", indicator: "gdp", years: [2019, 2020, 2021], values: [3003, 3106, 3420])
/// ```
/// Years need not be consecutive: a missing year is simply absent.
public struct Series: Sendable, Equatable {
    public var region: String
    public var indicator: String
    /// Observation years, strictly increasing.
    public var years: [Int]
    /// Values, one per year.
    public var values: [Double]

    public init(region: String = "", indicator: String = "", years: [Int], values: [Double]) {
        precondition(years.count == values.count, "one value per year")
        self.region = region
        self.indicator = indicator
        self.years = years
        self.values = values
    }

    public var count: Int { years.count }
    public var isEmpty: Bool { years.isEmpty }
}
