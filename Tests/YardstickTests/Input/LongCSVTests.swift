import Foundation
import Testing
@testable import Yardstick

@Suite("Long CSV")
struct LongCSVTests {
    func read(_ text: String) throws -> Panel { try LongCSV.read(try CSVTable(text: text, file: "l.csv")) }

    @Test func readsKindsQualifiersAndCountsMissingValues() throws {
        let p = try read("""
            indicator,region,year,value,kind,qualifier,unit
            gdp,A,2021,3420.3,actual,=,亿元
            gdp,A,2019,3003.13,actual,=,亿元
            gdp,A,2020,3105.8,preliminary,~,亿元
            gdp,A,2022,,actual,=,亿元
            gdp_growth,A,2024,7,target,左右,%
            hte,A,2023,1200,actual,突破,家
            gdp,B,2020,NA,actual,,亿元
            """)
        #expect(p.observations.count == 5)
        #expect(p.missingValues == 2)
        #expect(PanelIndex(p).history(region: "A", indicator: "gdp").years == [2019, 2020, 2021])
        #expect(PanelIndex(p).targets().map(\.qualifier) == [.approximately])
        #expect(p.observations.first { $0.indicator == "hte" }?.qualifier == .moreThan)
        #expect(PanelIndex(p).history(region: "A", indicator: "hte").isEmpty)     // a bound is not a history point
    }

    @Test func rangesAndRelativeTargets() throws {
        let p = try read("""
            region,indicator,year,value,value_high,kind,qualifier,relative_to
            A,gdp_growth,2024,4.5,5,target,range,
            A,income_growth,2024,,,target,relative,gdp_growth
            A,unemployment,2024,,,target,relative,Hunan:unemployment
            """)
        #expect(PanelIndex(p).targets().map(\.qualifier) == [.range(high: 5), .relative(to: "gdp_growth"), .relative(to: "Hunan:unemployment")])
        #expect(PanelIndex(p).targets()[1].value.isNaN)
    }

    @Test func numbersAsStatisticalFilesWriteThem() throws {
        let p = try read("""
            region,indicator,year,value,unit
            A,jobs,2023,5.8万,人
            A,gdp,２０２３,"１,２３４.５",亿元
            A,share,2023,71.3%,
            """)
        let jobs = try #require(p.observations.first { $0.indicator == "jobs" })
        #expect(jobs.value == 5.8 && jobs.unit == "万人")
        #expect(p.observations.first { $0.indicator == "gdp" }?.value == 1234.5)
        #expect(p.observations.first { $0.indicator == "share" }?.unit == "%")
    }

    @Test func unitsDifferingByAMagnitudeWordAreConvertedAndReported() throws {
        let p = try read("region,indicator,year,value,unit\nA,rev,2022,186.87,亿元\nA,rev,2023,1900000,万元\n")
        #expect(PanelIndex(p).history(region: "A", indicator: "rev").values == [186.87, 190])
        #expect(p.warnings == [.unitsConverted(file: "l.csv", count: 1)])
    }

    @Test func preliminaryAndFinalValuesForOneYearKeepTheFinalInTheHistory() throws {
        let p = try read("region,indicator,year,value,kind\nA,gdp,2016,9323.7,actual\nA,gdp,2016,9250,preliminary\nA,gdp,2017,10535.51,actual\n")
        #expect(PanelIndex(p).history(region: "A", indicator: "gdp").values == [9323.7, 10535.51])
        #expect(p.observations.count == 3)
    }

    @Test func quartersAndMonthsAreReadAndKeptOutOfYearlyTrends() throws {
        let p = try read("region,indicator,period,value\nA,x,2023-Q1,1\nA,x,2023-02,2\nA,x,2023,3\n")
        #expect(p.observations.map(\.period) == [.quarter(2023, 1), .month(2023, 2), .year(2023)])
        #expect(PanelIndex(p).history(region: "A", indicator: "x").values == [3])
        #expect(p.warnings == [.subAnnualNotInTrends(file: "l.csv", count: 2)])
    }

    @Test func writingAndReadingBackGivesTheSameObservations() throws {
        let text = #"""
            region,indicator,year,value,value_high,kind,qualifier,relative_to,unit,source,note
            Zhuzhou,gdp_growth,2024,7,,target,~,,%,"report, 2023",about 7%
            Zhuzhou,cpi,2024,3,,target,<=,,%,,
            Zhuzhou,g,2024,4.5,5,target,range,,%,,
            Zhuzhou,income,2024,,,target,relative,gdp_growth,%,,"quote ""above"""
            Zhuzhou,trains,2023,445,,preliminary,=,,列,,
            """#
        let p = try read(text)
        let back = try read(LongCSV.write(p))
        #expect(back.observations.count == p.observations.count)
        for (a, b) in zip(p.observations, back.observations) {
            #expect(a.region == b.region && a.indicator == b.indicator && a.period == b.period && a.kind == b.kind)
            #expect(a.qualifier == b.qualifier && a.unit == b.unit && a.source == b.source && a.note == b.note)
            #expect(a.value == b.value || (a.value.isNaN && b.value.isNaN))
        }
    }
}

extension LongCSVTests {
    @Test func unitsAcrossFilesAreConvertedOrRejected() throws {
        let a = ("a.csv", "region,indicator,year,value,unit\nA,rev,2022,186.87,亿元\n")
        let converted = try PanelReader().read(texts: [a, ("b.csv", "region,indicator,year,value,unit\nA,rev,2023,1900000,万元\n")])
        #expect(PanelIndex(converted).history(region: "A", indicator: "rev").values == [186.87, 190])
        #expect(converted.warnings == [.convertedToEarlierFiles(file: "b.csv", count: 1)])
        #expect { try PanelReader().read(texts: [a, ("c.csv", "region,indicator,year,value,unit\nA,rev,2023,5,人\n")]) } throws: { e in
            String(describing: e).hasPrefix("c.csv:2: column 'unit' holds '人', expected the unit '亿元'")
        }
    }
}

extension LongCSVTests {
    /// The same value in two files is an error naming both; a target beside an actual value of the same year, or
    /// the same year of another series, is not.
    @Test func theSameValueInTwoFilesIsAnError() throws {
        let history = ("h.csv", "region,indicator,year,value\nA,gdp,2022,1\nA,gdp,2023,2\nB,gdp,2023,3\n")
        let targets = ("t.csv", "region,indicator,year,value,kind\nA,gdp,2023,2.5,target\nB,gdp,2024,4,target\n")
        let fine = try PanelReader().read(texts: [history, targets, ("c.csv", "region,indicator,year,value\nC,gdp,2023,9\nA,gdp,2021,0.5\n")])
        #expect(fine.observations.count == 7)
        #expect { try PanelReader().read(texts: [history, targets, ("d.csv", "region,indicator,year,value\nC,gdp,2023,9\nB,gdp,2023,3.1\n")]) } throws: { e in
            String(describing: e) == "d.csv:3: duplicate observation B / gdp / 2023, also given in h.csv:4, first given on line 4"
        }
    }
}
