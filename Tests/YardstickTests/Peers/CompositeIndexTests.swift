import Foundation
import Testing
@testable import Yardstick

@Suite("Composite index")
struct CompositeIndexTests {
    static let root = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
    static func data(_ path: String) -> String { root.appendingPathComponent(path).path }

    /// The UNDP's HDI 2022 (HDR 2023/2024) from its four components and Data/hdi/hdi_structure.csv alone: every
    /// published value to its three decimals.
    @Test func humanDevelopmentIndexReproducedToItsPublishedDecimals() throws {
        var reader = PanelReader()
        reader.metadataFile = Self.data("Data/hdi/indicators.csv")
        let index = PanelIndex(try reader.read([Self.data("Data/hdi/hdr_2023_24.csv")]))
        let structure = try StructureReader.read(CSVTable(contentsOf: Self.data("Data/hdi/hdi_structure.csv")))
        let ids = structure.indicators
        let data = CompositeData(index: index, indicators: ids, year: 2022, latest: false,
                                 directions: ids.map { index.indicator($0).directionStated ? index.indicator($0).direction : nil })
        var spec = CompositeSpecification(structure: structure)
        spec.minimumCoverage = 1
        let result = try CompositeIndex(spec).compute(data)
        let published = index.crossSection(indicators: ["hdi"], year: 2022)
        var compared = 0
        for (i, region) in published.regions.enumerated() {
            let k = try #require(result.regions.firstIndex(of: region))
            let mine = (result.scores[k] / 100 * 1000).rounded() / 1000
            #expect(mine == published.values[i, 0], "\(region): \(result.scores[k] / 100) against \(published.values[i, 0])")
            compared += 1
        }
        #expect(compared == 193)
        // The two countries without every component are screened out, not guessed.
        #expect(result.notes.filter { if case .screenedOut = $0 { true } else { false } }.count == 2)
        // Switzerland, first in the 2022 HDI (0.967, Norway second with 0.966), ranks first.
        #expect(result.regions[result.ranks.firstIndex(of: 1)!] == "CHE")
    }

    /// Three regions, two pillars (one of two indicators, one of one), weights 1 and 3 at the top; by hand.
    @Test func hierarchicalIndexByHand() throws {
        let csv = """
            id,parent,weight,aggregate
            index,,1,arithmetic
            p1,index,1,geometric
            p2,index,3,arithmetic
            a,p1,1,
            b,p1,1,
            c,p2,1,
            """
        let structure = try StructureReader.read(CSVTable(text: csv, file: "s.csv"))
        // a: 0, 5, 10 → min-max 0, 50, 100; b (lower is better): 4, 2, 0 → 0, 50, 100; c: 1, 3, 2 → 0, 100, 50.
        let values = Matrix(columns: [[0, 5, 10], [4, 2, 0], [1, 3, 2]])
        let data = CompositeData(year: 2020, regions: ["X", "Y", "Z"], indicators: ["a", "b", "c"], values: values,
                                 directions: [.higher, .lower, .higher])
        let r = try CompositeIndex(CompositeSpecification(structure: structure)).compute(data)
        // p1 geometric: X √(0·0) = 0, Y √(50·50) = 50, Z 100; index (p1 + 3·p2)/4: X 0, Y (50 + 300)/4, Z (100 + 150)/4.
        #expect(zip(r.groupScores["p1"]!, [0.0, 50, 100]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(zip(r.scores, [0.0, 87.5, 62.5]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(r.ranks == [3, 1, 2])
    }

    /// Screening, then each imputation: A lacks b in 2020 (its 2019 value is 6); C lacks both and is screened out.
    @Test(arguments: [(Imputation.none, Double.nan, false), (.mean, 3, true), (.median, 3, true), (.latest, 6, true)])
    func imputation(_ c: (Imputation, Double, Bool)) throws {
        let nan = Double.nan
        let values = Matrix(columns: [[1, 2, 3, nan], [nan, 2, 4, nan]])
        let latest = Matrix(columns: [[1, 2, 3, nan], [6, 2, 4, nan]])
        let data = CompositeData(year: 2020, regions: ["A", "B", "D", "C"], indicators: ["a", "b"], values: values,
                                 latestValues: latest, latestYears: [2020, 2020, 2020, nil, 2019, 2020, 2020, nil],
                                 directions: [.higher, .higher])
        var spec = CompositeSpecification(structure: .flat(["a", "b"]))
        spec.imputation = c.0
        spec.minimumCoverage = 0.5
        let r = try CompositeIndex(spec).compute(data)
        #expect(r.regions == ["A", "B", "D"])
        #expect(r.notes.contains(.screenedOut(region: "C", coverage: 0)))
        #expect(r.values[0, 1].isNaN == c.1.isNaN && (c.1.isNaN || r.values[0, 1] == c.1))
        #expect(r.imputed[0 + 1 * 3] == c.2)
        if c.0 == .latest { #expect(r.year(0, 1) == 2019) }
        // Without imputation A is scored on a alone (half its weight present, the threshold): min-max of a is 0.
        if c.0 == .none { #expect(r.scores[0] == 0) }
    }

    @Test func errorsNameWhatToChange() throws {
        let data = CompositeData(year: 2020, regions: ["A", "B"], indicators: ["a"], values: Matrix(columns: [[1, 2]]), directions: [nil])
        #expect(throws: CompositeError.noDirection(["a"])) { try CompositeIndex(CompositeSpecification(structure: .flat(["a"]))).compute(data) }
        let onTarget = CompositeData(year: 2020, regions: ["A", "B"], indicators: ["a"], values: Matrix(columns: [[1, 2]]), directions: [.target])
        #expect(throws: CompositeError.targetDirection(["a"])) { try CompositeIndex(CompositeSpecification(structure: .flat(["a"]))).compute(onTarget) }
        #expect(throws: CompositeError.indicatorsNotInData(["z"])) { try CompositeIndex(CompositeSpecification(structure: .flat(["z"]))).compute(data) }
        let withDirection = CompositeData(year: 2020, regions: ["A", "B"], indicators: ["a"], values: Matrix(columns: [[1, 2]]), directions: [.higher])
        #expect(throws: CompositeError.noGoalposts(["a"])) {
            try CompositeIndex(CompositeSpecification(structure: .flat(["a"]), normalisation: .goalposts)).compute(withDirection)
        }
        #expect(throws: CompositeError.negativeForMean(.geometric)) {
            try CompositeIndex(CompositeSpecification(structure: .flat(["a"], aggregation: .geometric), normalisation: .zScore)).compute(withDirection)
        }
    }
}
