import Testing
@testable import YardstickReport

/// The number a reader takes in (#15): one rule per row, in both languages.
@Suite("Number formatting policy")
struct NumberPolicyTests {
    @Test(arguments: [
        (0.0, "0", "0"), (0.15881, "0.1588", "0.1588"), (173.2651, "173.3", "173.3"),   // four significant digits
        (-0.084561, "-0.08456", "-0.08456"), (8456.7, "8457", "8457"),                      // below 10 000: as it is
        (12_345.6, "12,350", "1.235万"), (-987_654.0, "-987,700", "-98.77万"),             // thousands; 万
        (827_965_489.0, "828 M", "8.28亿"), (-41_579_100_000.0, "-41.58 bn", "-415.8亿"), // M and bn; 亿
        (3.2e13, "32 tn", "32万亿"), (1e16, "1.000e+16", "1.000e+16"), (0.00001234, "1.234e-05", "1.234e-05"),
        (Double.nan, "–", "–"), (Double.infinity, "–", "–"),
    ])
    func readable(_ x: Double, _ english: String, _ chinese: String) {
        #expect(NumberFormat.readable(x, language: .en) == english)
        #expect(NumberFormat.readable(x, language: .zh) == chinese)
    }
}

extension NumberPolicyTests {
    /// A value of the data keeps the digits it was given with (up to six), in the same words.
    @Test(arguments: [(3902.4, "3902.4", "3902.4"), (12_050.0, "12,050", "1.205万"), (390.2738, "390.274", "390.274"),
                      (1_200.0, "1200", "1200"), (98_085_500_000.0, "98.0855 bn", "980.855亿"), (5.5, "5.5", "5.5")])
    func dataKeepsItsDigits(_ x: Double, _ english: String, _ chinese: String) {
        #expect(NumberFormat.data(x, language: .en) == english)
        #expect(NumberFormat.data(x, language: .zh) == chinese)
    }
}

extension NumberPolicyTests {
    /// Changes a year: growth as a percent with one decimal; percentage points always with two decimals (a column's
    /// changes read alike); other units with three significant digits.
    @Test(arguments: [(1.5, false, "%", "+1.50 pp", "+1.50个百分点"), (0.0895, false, "%", "+0.09 pp", "+0.09个百分点"),
                      (-0.001, false, "%", "0.00 pp", "0.00个百分点"), (0.001, false, "%", "0.00 pp", "0.00个百分点"), (0.124, true, "家", "12.4%", "12.4%"),
                      (-3.0, false, "位", "-3 位", "-3 位")])
    func changes(_ x: Double, _ growth: Bool, _ unit: String, _ english: String, _ chinese: String) {
        #expect(ReportLabels(language: .en).change(x, growth: growth, unit: unit) == english)
        #expect(ReportLabels(language: .zh).change(x, growth: growth, unit: unit) == chinese)
    }
}

extension NumberPolicyTests {
    /// A value with its unit keeps the data's digits; changes in units other than percent read like other numbers.
    @Test(arguments: [(3.27, "% of GDP", "3.27% of GDP", "3.27% of GDP"), (12_050.0, "家", "12,050 家", "1.205万 家"),
                      (98_085_500_000.0, "元", "98.0855 bn 元", "980.855亿 元")])
    func amounts(_ x: Double, _ unit: String, _ english: String, _ chinese: String) {
        #expect(ReportLabels(language: .en).amount(x, unit: unit) == english)
        #expect(ReportLabels(language: .zh).amount(x, unit: unit) == chinese)
    }

    @Test(arguments: [(12_345.0, "家", "+12,300 家", "+1.23万 家"), (-2_500_000.0, "人", "-2.5 M 人", "-250万 人")])
    func largeChanges(_ x: Double, _ unit: String, _ english: String, _ chinese: String) {
        #expect(ReportLabels(language: .en).change(x, growth: false, unit: unit) == english)
        #expect(ReportLabels(language: .zh).change(x, growth: false, unit: unit) == chinese)
    }

    /// Singular and plural: one year on record is not "the 1 year".
    @Test(arguments: [(0, 1, "this target asks for growth not seen in the one year on record"),
                      (1, 1, "this target asks for growth seen in the one year on record"),
                      (2, 9, "this target asks for growth seen in 2 of the 9 years on record")])
    func ambitionPlurals(_ seen: Int, _ of: Int, _ english: String) {
        #expect(ReportLabels(language: .en).note(.ambition(measure: .growth, seen: seen, of: of), home: "") == english)
    }
}

extension NumberPolicyTests {
    /// Counts in English sentences get thousands separators and agree with their noun.
    @Test(arguments: [(0, "0 values"), (1, "1 value"), (999, "999 values"), (1_102, "1,102 values"), (1_234_567, "1,234,567 values")])
    func counts(_ n: Int, _ english: String) {
        #expect(ReportLabels(language: .en).count(n, "value", "values", zh: "个") == english)
        #expect(ReportLabels(language: .zh).count(n, "value", "values", zh: "个") == "\(n)个")
    }
}

extension NumberPolicyTests {
    /// Probabilities in whole percents, never "0%" or "100%" for one that is neither.
    @Test(arguments: [(0.0, "0%"), (0.00108, "<1%"), (0.0049, "<1%"), (0.005, "1%"), (0.42, "42%"), (0.9949, "99%"),
                      (0.995, ">99%"), (0.99999, ">99%"), (1.0, "100%"), (Double.nan, "–")])
    func probabilities(_ p: Double, _ text: String) {
        #expect(NumberFormat.probability(p) == text)
    }

    /// A unit that names a magnitude takes no second one in Chinese.
    @Test(arguments: [(71_488.0, "万吨", "71,488", "71488"), (65_000.0, "万吨", "65,000", "65000"), (3_902.4, "亿元", "3902.4", "3902.4"),
                      (12_050.0, "家", "12,050", "1.205万")])
    func magnitudeUnits(_ x: Double, _ unit: String, _ english: String, _ chinese: String) {
        #expect(NumberFormat.data(x, language: .en, unit: unit) == english)
        #expect(NumberFormat.data(x, language: .zh, unit: unit) == chinese)
    }
}
