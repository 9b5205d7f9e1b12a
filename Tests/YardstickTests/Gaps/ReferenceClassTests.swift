import Foundation
import Testing
@testable import Yardstick

/// Reference classes and bounds as evidence (#14): probabilities worked by hand, and the rule that a class never
/// touches a target with three values of its own.
@Suite("Reference classes and bounds")
struct ReferenceClassTests {
    static let header = "region,indicator,year,value,kind,qualifier,unit\n"
    static let metadata = "id,direction,kind\ng,higher,growth_rate\nn,higher,count\n"
    static let regions = "id,name,group\nR,R,city\nP1,P1,city\nP2,P2,city\nX,X,province\n"

    static func index(_ rows: String) throws -> PanelIndex {
        PanelIndex(try PanelReader().read(texts: [("t.csv", header + rows)], metadata: ("m.csv", metadata), regionNames: ("r.csv", regions)))
    }

    static func assess(_ rows: String, _ settings: GapSettings = GapSettings(model: .linear)) throws -> TargetAssessment {
        let index = try index(rows)
        return try #require(GapAnalysis(settings: settings).assess(index, scope: Scope(regions: ["R"])).last)
    }

    /// Two peers in R's group with three and four consecutive years (5 changes); X, in another group, is not a peer.
    static let peers = """
        P1,g,2018,8,actual,=,%
        P1,g,2019,7.5,actual,=,%
        P1,g,2020,4,actual,=,%
        P2,g,2019,6,actual,=,%
        P2,g,2020,3.5,actual,=,%
        P2,g,2021,7,actual,=,%
        P2,g,2022,5,actual,=,%
        P2,g,2024,2,actual,=,%
        X,g,2020,1,actual,=,%
        X,g,2021,9,actual,=,%

        """

