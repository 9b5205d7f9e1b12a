import Foundation
import Testing
@testable import Yardstick

@Suite("Peer comparison and convergence")
struct PeerComparisonTests {
    static let root = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()

    static func gapminder() throws -> PanelIndex {
        var r = PanelReader()
        (r.format, r.regionColumn, r.periodColumn) = (.wide, "country", "year")
        r.indicatorColumns = ["lifeExp", "pop", "gdpPercap"]
        return PanelIndex(try r.read([root.appendingPathComponent("Data/gapminder/gapminder.csv").path]))
    }

    /// Gapminder 2007: each indicator's ranks are those of a plain sort (no ties in these data), and the default
    /// composite scores every one of the 142 countries.
    @Test func gapminderRanksAreAPlainSortAndEveryCountryIsScored() throws {
        let index = try Self.gapminder()
        let data = CompositeData(index: index, indicators: ["lifeExp", "gdpPercap"], year: 2007, latest: false, directions: [.higher, .higher])
        let peers = PeerComparison(data, directions: [.higher, .higher])
        #expect(peers.regions.count == 142)
        for j in 0..<2 {
            let values = peers.regions.indices.map { data.values[$0, j] }
            let sorted = values.indices.sorted { values[$0] > values[$1] }
            for (position, i) in sorted.enumerated() { #expect(peers.cells[i][j].rank == position + 1) }
        }
        let japan = try #require(peers.regions.firstIndex(of: "Japan"))
        #expect(peers.cells[japan][0].rank == 1 && peers.cells[japan][0].percentile == 100)   // 82.603 years, the highest
        let result = try CompositeIndex(CompositeSpecification(structure: .flat(["lifeExp", "gdpPercap"]))).compute(data)
        #expect(result.regions.count == 142 && result.scores.allSatisfy { !$0.isNaN })
        // By hand for one country: the mean of its two min-max scores.
        func minmax(_ j: Int, _ i: Int) -> Double {
            let v = peers.regions.indices.map { data.values[$0, j] }
            return 100 * (v[i] - v.min()!) / (v.max()! - v.min()!)
        }
        let k = try #require(result.regions.firstIndex(of: "Japan"))
        #expect(abs(result.scores[k] - (minmax(0, japan) + minmax(1, japan)) / 2) < 1e-12)
    }

    /// Values 1, 4, 4, 9 (higher is better): ranks 4, 2, 2, 1; frontier the best (9) or the mean of the top 2;
    /// mean 4.5, median 4, sample sd √11 (squares 12.25 + 0.25 + 0.25 + 20.25 over 3).
    @Test func cellsByHand() {
        let data = CompositeData(year: 2020, regions: ["A", "B", "C", "D"], indicators: ["x"], values: Matrix(columns: [[1, 4, 4, 9]]),
                                 directions: [.higher])
        let p = PeerComparison(data, directions: [.higher])
        #expect(p.cells.map { $0[0].rank } == [4, 2, 2, 1])
        #expect(p.cells[0][0].behindFrontier == 8 && p.cells[0][0].versusMedian == -3 && p.cells[0][0].versusMean == -3.5)
        #expect(abs(p.cells[3][0].z! - 4.5 / 11.0.squareRoot()) < 1e-12)
        let top2 = PeerComparison(data, directions: [.higher], frontierTop: 2)
        #expect(top2.cells[0][0].behindFrontier == 5.5)                  // (9 + 4)/2 − 1
        let lower = PeerComparison(data, directions: [.lower])
        #expect(lower.cells.map { $0[0].rank } == [1, 2, 2, 4] && lower.cells[3][0].behindFrontier == 8)
        let earlier = PeerComparison(CompositeData(year: 2019, regions: ["A", "D"], indicators: ["x"], values: Matrix(columns: [[5, 1]]),
                                                   directions: [.higher]), directions: [.higher])
        #expect(p.rankChanges(since: earlier).map { $0[0] } == [-3, nil, nil, 1])   // A 1st → 4th, D 2nd → 1st
    }

    /// Three regions doubling, growing by half and by a quarter over ten years, from 100, 200 and 400: β by hand is
    /// the OLS slope of g on ln y₀; σ (sd of logs) falls from ln 2.
    @Test func convergenceByHand() throws {
        let csv = "region,indicator,year,value\nA,y,2010,100\nA,y,2020,200\nB,y,2010,200\nB,y,2020,300\nC,y,2010,400\nC,y,2020,500\n"
        let index = PanelIndex(try Panels.long(csv))
        let c = try Convergence.analyse(index, indicator: "y", from: 2010, to: 2020)
        let x = [100.0, 200, 400].map(log), g = [2.0, 1.5, 1.25].map { log($0) / 10 }
        let mx = x.reduce(0, +) / 3, mg = g.reduce(0, +) / 3
        let beta = zip(x, g).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - mg) } / x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        #expect(relativeError(c.beta!, beta) < 1e-12)
        #expect(relativeError(c.speed!, -log(1 + beta * 10) / 10) < 1e-12)
        // σ over the two years that hold values: the sd of logs falls from ln 2 (100, 200, 400) to that of 200, 300, 500.
        #expect(c.sigmaRegions == ["A", "B", "C"] && c.dispersion.map(\.year) == [2010, 2020])
        #expect(relativeError(c.dispersion[0].logStandardDeviation, log(2)) < 1e-12)
        let l = [200.0, 300, 500].map(log), m = l.reduce(0, +) / 3
        #expect(relativeError(c.dispersion[1].logStandardDeviation, (l.reduce(0) { $0 + ($1 - m) * ($1 - m) } / 2).squareRoot()) < 1e-12)
    }
}
