import Foundation
import Yardstick

extension BacktestRenderer {
    /// One self-contained page: the method, the reliability diagram, and the tables.
    public static func html(_ d: BacktestDocument) -> String {
        let e = HTMLReport.escape
        var h = "<!DOCTYPE html>\n<html lang=\"\(d.language == .zh ? "zh-CN" : "en")\"><head><meta charset=\"utf-8\"/>"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>\(e(d.title))</title><style>\(HTMLReport.css)</style></head><body><main>"
        h += "<h1>\(e(d.title))</h1>" + htmlBody(d, level: 2, tables: d.tables.count)
        return h + "</main></body></html>\n"
    }

    /// The method, the reliability diagram and the first `tables` tables, with headings at `level`.
    static func htmlBody(_ d: BacktestDocument, level: Int, tables: Int) -> String {
        let e = HTMLReport.escape
        var h = "<ul class=\"sub\">" + d.method.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
        for (k, t) in d.tables.prefix(tables).enumerated() {
            h += "<h\(level)>\(e(t.title))</h\(level)>"
            if k == 1 { h += reliability(d) }
            h += BenchmarkRenderer.html(t)
        }
        return h
    }

    /// The reliability diagram: each bin's share met against its mean probability (a dot sized by its count), the
    /// 90% band of a calibrated share as a bar, and the diagonal of perfect calibration.
    static func reliability(_ d: BacktestDocument) -> String {
        let e = HTMLReport.escape, l = d.labels
        let size = 360.0, left = 48.0, top = 16.0, plot = size - left - 24
        func x(_ p: Double) -> Double { left + p * plot }
        func y(_ p: Double) -> Double { top + (1 - p) * plot }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let title = l.pick("Reliability diagram: share of targets met against the probability given (bars: the 90% band if calibrated)",
                           "可靠性图：目标完成比例与事前概率（竖线：若校准则90%落在其中的区间）")
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(size)) \(Int(size))\" role=\"img\" aria-labelledby=\"rd-t\"><title id=\"rd-t\">\(e(title))</title>"
        for t in stride(from: 0.0, through: 1.0, by: 0.2) {
            s += "<line x1=\"\(f(x(0)))\" x2=\"\(f(x(1)))\" y1=\"\(f(y(t)))\" y2=\"\(f(y(t)))\" class=\"grid\"/>"
            s += "<text x=\"\(f(x(0) - 6))\" y=\"\(f(y(t) + 4))\" class=\"tick\" text-anchor=\"end\">\(NumberFormat.fixed(t, 1))</text>"
            s += "<text x=\"\(f(x(t)))\" y=\"\(f(y(0) + 16))\" class=\"tick\" text-anchor=\"middle\">\(NumberFormat.fixed(t, 1))</text>"
        }
        s += "<line x1=\"\(f(x(0)))\" y1=\"\(f(y(0)))\" x2=\"\(f(x(1)))\" y2=\"\(f(y(1)))\" stroke=\"#8a949b\" stroke-dasharray=\"4 3\"/>"
        let largest = Double(d.bins.map(\.count).max() ?? 1)
        for b in d.bins {
            let colour = b.inBand ? "#2f7d4a" : "#c73a2f"
            s += "<line x1=\"\(f(x(b.meanProbability)))\" x2=\"\(f(x(b.meanProbability)))\" y1=\"\(f(y(b.band.lowerBound)))\" y2=\"\(f(y(b.band.upperBound)))\" stroke=\"\(colour)\" stroke-width=\"6\" stroke-opacity=\"0.3\"/>"
            let r = 3 + 7 * (Double(b.count) / largest).squareRoot()
            let tip = l.pick("\(l.binLabel(b)): \(l.count(b.count, "target", "targets", zh: "")), mean probability \(NumberFormat.fixed(b.meanProbability, 2)), share met \(NumberFormat.fixed(b.observed, 2))",
                             "\(l.binLabel(b))：\(b.count)项目标，平均概率\(NumberFormat.fixed(b.meanProbability, 2))，完成比例\(NumberFormat.fixed(b.observed, 2))")
            s += "<circle cx=\"\(f(x(b.meanProbability)))\" cy=\"\(f(y(b.observed)))\" r=\"\(f(r))\" fill=\"\(colour)\"><title>\(e(tip))</title></circle>"
        }
        s += "<text x=\"\(f(x(0.5)))\" y=\"\(f(size - 2))\" class=\"tick\" text-anchor=\"middle\">\(e(l.pick("probability given", "事前概率")))</text>"
        s += "<text x=\"12\" y=\"\(f(y(0.5)))\" class=\"tick\" text-anchor=\"middle\" transform=\"rotate(-90 12 \(f(y(0.5))))\">\(e(l.pick("share met", "完成比例")))</text>"
        return s + "</svg>"
    }
}
