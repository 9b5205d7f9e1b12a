import Yardstick

/// The report as one self-contained HTML page: inline CSS and SVG, no external resource of any kind, readable on a
/// phone and printable, with a table beside every chart. The markup is well-formed XML (XHTML syntax).
public enum HTMLReport {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let css = """
        :root{--ink:#1d2327;--muted:#5f6b73;--line:#d9dee2}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif;color:var(--ink);line-height:1.5;background:#fff}
        main{max-width:980px;margin:0 auto;padding:16px}
        h1{font-size:1.6rem;margin:.2em 0}h2{font-size:1.2rem;margin-top:1.6em;border-bottom:1px solid var(--line)}
        .headline{font-size:1.1rem;font-weight:600}.sub{color:var(--muted);font-size:.9rem}
        .counts{display:flex;flex-wrap:wrap;gap:8px;margin:10px 0}.count{border-radius:6px;padding:4px 10px;color:#fff;font-weight:600}
        table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{padding:4px 6px;border-bottom:1px solid var(--line);text-align:right;vertical-align:top}
        th:first-child,td:first-child,td.status,th.status{text-align:left}.scroll{overflow-x:auto}.scroll table{min-width:640px}td:first-child{min-width:8em}td{overflow-wrap:anywhere}
        .status{font-weight:600;white-space:nowrap}
        .s-met{color:#1b7a3a}.s-on_track{color:#2e9e4f}.s-at_risk{color:#a87300}.s-off_track{color:#c73a2f}.s-missed{color:#8e1f17}.s-not_assessable{color:#7a7a7a}
        .b-met{background:#1b7a3a}.b-on_track{background:#2e9e4f}.b-at_risk{background:#c98a00}.b-off_track{background:#c73a2f}.b-missed{background:#8e1f17}.b-not_assessable{background:#7a7a7a}
        ul.findings li{margin:.35em 0}
        .card{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:12px;border-left:5px solid var(--line);padding:8px 12px;margin:14px 0;break-inside:avoid}
        .card h3{grid-column:1/-1;margin:0;font-size:1rem}.card table{align-self:start}
        svg.chart{width:100%;height:auto}.grid{stroke:#eceff1;stroke-width:1}.tick{font-size:11px;fill:var(--muted)}.label{font-size:12px;fill:var(--ink)}
        .fit{fill:none;stroke:#44515a;stroke-width:2}.projection{fill:none;stroke-width:2;stroke-dasharray:6 4}
        .band{fill:#9aa9b5}.band0{fill-opacity:.22}.band1{fill-opacity:.35}
        .point{fill:#1d2327}.point.preliminary{fill:#fff;stroke:#1d2327;stroke-width:2}.point.derived{fill:#9aa0a6}.point.bound{fill:#5f6b73}
        .legend{font-size:.85rem;color:var(--muted)}
        @media (max-width:640px){.card{grid-template-columns:1fr}main{padding:10px}th,td{padding:3px}}
        @media print{main{max-width:none}.card{page-break-inside:avoid}a{color:inherit}}
        tr.focus td{font-weight:700;background:#fff4d6}td.n{white-space:nowrap}
        """

    public static func render(_ d: ReportDocument) -> String {
        let l = d.labels
        var h = "<!DOCTYPE html>\n<html lang=\"\(d.language == .zh ? "zh-CN" : "en")\"><head><meta charset=\"utf-8\"/>"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>\(escape(d.title))</title><style>\(css)</style></head><body><main>"
        h += "<h1>\(escape(d.title))</h1><p class=\"headline\">\(escape(d.headline))</p><p class=\"sub\">\(escape(d.subtitle))</p>"
        h += "<div class=\"counts\">" + d.counts.filter { $0.count > 0 }.map {
            "<span class=\"count b-\($0.status.rawValue)\">\($0.count) \(escape($0.label))</span>"
        }.joined() + "</div>"
        h += "<h2>\(escape(l.scorecard))</h2><div class=\"scroll\"><table><thead><tr>"
        h += l.columns.enumerated().map { "<th\($0.offset == 7 ? " class=\"status\"" : "")>\(escape($0.element))</th>" }.joined() + "</tr></thead><tbody>"
        for r in d.rows {
            h += "<tr>" + [r.indicator, r.latest, r.target, r.required, r.trend, r.probability, r.basis].map { "<td>\(escape($0))</td>" }.joined()
            h += "<td class=\"status s-\(r.status.rawValue)\">\(escape(r.statusLabel))</td></tr>"
        }
        h += "</tbody></table></div>"
        if !d.bars.isEmpty {
            h += "<h2>\(escape(l.summary))</h2>" + SVGChart.bars(d.bars, labels: l, title: l.summary)
        }
        if !d.findings.isEmpty {
            h += "<h2>\(escape(l.findings))</h2><ul class=\"findings\">"
            h += d.findings.map { "<li><span class=\"status s-\($0.status.rawValue)\">■</span> \(escape($0.text))</li>" }.joined() + "</ul>"
        }
        if !d.charts.isEmpty {
            h += "<h2>\(escape(l.charts))</h2><p class=\"legend\">"
            h += escape(d.language == .zh ? "● 实际值　○ 预计值　● 灰色 推算值　▲ 上下限　— 拟合趋势　- - 预测　阴影 80%/95% 预测区间　彩色线 目标"
                        : "● actual   ○ preliminary   grey ● derived   ▲ bound   — fitted trend   - - projection   shading 80%/95% prediction intervals   coloured line: target")
            h += "</p>"
            for c in d.charts {
                h += "<section class=\"card\" style=\"border-left-color:\(SVGChart.colour(c.status))\"><h3>\(escape(c.title)) <span class=\"status s-\(c.status.rawValue)\">\(escape(l.status(c.status)))</span></h3>"
                h += "<div>\(SVGChart.render(c, labels: l))</div><table><thead><tr><th>\(escape(l.year))</th><th>\(escape(l.value)) (\(escape(c.unit)))</th></tr></thead><tbody>"
                h += c.table.map { "<tr><td>\(escape($0.0))</td><td>\(escape($0.1))</td></tr>" }.joined()
                h += "</tbody></table></section>"
            }
        }
        if !d.unassessed.isEmpty {
            h += "<h2>\(escape(l.unassessedTitle))</h2><ul>"
            for g in d.unassessed {
                h += "<li>\(escape(g.heading)) (\(g.items.count))<ul>"
                h += g.items.map { "<li>\(escape($0.name)): \(escape(l.pick("needs ", "需要") + $0.remedy))</li>" }.joined() + "</ul></li>"
            }
            h += "</ul>"
        }
        if let peers = d.peers {
            h += "<h2>\(escape(l.peers)): \(escape(peers.title))</h2>" + BenchmarkRenderer.htmlBody(peers, level: 3)
        }
        if let b = d.backtest { h += "<h2>\(escape(b.title))</h2>" + BacktestRenderer.htmlBody(b, level: 3, tables: 2) }
        if !d.caveats.isEmpty {
            h += "<h2>\(escape(l.caveats))</h2><ul>" + d.caveats.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
        }
        return h + "</main></body></html>\n"
    }
}
