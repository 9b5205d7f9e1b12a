/// Each region against its peers on each indicator of a cross-section: rank (1 the best; ties share the best
/// rank), percentile (the share of the other regions strictly worse), z-score in the direction of improvement,
/// distance to the frontier (the best value, or the mean of the top k) and the gap to the peers' median and mean,
/// both in the indicator's units and signed so that a positive number is better.
///
/// - Complexity: O(r log r) per indicator for r regions.
public struct PeerComparison: Sendable {
    public struct Cell: Sendable, Equatable {
        public let value: Double
        public let year: Int?
        public let rank: Int?
        /// Out of how many regions with a value.
        public let of: Int
        public let percentile: Double?
        public let z: Double?
        /// s·(frontier − value) ≥ 0: how far behind the frontier.
        public let behindFrontier: Double?
        /// s·(value − median) and s·(value − mean): positive when better than the peers.
        public let versusMedian: Double?
        public let versusMean: Double?
    }

    public let year: Int
    public let regions: [String]
    public let indicators: [String]
    public let directions: [Direction]
    /// regions × indicators, row by row.
    public let cells: [[Cell]]

    /// - Parameter frontierTop: the frontier is the mean of the best `frontierTop` values (1: the best value).
    public init(_ data: CompositeData, directions: [Direction], frontierTop: Int = 1) {
        year = data.year
        regions = data.regions
        indicators = data.indicators
        self.directions = directions
        var columns: [[Cell]] = []
        for j in data.indicators.indices {
            let values = (0..<data.regions.count).map { data.values[$0, j] }
            let d = directions[j], s = Ranking.sign(d)
            let ranks = Ranking.ranks(values, direction: d), percentiles = Ranking.percentiles(values, direction: d)
            let present = values.filter { !$0.isNaN }
            let mean = Describe.mean(values), median = Describe.median(values), sd = Describe.standardDeviation(values)
            let best = present.sorted { s * $0 > s * $1 }.prefix(max(1, frontierTop))
            let frontier = best.isEmpty ? Double.nan : best.reduce(0, +) / Double(best.count)
            columns.append(values.indices.map { i in
                let x = values[i]
                func finite(_ v: Double) -> Double? { x.isNaN || !v.isFinite ? nil : v }
                return Cell(value: x, year: data.year(i, j), rank: ranks[i], of: present.count, percentile: percentiles[i],
                            z: finite(sd > 0 ? s * (x - mean) / sd : .nan), behindFrontier: finite(s * (frontier - x)),
                            versusMedian: finite(s * (x - median)), versusMean: finite(s * (x - mean)))
            })
        }
        cells = data.regions.indices.map { i in columns.map { $0[i] } }
    }
}

extension PanelIndex {
    /// The change in rank of `region` on a rank indicator between two years (positive: up so many places), from
    /// the ranks the data states; nil when either year is missing.
    public func rankChange(region: String, indicator: String, from first: Int, to last: Int) -> Int? {
        let h = history(region: region, indicator: indicator)
        guard let a = h.years.firstIndex(of: first), let b = h.years.firstIndex(of: last) else { return nil }
        return Int((h.values[a] - h.values[b]).rounded())
    }
}

extension PeerComparison {
    /// The change in each region's rank on each indicator from `earlier` to this comparison (positive: up so many
    /// places); nil where either has no rank.
    public func rankChanges(since earlier: PeerComparison) -> [[Int?]] {
        let rows = Dictionary(uniqueKeysWithValues: earlier.regions.enumerated().map { ($1, $0) })
        let columns = Dictionary(uniqueKeysWithValues: earlier.indicators.enumerated().map { ($1, $0) })
        return regions.indices.map { i in
            indicators.indices.map { j in
                guard let k = rows[regions[i]], let c = columns[indicators[j]], let now = cells[i][j].rank,
                      let then = earlier.cells[k][c].rank else { return nil }
                return then - now
            }
        }
    }
}
