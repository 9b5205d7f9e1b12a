import Testing
import YardstickReport

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
