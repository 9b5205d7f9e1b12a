import Foundation
import Testing
@testable import Yardstick

@Suite("Panel index")
struct PanelIndexTests {
    /// Rows out of order, a preliminary beside a final value, a bound, a target and a quarter.
    static let rows = """
        region,indicator,period,value,kind,qualifier,source
        B,g,2021,4,actual,=,s2
        A,g,2022,3,actual,=,s1
        A,g,2020,1,actual,=,s1
        A,g,2021,2.5,preliminary,~,s1
        A,g,2021,2,actual,=,s3
        A,g,2023,5,actual,>,s1
        A,g,2024,6,target,>=,s1
        A,g,2023-Q1,9,actual,=,s1
        A,h,2019,7,actual,=,
        B,h,2022,8,actual,=,s2
        """

    static func index() throws -> PanelIndex { PanelIndex(try Panels.long(rows)) }

    @Test func seriesAreFoundWithTheirRecordsInPeriodOrder() throws {
        let index = try Self.index()
        #expect(index.seriesCount == 4)
        #expect(index.regions == ["B", "A"] && index.indicatorIDs == ["g", "h"])
        // The final 2021 value wins over the preliminary one; the bound, the target and the quarter are not points.
        #expect(index.history(region: "A", indicator: "g") == Series(region: "A", indicator: "g", years: [2020, 2021, 2022], values: [1, 2, 3]))
        #expect(index.observations(region: "A", indicator: "g").map(\.period)
                == [.year(2020), .year(2021), .year(2021), .year(2022), .year(2023), .quarter(2023, 1), .year(2024)])
        #expect(index.historyObservations(region: "A", indicator: "g").map(\.line) == [4, 6, 3])
        #expect(index.history(region: "C", indicator: "g").isEmpty && index.history(region: "A", indicator: "x").isEmpty)
        #expect(index.targets().map(\.line) == [8])
        #expect(index.targets(in: Scope(regions: ["B"])).isEmpty)
    }

    @Test func historiesAndSourcesFollowTheScope() throws {
        let index = try Self.index()
        #expect(index.histories().map { "\($0.region)/\($0.indicator)" } == ["B/g", "A/g", "A/h", "B/h"])
        #expect(index.histories(in: Scope(indicators: ["h"])).map(\.region) == ["A", "B"])
        #expect(index.sources(region: "A") == ["s1", "s3"])
        #expect(index.sources(region: "B") == ["s2"])
    }

    @Test func gridHasOneColumnPerRegionAndNaNForMissingYears() throws {
        let g = try Self.index().grid(indicator: "g")
        #expect(g.years == [2020, 2021, 2022])
        #expect(g.regions == ["B", "A"])
        #expect(g.values.rows == 3 && g.values.columns == 2)
        #expect(g.values.column(0).map { $0.isNaN ? -1 : $0 } == [-1, 4, -1])
        #expect(g.values.column(1) == [1, 2, 3])
        let given = try Self.index().grid(indicator: "h", years: [2019, 2020, 2022])
        #expect(given.values.column(0).map { $0.isNaN ? -1 : $0 } == [7, -1, -1])
        #expect(given.values.column(1).map { $0.isNaN ? -1 : $0 } == [-1, -1, 8])
    }

    @Test func crossSectionAtAYearOrTheLatestUpToIt() throws {
        let index = try Self.index()
        let exact = index.crossSection(indicators: ["g", "h"], year: 2022)
        #expect(exact.regions == ["B", "A"])
        #expect(exact.values.row(0).map { $0.isNaN ? -1 : $0 } == [-1, 8])
        #expect(exact.values.row(1).map { $0.isNaN ? -1 : $0 } == [3, -1])
        let latest = index.crossSection(indicators: ["g", "h"], year: 2022, latest: true)
        #expect(latest.values.row(0) == [4, 8] && latest.year(0, 0) == 2021 && latest.year(0, 1) == 2022)
        #expect(latest.values.row(1) == [3, 7] && latest.year(1, 0) == 2022 && latest.year(1, 1) == 2019)
        #expect(index.crossSection(indicators: ["g"], year: 2019).regions.isEmpty)
    }

    /// Sweeps: an empty panel, one point, a NaN value (a relative target holds none of its own).
    @Test func emptySinglePointAndNaN() throws {
        let empty = PanelIndex(Panel())
        #expect(empty.seriesCount == 0 && empty.targets().isEmpty && empty.histories().isEmpty)
        #expect(empty.grid(indicator: "g").values.elements.isEmpty)
        #expect(empty.crossSection(indicators: ["g"], year: 2020).regions.isEmpty)
        let one = PanelIndex(try Panels.long("region,indicator,year,value\nA,g,2020,1\n"))
        #expect(one.grid(indicator: "g").years == [2020] && one.grid(indicator: "g").values.elements == [1])
        let relative = try Panels.gapIndex("A,g,2020,1,,actual,=,,%\nA,g,2021,,,target,relative,h,%\n")
        #expect(relative.targets()[0].value.isNaN)
        #expect(relative.history(region: "A", indicator: "g").values == [1])
    }

    @Test func growthSeriesComesFromTheMetadataOnly() throws {
        let declared = try Panels.gapIndex("A,n,2020,1,,actual,=,,t\n", metadata: "id,kind,growth_of\nn,count,\nn_growth,growth_rate,n\n")
        #expect(declared.growthIndicator(of: "n") == "n_growth")
        let undeclared = try Panels.gapIndex("A,n,2020,1,,actual,=,,t\nA,n_growth,2020,5,,actual,=,,%\n", metadata: "id,kind\nn,count\n")
        #expect(undeclared.growthIndicator(of: "n") == nil)
    }
}
