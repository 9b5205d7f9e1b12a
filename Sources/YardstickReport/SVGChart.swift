import Foundation
import Yardstick

/// Inline SVG for one indicator: history points, the fitted trend, the projection with its prediction bands, the
/// target (a line, or a band for a range), in the status colour. Layout only: data values are mapped to the drawing
/// area and axis ticks chosen at round numbers.
enum SVGChart {
    static let width = 640.0, height = 260.0
    static let left = 56.0, right = 16.0, top = 16.0, bottom = 32.0

    static func colour(_ s: TargetStatus) -> String {
        switch s {
        case .met: "#1b7a3a"
        case .onTrack: "#2e9e4f"
        case .atRisk: "#c98a00"
        case .offTrack: "#c73a2f"
        case .missed: "#8e1f17"
        case .notAssessable: "#7a7a7a"
        }
    }

    /// Round tick values covering [lo, hi] (1, 2 or 5 times a power of ten apart).
    static func ticks(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        guard hi > lo else { return [lo] }
        let raw = (hi - lo) / Double(count)
        let p = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * p }.first { $0 >= raw } ?? raw
        var t = ceil(lo / step) * step, out: [Double] = []
        while t <= hi + step * 1e-9 { out.append(abs(t) < step * 1e-9 ? 0 : t); t += step }
        return out
    }

    static func render(_ c: ReportDocument.Chart, labels: ReportLabels) -> String {
        var ys = c.history.map(\.value) + c.fitted.map(\.value) + c.projected.flatMap { [$0.mean] + $0.intervals.flatMap { [$0.lower, $0.upper] } }
        if let lo = c.targetLow { ys.append(lo) }
        if let hi = c.targetHigh { ys.append(hi) }
        ys = ys.filter(\.isFinite)
        let x0 = Double((c.history.map(\.year) + c.fitted.map(\.year)).min() ?? c.targetYear) - 0.5
        let x1 = Double(max(c.targetYear, c.history.map(\.year).max() ?? c.targetYear)) + 0.5
        var y0 = ys.min() ?? 0, y1 = ys.max() ?? 1
        if y1 - y0 < 1e-9 * max(1, abs(y1)) { y0 -= 1; y1 += 1 }
        let pad = (y1 - y0) * 0.08
        y0 -= pad; y1 += pad
        func px(_ x: Double) -> Double { left + (x - x0) / (x1 - x0) * (width - left - right) }
        func py(_ y: Double) -> Double { top + (y1 - y) / (y1 - y0) * (height - top - bottom) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let stroke = colour(c.status)
        var s = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"t-\(c.id) d-\(c.id)\" class=\"chart\">"
        s += "<title id=\"t-\(c.id)\">\(HTMLReport.escape(c.title))</title><desc id=\"d-\(c.id)\">\(HTMLReport.escape(c.description))</desc>"
        // Axes and grid.
        for t in ticks(y0, y1) {
            s += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(py(t)))\" y2=\"\(f(py(t)))\" class=\"grid\"/>"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(py(t) + 4))\" class=\"tick\" text-anchor=\"end\">\(NumberFormat.readable(t, language: labels.language))</text>"
        }
        let years = Int(ceil(x0))...Int(floor(x1))
        let every = max(1, years.count / 8)
        for y in years where (y - years.lowerBound) % every == 0 {
            s += "<text x=\"\(f(px(Double(y))))\" y=\"\(f(height - 10))\" class=\"tick\" text-anchor=\"middle\">\(y)</text>"
        }
        // Prediction bands, widest first, joined to the last fitted point.
        if !c.projected.isEmpty, let last = c.fitted.last {
            let levels = c.projected[0].intervals.indices
            for k in levels {
                var upper = ["\(f(px(Double(last.year)))),\(f(py(last.value)))"], lower: [String] = []
                for b in c.projected where b.intervals.indices.contains(k) {
                    upper.append("\(f(px(Double(b.year)))),\(f(py(b.intervals[k].upper)))")
                    lower.insert("\(f(px(Double(b.year)))),\(f(py(b.intervals[k].lower)))", at: 0)
                }
                s += "<polygon points=\"\((upper + lower).joined(separator: " "))\" class=\"band band\(k)\"/>"
            }
        }
        // Target: a band or a line over the target year.
        if let lo = c.targetLow, let hi = c.targetHigh {
            let xa = px(Double(c.targetYear) - 0.45), xb = px(Double(c.targetYear) + 0.45)
            if hi > lo {
                s += "<rect x=\"\(f(xa))\" y=\"\(f(py(hi)))\" width=\"\(f(xb - xa))\" height=\"\(f(py(lo) - py(hi)))\" fill=\"\(stroke)\" fill-opacity=\"0.25\"/>"
            }
            s += "<line x1=\"\(f(xa))\" x2=\"\(f(xb))\" y1=\"\(f(py(lo)))\" y2=\"\(f(py(lo)))\" stroke=\"\(stroke)\" stroke-width=\"3\"/>"
            s += "<text x=\"\(f(xa - 4))\" y=\"\(f(py(hi) - 6))\" class=\"tick\" text-anchor=\"end\" fill=\"\(stroke)\">\(HTMLReport.escape(c.targetLabel))</text>"
        }
        // Fitted trend and projection.
        if c.fitted.count >= 2 {
            s += "<polyline points=\"\(c.fitted.map { "\(f(px(Double($0.year)))),\(f(py($0.value)))" }.joined(separator: " "))\" class=\"fit\"/>"
        }
        if let last = c.fitted.last, !c.projected.isEmpty {
            let pts = [(last.year, last.value)] + c.projected.map { ($0.year, $0.mean) }
            s += "<polyline points=\"\(pts.map { "\(f(px(Double($0.0)))),\(f(py($0.1)))" }.joined(separator: " "))\" class=\"projection\" stroke=\"\(stroke)\"/>"
        }
        // History points: filled actual, hollow preliminary, grey derived, triangles for bounds.
        for p in c.history {
            let x = px(Double(p.year)), y = py(p.value)
            switch p.kind {
            case "lower_bound", "upper_bound":
                let d = p.kind == "lower_bound" ? -6.0 : 6.0
                s += "<path d=\"M\(f(x - 5)),\(f(y)) L\(f(x + 5)),\(f(y)) L\(f(x)),\(f(y + d)) Z\" class=\"point bound\"><title>\(p.year): \(NumberFormat.data(p.value, language: labels.language, unit: c.unit)) (\(labels.kind(PointKind(rawValue: p.kind)!)))</title></path>"
            default:
                let cls = p.kind == "actual" ? "point" : "point \(p.kind)"
                s += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"4\" class=\"\(cls)\"><title>\(p.year): \(NumberFormat.data(p.value, language: labels.language, unit: c.unit))\(p.kind == "actual" ? "" : " (\(labels.kind(PointKind(rawValue: p.kind) ?? .actual)))")</title></circle>"
            }
        }
        return s + "</svg>"
    }

    /// Horizontal bars of the probability of meeting each target (an empty bar marked n/a when not assessable).
    static func bars(_ bars: [ReportDocument.Bar], labels: ReportLabels, title: String) -> String {
        let row = 22.0, labelWidth = 250.0, w = 640.0
        let h = Double(bars.count) * row + 30
        var s = "<svg viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\" aria-labelledby=\"t-summary\" class=\"chart\"><title id=\"t-summary\">\(HTMLReport.escape(title))</title>"
        for (i, t) in [0.0, 0.25, 0.5, 0.75, 1].enumerated() {
            let x = labelWidth + t * (w - labelWidth - 20)
            s += "<line x1=\"\(Int(x))\" x2=\"\(Int(x))\" y1=\"4\" y2=\"\(Int(h - 22))\" class=\"grid\"/><text x=\"\(Int(x))\" y=\"\(Int(h - 6))\" class=\"tick\" text-anchor=\"middle\">\(i * 25)%</text>"
        }
        for (i, b) in bars.enumerated() {
            let y = 6 + Double(i) * row
            s += "<text x=\"\(Int(labelWidth - 8))\" y=\"\(Int(y + 13))\" class=\"label\" text-anchor=\"end\">\(HTMLReport.escape(b.label.count > 28 ? String(b.label.prefix(27)) + "…" : b.label))</text>"
            if let p = b.probability {
                s += "<rect x=\"\(Int(labelWidth))\" y=\"\(Int(y + 2))\" width=\"\(String(format: "%.1f", p * (w - labelWidth - 20)))\" height=\"14\" fill=\"\(colour(b.status))\"><title>\(HTMLReport.escape(b.label)): \(NumberFormat.probability(p)), \(HTMLReport.escape(b.statusLabel))</title></rect>"
            } else {
                s += "<text x=\"\(Int(labelWidth + 4))\" y=\"\(Int(y + 13))\" class=\"tick\">\(HTMLReport.escape(labels.notAssessable))</text>"
            }
        }
        return s + "</svg>"
    }
}