    @Test func aPeerClassGivesTheProbabilityWorkedByHand() throws {
        let a = try Self.assess(Self.peers + "R,g,2023,5.5,actual,=,%\nR,g,2024,7,target,~,%\n")
        // Changes of P1 (2019, 2020) and P2 (2020, 2021, 2022), before 2024: −0.5, −3.5, −2.5, 3.5, −2.
        let changes = [-0.5, -3.5, -2.5, 3.5, -2.0], n = 5.0
        let mean = changes.reduce(0, +) / n
        let sd = (changes.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
        // One year ahead: 5.5 + mean + sd·√(1 + 1/5)·T₄; "about 7%" for a higher-is-better rate is met from 6.5.
        let scale = sd * (1 + 1 / n).squareRoot()
        let expected = StudentT(degreesOfFreedom: n - 1).survival((6.5 - (5.5 + mean)) / scale)
        #expect(relativeError(try #require(a.probability), expected) < 1e-12)
        guard case let .referenceClass(c)? = a.basis else { Issue.record("basis \(String(describing: a.basis))"); return }
        #expect(c.source == .peerRegions && c.changes == 5 && c.members == 2 && c.years == 2019...2022 && !c.logGrowth)
        #expect(relativeError(c.mean, mean) < 1e-12 && relativeError(c.standardDeviation, sd) < 1e-12)
        #expect(a.unassessed == nil)
    }

    @Test func fewerThanFiveChangesIsNoClassAndSaysSo() throws {
        let a = try Self.assess("P1,g,2018,8,actual,=,%\nP1,g,2019,7.5,actual,=,%\nR,g,2023,5.5,actual,=,%\nR,g,2024,7,target,~,%\n")
        #expect(a.probability == nil && a.basis == nil && a.status == .notAssessable)
        #expect(a.unassessed == .tooFewPoints(points: 1, peerChanges: 1, kindChanges: 0, minimum: 5))
    }

    @Test func switchedOffItIsNotUsed() throws {
        var settings = GapSettings(model: .linear)
        settings.referenceClasses = false
        let a = try Self.assess(Self.peers + "R,g,2023,5.5,actual,=,%\nR,g,2024,7,target,~,%\n", settings)
        #expect(a.probability == nil && a.unassessed == .referenceClassOff(points: 1))
    }

    /// Without peers, the region's other indicators of the same kind: counts, by log growth.
    @Test func aSameKindClassOfCountsUsesLogGrowth() throws {
        let counts = [100.0, 110, 121, 150, 160, 200]
        // Alternate years to two indicators: n0 has 2015, 2017, 2019 and n1 2016, 2018, 2020.
        let rows = counts.enumerated().map { "R,n\($0.offset % 2),\(2015 + $0.offset),\($0.element),actual,=,家\n" }.joined()
        let index = PanelIndex(try PanelReader().read(
            texts: [("t.csv", Self.header + rows + "R,n,2023,50,actual,=,家\nR,n,2025,60,target,>=,家\n")],
            metadata: ("m.csv", Self.metadata + "n0,higher,count\nn1,higher,count\n"), regionNames: ("r.csv", Self.regions)))
        let a = try #require(GapAnalysis(settings: GapSettings(model: .linear)).assess(index, scope: Scope(indicators: ["n"])).first)
        // No consecutive years, so no change: no class.
        #expect(a.unassessed == .tooFewPoints(points: 1, peerChanges: 0, kindChanges: 0, minimum: 5))
        // Consecutive counts give log growths ln(110/100), ln(121/110), …: five changes.
        let rows2 = counts.enumerated().map { "R,m,\(2015 + $0.offset),\($0.element),actual,=,家\n" }.joined()
        let index2 = PanelIndex(try PanelReader().read(
            texts: [("t.csv", Self.header + rows2 + "R,n,2023,50,actual,=,家\nR,n,2025,60,target,>=,家\n")],
            metadata: ("m.csv", Self.metadata + "m,higher,count\n"), regionNames: ("r.csv", Self.regions)))
        let b = try #require(GapAnalysis(settings: GapSettings(model: .linear)).assess(index2, scope: Scope(indicators: ["n"])).first)
        let growth = zip(counts, counts.dropFirst()).map { log($1 / $0) }, n = 5.0
        let mean = growth.reduce(0, +) / n
        let sd = (growth.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
        // Two years ahead: ln 50 + 2·mean + sd·√(2 + 4/5)·T₄ against ln 60.
        let expected = StudentT(degreesOfFreedom: 4).survival((log(60) - (log(50) + 2 * mean)) / (sd * (2 + 4 / n).squareRoot()))
        #expect(relativeError(try #require(b.probability), expected) < 1e-12)
        guard case let .referenceClass(c)? = b.basis else { Issue.record("no class"); return }
        #expect(c.source == .sameKind && c.logGrowth && c.changes == 5 && c.members == 1)
    }

    /// A class is only for histories shorter than three values: adding peers changes nothing else, whatever the
    /// peers hold.
    @Test(arguments: [0, 1, 2, 3])
    func aClassNeverChangesATargetWithThreeValues(_ variant: Int) throws {
        let own = "R,g,2020,6,actual,=,%\nR,g,2021,6.5,actual,=,%\nR,g,2022,5,actual,=,%\nR,g,2023,5.5,actual,=,%\nR,g,2024,7,target,~,%\n"
        let extra = [Self.peers, Self.peers.replacingOccurrences(of: ",8,", with: ",80,"),
                     (0..<30).map { "P1,g,\(1990 + $0),\(Double($0 % 7)),actual,=,%\n" }.joined(), ""][variant]
        let plain = try Self.assess(own), withPeers = try Self.assess(extra + own)
        // Equal to the last bits but for the batch's year grid, which peers reaching back to 1990 lengthen.
        #expect(relativeError(try #require(withPeers.probability), try #require(plain.probability)) < 1e-12)
        #expect(plain.status == withPeers.status)
        #expect(plain.basis == .ownHistory(points: 4) && withPeers.basis == .ownHistory(points: 4))
    }

    /// Bounds as values, worked by hand: 550 in 2019, more than 1000 in 2022 and more than 1200 in 2023 (the seed's
    /// high-tech enterprises) make three points of a linear trend, the result flagged as a lower estimate.
    @Test func boundsAsValuesByHand() throws {
        let a = try Self.assess("R,n,2019,550,actual,=,家\nR,n,2022,1000,actual,>,家\nR,n,2023,1200,actual,>,家\nR,n,2024,1500,target,>,家\n")
        #expect(a.basis == .boundsAsValues(points: 1, bounds: 2, lowerEstimate: true))
        let xs = [2019.0, 2022, 2023], ys = [550.0, 1000, 1200]
        let mx = xs.reduce(0, +) / 3, my = ys.reduce(0, +) / 3
        let sxy = zip(xs, ys).map { ($0 - mx) * ($1 - my) }.reduce(0, +), sxx = xs.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
        let slope = sxy / sxx, mean2024 = my + slope * (2024 - mx)
        let sse = zip(xs, ys).map { ($1 - my - slope * ($0 - mx)) * ($1 - my - slope * ($0 - mx)) }.reduce(0, +)
        let se = (sse / 1 * (1 + 1.0 / 3 + (2024 - mx) * (2024 - mx) / sxx)).squareRoot()
        #expect(relativeError(try #require(a.projection).mean, mean2024) < 1e-10)
        #expect(relativeError(try #require(a.probability), StudentT(degreesOfFreedom: 1).survival((1500 - mean2024) / se)) < 1e-9)
        // Left out (--no-bounds): one value, not assessable.
        var settings = GapSettings(model: .linear)
        settings.boundsAsEvidence = false
        let b = try Self.assess("R,n,2019,550,actual,=,家\nR,n,2022,1000,actual,>,家\nR,n,2023,1200,actual,>,家\nR,n,2024,1500,target,>,家\n", settings)
        #expect(b.probability == nil)
    }

    /// With three values and bounds, the bounds enter a censored fit: the projection is the Tobit one.
    @Test func threeValuesAndABoundFitCensored() throws {
        let a = try Self.assess("R,n,2018,400,actual,=,家\nR,n,2019,550,actual,=,家\nR,n,2020,600,actual,=,家\nR,n,2022,1000,actual,>,家\nR,n,2024,1500,target,>,家\n")
        #expect(a.basis == .censored(points: 3, bounds: 1))
        let fit = try CensoredTrend.fit(years: [2018, 2019, 2020, 2022], values: [400, 550, 600, 1000],
                                        censoring: [.value, .value, .value, .lowerBound], model: .linear)
        // SciPy's Nelder–Mead on the same likelihood: 688.69914 in 2020, 158.93566 a year, σ = 54.374978.
        #expect(relativeError(fit.value(year: 2020), 688.69914231) < 1e-7)
        #expect(relativeError(fit.coefficients.1 / fit.scale, 158.93566179) < 1e-6)
        #expect(relativeError(fit.sigma, 54.37497803875798) < 1e-6)
        let d = fit.predictive(year: 2024)
        #expect(relativeError(try #require(a.projection).mean, d.location) < 1e-12)
        #expect(relativeError(try #require(a.probability), d.survival(1500)) < 1e-12)
    }
}

/// Series breaks (#14): a change of basis declared in the metadata (`breaks`) starts the history anew, and no
/// change is measured across it.
@Suite("Series breaks")
struct SeriesBreakTests {
    static let metadata = "id,direction,kind,breaks\ng,higher,level,2018;2023\n"

    @Test func theHistoryStartsAtTheLastBreak() throws {
        let rows = "R,g,2015,2335,actual,=,亿元\nR,g,2016,2512,actual,=,亿元\nR,g,2019,3003,actual,=,亿元\nR,g,2020,3106,actual,=,亿元\nR,g,2021,3420,actual,=,亿元\nR,g,2022,3617,actual,=,亿元\nR,g,2024,4200,target,>=,亿元\n"
        let index = PanelIndex(try PanelReader().read(texts: [("t.csv", ReferenceClassTests.header + rows)], metadata: ("m.csv", Self.metadata)))
        #expect(index.indicator("g").breaks == [2018, 2023])
        let a = try #require(GapAnalysis(settings: GapSettings(model: .linear)).assess(index).first)
        #expect(a.history.map(\.year) == [2019, 2020, 2021, 2022])
        #expect(a.notes.contains(.seriesBreak(year: 2018, dropped: 2)))
        #expect(a.basis == .ownHistory(points: 4))
    }

    @Test func noChangeIsMeasuredAcrossABreak() {
        let c = ReferenceClassFinder.changes(years: [2016, 2017, 2018, 2019], values: [10, 11, 20, 21], before: 2024, logGrowth: false,
                                             breaks: [2018])
        #expect(c.map(\.year) == [2017, 2019] && c.map(\.change) == [1, 1])
    }

    @Test func aBreakThatIsNotAYearIsAnError() {
        #expect(throws: InputError.self) {
            try PanelReader().read(texts: [("t.csv", ReferenceClassTests.header + "R,g,2015,1,actual,=,x\n")],
                                   metadata: ("m.csv", "id,breaks\ng,2018;soon\n"))
        }
    }
}
