/// How missing values of an indicator are filled before a composite is built (Handbook §4).
public enum Imputation: String, Sendable, CaseIterable, Codable {
    /// Left missing: aggregation skips them and renormalises the weights (above the coverage threshold).
    case none
    /// The peers' mean, or median, of the indicator in the same year.
    case mean, median
    /// The region's latest value before the year (the year used is kept with the value).
    case latest
}

/// The data of a composite or a peer comparison: regions × indicators at one year, with the value of the latest
/// year up to it beside (for `latest` imputation and `--period latest`), and each indicator's direction.
public struct CompositeData: Sendable {
    public let year: Int
    public let regions: [String]
    public let indicators: [String]
    /// `regions × indicators`, NaN where the region has no value in `year`.
    public let values: Matrix
    /// The latest value up to `year`, and its year.
    public let latestValues: Matrix
    public let latestYears: [Int?]
    /// Each indicator's direction where stated (metadata, `--direction`, a rank); nil where not: a composite then needs
    /// the structure to state it, and never assumes one.
    public let directions: [Direction?]

    /// The cross-sections of `indicators` at `year` from the index: every region with a value up to the year. With
    /// `latest`, each region's latest value is used as its value (the period `latest`).
    ///
    /// - Complexity: that of two ``PanelIndex/crossSection(indicators:year:latest:)``.
    /// `regions` limits the regions (nil: every region with a value).
    public init(index: PanelIndex, indicators: [String], year: Int, latest: Bool, directions: [Direction?], regions: Set<String>? = nil) {
        let upTo = index.crossSection(indicators: indicators, year: year, latest: true).keeping(regions)
        let exact = latest ? upTo : index.crossSection(indicators: indicators, year: year, latest: false).keeping(regions)
        var values = Matrix(rows: upTo.regions.count, columns: indicators.count, repeating: .nan)
        let row = Dictionary(uniqueKeysWithValues: exact.regions.enumerated().map { ($1, $0) })
        for (i, r) in upTo.regions.enumerated() {
            guard let k = row[r] else { continue }
            for j in indicators.indices { values[i, j] = exact.values[k, j] }
        }
        self.init(year: year, regions: upTo.regions, indicators: indicators, values: values, latestValues: upTo.values,
                  latestYears: upTo.years, directions: directions)
    }

    /// Data given directly (tests, and other sources than a panel).
    public init(year: Int, regions: [String], indicators: [String], values: Matrix, latestValues: Matrix? = nil,
                latestYears: [Int?]? = nil, directions: [Direction?]) {
        self.year = year
        self.regions = regions
        self.indicators = indicators
        self.values = values
        self.latestValues = latestValues ?? values
        self.latestYears = latestYears ?? values.elements.map { $0.isNaN ? nil : year }
        self.directions = directions
    }

    /// The year of a cell's value (nil where there is none).
    public func year(_ i: Int, _ j: Int) -> Int? { values[i, j].isNaN ? nil : latestYears[i + j * regions.count] }
}
