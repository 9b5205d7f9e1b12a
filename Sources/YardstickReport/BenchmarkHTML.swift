import Foundation
import Yardstick

extension BenchmarkRenderer {
    /// One self-contained page: the tables, and a chart of every region's rank interval (5th to 95th percentile of
    /// the draws, the median as a dot, the nominal rank as a tick), the focal region in colour.
    public static func html(_ d: BenchmarkDocument) -> String {
        let e = HTMLReport.escape
        var h = "<!DOCTYPE html>\n<html lang=\"\(d.language == .zh ? "zh-CN" : "en")\"><head><meta charset=\"utf-8\"/>"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>\(e(d.title))</title><style>\(HTMLReport.css)"
        h += "\(css)</style></head><body><main>"
        h += "<h1>\(e(d.title))</h1>" + htmlBody(d, level: 2)
        return h + "</main></body></html>\n"
    }

    static let css = "tr.focus td{font-weight:700;background:#fff4d6}td.n{white-space:nowrap}"

    /// The body (a report's peer section reuses it), with headings at `level`.
    static func htmlBody(_ d: BenchmarkDocument, level: Int) -> String {
        let e = HTMLReport.escape
        var h = "<ul class=\"sub\">" + d.method.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
        for (number, t) in d.tables.enumerated() {
            h += "<h\(level)>\(e(t.title))</h\(level)>" + html(t)
            if number == 0, !d.intervals.isEmpty { h += intervals(d) }
        }
        if !d.findings.isEmpty { h += "<h\(level)>\(e(d.labels.rankHistories))</h\(level)><ul class=\"findings\">" + d.findings.map { "<li>\(e($0))</li>" }.joined() + "</ul>" }
        if !d.notes.isEmpty { h += "<h\(level)>\(e(d.labels.comparisonNotes))</h\(level)><ul>" + d.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>" }
        return h
    }

    /// A table (its title apart), focal rows marked; backtests reuse it.
    static func html(_ t: BenchmarkDocument.Table) -> String {
        let e = HTMLReport.escape
        var h = "<div class=\"scroll\"><table><thead><tr>"
        h += zip(t.header, t.rightAligned).map { "<th style=\"text-align:\($1 ? "right" : "left")\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
        for (row, focus) in zip(t.rows, t.focus) {
            h += "<tr\(focus ? " class=\"focus\"" : "")>" + zip(row, t.rightAligned).map { $1 ? "<td class=\"n\" style=\"text-align:right\">\(e($0))</td>" : "<td>\(e($0))</td>" }.joined() + "</tr>"
        }
        return h + "</tbody></table></div>"
    }

    /// The rank-interval chart, one row per region (at most 60, the focal region always among them).
    static func intervals(_ d: BenchmarkDocument) -> String {
        let e = HTMLReport.escape, l = d.labels
        var shown = Array(d.intervals.prefix(60))
        if let focus = d.intervals.first(where: \.focus), !shown.contains(where: \.focus) { shown.append(focus) }
        let left = 150.0, width = 820.0, rowHeight = 18.0, top = 30.0, n = Double(max(d.ranked, 2))
        let height = top + rowHeight * Double(shown.count) + 10
        func x(_ rank: Int) -> Double { left + (width - left - 20) * (Double(rank) - 1) / (n - 1) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let title = l.pick("Rank and its 5–95% interval over the draws (dot: median; tick: nominal rank)", "排名及其5–95%区间（圆点：中位数；短线：名义排名）")
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"ri-t\"><title id=\"ri-t\">\(e(title))</title>"
        // Ticks at 1 and at round steps (1, 2 or 5 times a power of ten), at most eight.
        let steps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]
        let step = steps.first { Int(n) / $0 <= 7 } ?? 10000
        for t in [1] + Array(stride(from: step, through: Int(n), by: step)).filter({ $0 > 1 }) {
            s += "<line x1=\"\(f(x(t)))\" x2=\"\(f(x(t)))\" y1=\"\(Int(top - 8))\" y2=\"\(f(height - 6))\" class=\"grid\"/>"
            s += "<text x=\"\(f(x(t)))\" y=\"\(Int(top - 12))\" class=\"tick\" text-anchor=\"middle\">\(t)</text>"
        }
        for (k, i) in shown.enumerated() {
            let y = top + rowHeight * Double(k) + rowHeight / 2, colour = i.focus ? "#c73a2f" : "#44515a"
            s += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 4))\" class=\"label\" text-anchor=\"end\"\(i.focus ? " font-weight=\"700\"" : "")>\(e(i.label))</text>"
            s += "<line x1=\"\(f(x(i.low)))\" x2=\"\(f(x(i.high)))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"\(colour)\" stroke-width=\"3\"/>"
            s += "<circle cx=\"\(f(x(i.median)))\" cy=\"\(f(y))\" r=\"4\" fill=\"\(colour)\"><title>\(e(i.label)): \(i.nominal) (\(i.low)–\(i.high))</title></circle>"
            s += "<line x1=\"\(f(x(i.nominal)))\" x2=\"\(f(x(i.nominal)))\" y1=\"\(f(y - 6))\" y2=\"\(f(y + 6))\" stroke=\"#1d2327\" stroke-width=\"1.5\"/>"
        }
        return s + "</svg>"
    }
}
