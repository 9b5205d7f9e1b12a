import Foundation
import Testing
@testable import Yardstick

/// A scope (`--region`, `--indicator`) selects rows of a result and never the evidence: every target is assessed
/// the same however the output is scoped, on every Data/ set and on the test panels.
@Suite("Scope is not evidence")
struct ScopeTests {
    struct DataSet: Sendable, CustomStringConvertible {
        let description: String
        let read: @Sendable () throws -> Panel
    }

    static let root = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
    static func data(_ path: String) -> String { root.appendingPathComponent(path).path }

    /// Region A's income target is relative to region B's GDP growth: assessing it needs B's series.
    static let relativeToAnotherRegion = """
        A,inc,2019,8,,actual,=,,%
        A,inc,2020,8.1,,actual,=,,%
        A,inc,2021,8.5,,actual,=,,%
        A,inc,2022,8.4,,actual,=,,%
        B,gdp,2019,6,,actual,=,,%
        B,gdp,2020,6.2,,actual,=,,%
        B,gdp,2021,6,,actual,=,,%
        B,gdp,2022,6.3,,actual,=,,%
        A,inc,2023,,,target,relative,B:gdp,%

        """
    static let growthRates = "id,direction,kind\ninc,higher,growth_rate\ngdp,higher,growth_rate\n"

    static let sets: [DataSet] = [
        DataSet(description: "embedded") { try PanelReader().readEmbedded() },
        DataSet(description: "Data/zhuzhou") {
            var r = PanelReader()
            r.metadataFile = data("Data/zhuzhou/indicators.csv")
            return try r.read([data("Data/zhuzhou/report_2024.csv"), data("Data/zhuzhou/history.csv")])
        },
        DataSet(description: "Data/hunan") {
            var r = PanelReader()
            r.metadataFile = data("Data/zhuzhou/indicators.csv")
            return try r.read([data("Data/hunan/peers_history.csv")])
        },
        DataSet(description: "Data/gapminder") {
            var r = PanelReader()
            (r.format, r.regionColumn, r.periodColumn) = (.wide, "country", "year")
            r.indicatorColumns = ["lifeExp", "pop", "gdpPercap"]
            return try r.read([data("Data/gapminder/gapminder.csv")])
        },
        DataSet(description: "Data/wdi fertility") { try PanelReader().read([data("Data/wdi/wdi_fertility_wide.csv")]) },
        DataSet(description: "Data/wdi population") { try PanelReader().read([data("Data/wdi/world_bank_pop.csv")]) },
        DataSet(description: "relative to another region") { try Panels.gap(relativeToAnotherRegion, metadata: growthRates) },
        DataSet(description: "report fixture") { try ReportFixture.panel() },
    ]

    /// Every target's assessment under its region's, its indicator's and both scopes equals the unscoped one
    /// (compared field by field through their full reflection, NaN included).
    @Test(arguments: sets)
    func everyTargetIsAssessedTheSameWhateverTheScope(_ d: DataSet) throws {
        let index = PanelIndex(try d.read())
        let analysis = GapAnalysis()
        let all = analysis.assess(index)
        #expect(all.count == index.targets().count)
        for a in all {
            let t = a.target
            for scope in [Scope(regions: [t.region]), Scope(indicators: [t.indicator]), Scope(regions: [t.region], indicators: [t.indicator])] {
                let scoped = analysis.assess(index, scope: scope).filter { $0.target.period == t.period && $0.target.indicator == t.indicator && $0.target.region == t.region }
                #expect(scoped.count == 1)
                #expect(String(reflecting: scoped.first) == String(reflecting: Optional(a)), "\(d) \(t.region) \(t.indicator) \(t.period)")
            }
        }
    }

    /// The histories a trend is fitted to are the same whatever the scope.
    @Test(arguments: sets)
    func everyHistoryIsTheSameWhateverTheScope(_ d: DataSet) throws {
        let index = PanelIndex(try d.read())
        for s in index.histories().enumerated().filter({ $0.offset % 7 == 0 }).map(\.element) {
            #expect(index.histories(in: Scope(regions: [s.region])).contains(s))
            #expect(index.histories(in: Scope(indicators: [s.indicator])).contains(s))
            #expect(index.histories(in: Scope(regions: [s.region], indicators: [s.indicator])) == [s])
        }
    }

    /// The two cases that once changed with the scope.
    @Test func aTargetRelativeToAnotherRegionKeepsItsEvidence() throws {
        let index = try Panels.gapIndex(Self.relativeToAnotherRegion, metadata: Self.growthRates)
        let a = try #require(GapAnalysis().assess(index, scope: Scope(regions: ["A"])).first)
        #expect(a.notes.contains(.relativeToProjection(region: "B", indicator: "gdp", year: 2023)))
        // By hand: both histories projected linearly to 2023, P(inc − gdp > 0) under the normal approximation.
        let inc = try TrendSpecification(nil).fit(index.history(region: "A", indicator: "inc"))
        let gdp = try TrendSpecification(nil).fit(index.history(region: "B", indicator: "gdp"))
        func sd(_ f: TrendFit) -> Double {
            let w = f.forecast(year: 2023, levels: [95]).intervals[0]
            return (w.upper - w.lower) / (2 * Normal.quantile(0.975))
        }
        let m = inc.forecast(year: 2023).mean - gdp.forecast(year: 2023).mean
        #expect(relativeError(a.probability!, Normal.cdf(m / (sd(inc) * sd(inc) + sd(gdp) * sd(gdp)).squareRoot())) < 1e-12)
        #expect(a.status != .notAssessable)
    }

    @Test func aCountKeepsItsGrowthSeriesUnderAnIndicatorScope() throws {
        // The seed's statement alone: 445 trains in 2023, up 83.8%, and the 2024 target.
        let index = try Panels.gapIndex("Z,trains,2023,445,,preliminary,=,,列\nZ,trains_growth,2023,83.8,,preliminary,=,,%\nZ,trains,2024,500,,target,>=,,列\n",
                                        metadata: "id,direction,kind,growth_of\ntrains,higher,count,\ntrains_growth,higher,growth_rate,trains\n")
        let a = try #require(GapAnalysis().assess(index, scope: Scope(indicators: ["trains"])).first)
        let derived = 445 / (1 + 83.8 / 100)                      // 242.11…: the count of 2022 from 2023's and its growth
        #expect(a.history.first == HistoryPoint(year: 2022, value: derived, kind: .derived))
        #expect(relativeError(derived, 242.1109902067465) < 1e-15)
        #expect(a.notes.contains(.derivedFromGrowth(year: 2022, value: derived, level: 445, growth: 83.8)))
    }

    @Test func unknownNamesInAScopeAreErrors() throws {
        let index = try Panels.embedded()
        #expect(throws: ScopeError.unknownRegion("Atlantis", known: index.regions)) { try Scope(regions: ["Atlantis"]).check(against: index) }
        #expect(throws: ScopeError.unknownIndicator("gpd", known: index.indicatorIDs)) { try Scope(indicators: ["gpd"]).check(against: index) }
        try Scope(regions: ["Zhuzhou", "Hunan"], indicators: ["gdp"]).check(against: index)
    }
}
