import Foundation
import Testing
@testable import Yardstick

/// A small record worked by hand: GDP-like growth, 2000–2012, targets 2004–2012 ("about", tolerance 0.5 pp).
@Suite("Backtest on a small record")
struct BacktestTests {
    static let values: [Int: Double] = [2000: 8.0, 2001: 8.3, 2002: 9.1, 2003: 10.0, 2004: 10.1, 2005: 11.3, 2006: 12.7,
                                        2007: 14.2, 2008: 9.6, 2009: 9.2, 2010: 10.4, 2011: 9.5, 2012: 7.7]
    static let targets: [Int: Double] = [2004: 7, 2005: 8, 2006: 8, 2007: 8, 2008: 8, 2009: 8, 2010: 8, 2011: 8, 2012: 8.5]
    static let metadata = "id,direction,kind,unit\ng,higher,growth_rate,%\n"

    static func rows(values: [Int: Double] = values, targets: [Int: Double] = targets, where keep: (Int, Bool) -> Bool = { _, _ in true }) -> String {
        let actual = values.sorted { $0.key < $1.key }.filter { keep($0.key, false) }.map { "R,g,\($0.key),\($0.value),,actual,=,,%\n" }
        let aims = targets.sorted { $0.key < $1.key }.filter { keep($0.key, true) }.map { "R,g,\($0.key),\($0.value),,target,~,,%\n" }
        return (actual + aims).joined()
    }

    static func run(_ rows: String, adjustment: ForecastAdjustment = .none) throws -> BacktestResult {
        Backtest(settings: BacktestSettings(adjustment: adjustment)).run(try Panels.gap(rows, metadata: metadata))
    }

    @Test func outcomesBaseRatesAndScoresByHand() throws {
        let r = try Self.run(Self.rows())
        #expect(r.items.map(\.target.period.year) == Array(2004...2012))
        // About T with 0.5 pp tolerance, higher is better: met when the outcome is at least T − 0.5.
        #expect(r.items.map(\.met) == [true, true, true, true, true, true, true, true, false])
        // Base rate (m + ½)/(n + 1): every earlier target was met.
        for (k, i) in r.items.enumerated() { #expect(abs(i.baseRate - (Double(k) + 0.5) / Double(k + 1)) < 1e-15) }
        // Each probability is the gap analysis's on the panel cut by hand before the target's year.
        for i in r.items {
            let y = i.target.period.year
            let cut = try Panels.gapIndex(Self.rows { year, isTarget in year < y || (isTarget && year == y) }, metadata: Self.metadata)
            let a = try #require(GapAnalysis().assess(cut).first { $0.target.period.year == y })
            #expect(a.probability != nil && i.plainProbability == a.probability, "target \(y)")
        }
        let scored = r.items.filter { $0.probability != nil }
        #expect(r.assessed == scored.count && r.assessed == 9)
        let brier = scored.map { ($0.probability! - ($0.met ? 1 : 0)) * ($0.probability! - ($0.met ? 1 : 0)) }.reduce(0, +) / 9
        #expect(abs(r.score.brier - brier) < 1e-15)
        let base = r.items.map { ($0.baseRate - ($0.met ? 1 : 0)) * ($0.baseRate - ($0.met ? 1 : 0)) }.reduce(0, +) / 9
        #expect(abs(r.baseRate.brier - base) < 1e-15)
        #expect(r.calibration.map(\.count).reduce(0, +) == 9)
    }

    /// The targets' record from the fifth target on (SciPy: margins 3.1, 3.3, 4.7, 6.2, 1.6 before 2009); before
    /// that, the share of every earlier target met.
    @Test func targetRecordProbabilities() throws {
        let r = try Self.run(Self.rows(), adjustment: .targets)
        let byYear = Dictionary(uniqueKeysWithValues: r.items.map { ($0.target.period.year, $0) })
        for y in 2004...2008 { #expect(byYear[y]!.probability == byYear[y]!.baseRate) }
        #expect(abs(byYear[2009]!.probability! - 0.9557859620894531) < 1e-12)
        #expect(abs(byYear[2012]!.probability! - 0.9506405333008814) < 1e-12)
        #expect(byYear[2009]!.predictor == .targets)
        // The status and basis shown are those of the probability scored.
        for i in r.items {
            let p = try #require(i.probability)
            #expect(i.status == GapSettings().ownStatus(p))
            if case let .targetRecord(record)? = i.basis { #expect(record.count == i.earlierTargets) }
            else if case let .earlierTargets(met, of)? = i.basis { #expect(met == of && of == i.earlierTargets) }
            else { Issue.record("basis \(String(describing: i.basis))") }
        }
    }

    /// No information from a target's year or later reaches its assessment: later years added, and every value from
    /// the target's year on changed, leave each probability as it was.
    @Test(arguments: ForecastAdjustment.allCases)
    func noLeakage(_ adjustment: ForecastAdjustment) throws {
        let base = try Self.run(Self.rows(), adjustment: adjustment)
        var later = Self.values, laterTargets = Self.targets
        for (y, v) in [2013: 7.8, 2014: 7.3, 2015: 6.9] { later[y] = v }
        for (y, v) in [2013: 7.5, 2014: 7.5] { laterTargets[y] = v }
        let extended = try Self.run(Self.rows(values: later, targets: laterTargets), adjustment: adjustment)
        #expect(extended.items.count == base.items.count + 2)
        for (a, b) in zip(base.items, extended.items) {
            #expect(a.target.period == b.target.period)
            #expect(a.probability == b.probability && a.plainProbability == b.plainProbability)
            #expect(a.correctedProbability == b.correctedProbability && a.targetRecordProbability == b.targetRecordProbability)
            #expect(a.baseRate == b.baseRate && a.pooledRate == b.pooledRate)
        }
        for cut in 2004...2012 {
            var changed = Self.values
            for (y, v) in changed where y >= cut { changed[y] = v * 1.37 - 2 }
            let moved = try Self.run(Self.rows(values: changed), adjustment: adjustment)
            let a = base.items.first { $0.target.period.year == cut }!, b = moved.items.first { $0.target.period.year == cut }!
            #expect(a.probability == b.probability && a.plainProbability == b.plainProbability, "target \(cut)")
            #expect(a.targetRecordProbability == b.targetRecordProbability && a.baseRate == b.baseRate, "target \(cut)")
        }
    }

    @Test func targetsWithoutOutcomesAreNotPairs() throws {
        let r = try Self.run(Self.rows(values: Self.values.filter { $0.key < 2004 }))
        #expect(r.items.isEmpty && r.assessed == 0 && r.score.brier.isNaN)
    }

    /// Scope is not evidence: showing one year leaves its probability and base rate as they were.
    @Test func scopeChoosesRowsOnly() throws {
        let all = try Self.run(Self.rows(), adjustment: .targets)
        let later = Backtest(settings: BacktestSettings(from: 2010, adjustment: .targets)).run(try Panels.gap(Self.rows(), metadata: Self.metadata))
        #expect(later.items.map(\.target.period.year) == [2010, 2011, 2012])
        for i in later.items {
            let j = all.items.first { $0.target.period == i.target.period }!
            #expect(i.probability == j.probability && i.baseRate == j.baseRate)
        }
    }
}

extension BacktestTests {
    /// A target judged by a reference class (two values of its own; the region's other growth rates give the
    /// changes): changing those other series from the target's year on leaves its probability as it was.
    @Test func noLeakageThroughReferenceClasses() throws {
        func rows(_ shift: Double) -> String {
            var text = "R,g,2006,9,,actual,=,,%\nR,g,2007,9.5,,actual,=,,%\nR,g,2010,8,,actual,=,,%\nR,g,2010,7.5,,target,~,,%\n"
            for y in 2000...2015 {
                let v = 8 + sin(Double(y)) + (y >= 2010 ? shift : 0)
                text += "R,h,\(y),\(v),,actual,=,,%\n"
            }
            return text
        }
        let metadata = "id,direction,kind,unit\ng,higher,growth_rate,%\nh,higher,growth_rate,%\n"
        let a = Backtest().run(try Panels.gap(rows(0), metadata: metadata)).items.first { $0.indicator.id == "g" }
        let b = Backtest().run(try Panels.gap(rows(-5), metadata: metadata)).items.first { $0.indicator.id == "g" }
        let p = try #require(a?.plainProbability)
        #expect(a?.before.basis?.code == "reference_class")
        #expect(p == b?.plainProbability)
    }
}

extension BacktestTests {
    /// `gap --target-record` gives each target the probability the backtest scores for its targets predictor.
    @Test func gapTargetRecordMatchesTheBacktest() throws {
        let panel = try Panels.gap(Self.rows(), metadata: Self.metadata)
        let backtest = Backtest(settings: BacktestSettings(adjustment: .targets)).run(panel)
        var settings = GapSettings()
        settings.targetRecord = true
        let gap = GapAnalysis(settings: settings).assess(PanelIndex(panel))
        for i in backtest.items {
            let a = try #require(gap.first { $0.target.period == i.target.period })
            #expect(a.probability == i.targetRecordProbability, "target \(i.target.period)")
        }
        // A target not yet observed: its basis names the record, and its status follows the probability.
        var open = Self.targets
        open[2013] = 7.5
        let ahead = GapAnalysis(settings: settings).assess(PanelIndex(try Panels.gap(Self.rows(targets: open), metadata: Self.metadata)))
        let next = try #require(ahead.first { $0.target.period.year == 2013 })
        guard case let .targetRecord(r)? = next.basis else { Issue.record("basis \(String(describing: next.basis))"); return }
        #expect(r.count == 9 && r.years == 2004...2012)
        #expect(next.status == (next.probability! >= 0.75 ? .onTrack : next.probability! >= 0.25 ? .atRisk : .offTrack))
    }
}
