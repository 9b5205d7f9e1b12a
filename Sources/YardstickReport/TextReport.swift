import Yardstick

/// The report for a terminal: headline, scorecard with aligned columns, findings, caveats. Status words are
/// coloured only when `colour` is true (the command line passes true only for a terminal without `NO_COLOR`).
public enum TextReport {
    /// Whether to colour: only on a terminal, and never when `NO_COLOR` is set to anything (no-color.org).
    public static func shouldColour(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && environment["NO_COLOR"] == nil
    }

    static func ansi(_ s: TargetStatus) -> String {
        switch s {
        case .met, .onTrack: "\u{1B}[32m"
        case .atRisk: "\u{1B}[33m"
        case .offTrack, .missed: "\u{1B}[31m"
        case .notAssessable: "\u{1B}[2m"
        }
    }

    public static func render(_ d: ReportDocument, colour: Bool) -> String {
        func paint(_ text: String, _ s: TargetStatus) -> String { colour ? ansi(s) + text + "\u{1B}[0m" : text }
        var lines = [colour ? "\u{1B}[1m\(d.title)\u{1B}[0m" : d.title, d.headline, ""]
        var table = TextTable(header: d.labels.columns, alignments: [.left, .right, .right, .right, .right, .right, .left, .left])
        for r in d.rows { table.append([r.indicator, r.latest, r.target, r.required, r.trend, r.probability, r.basis, r.statusLabel]) }
        var rendered = table.rendered().split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if colour {
            // Colour the status cell after alignment, so that escape codes do not count as width.
            for (i, r) in d.rows.enumerated() where rendered.indices.contains(i + 2) && rendered[i + 2].hasSuffix(r.statusLabel) {
                rendered[i + 2] = String(rendered[i + 2].dropLast(r.statusLabel.count)) + paint(r.statusLabel, r.status)
            }
        }
        lines += rendered
        if !d.findings.isEmpty {
            lines += ["", d.labels.findings]
            lines += d.findings.map { "• " + $0.text }
        }
        if !d.unassessed.isEmpty {
            lines += ["", d.labels.unassessedTitle]
            for g in d.unassessed {
                lines.append("• " + g.heading + " (\(g.items.count))")
                lines += g.items.map { "    - \($0.name): " + d.labels.pick("needs ", "需要") + $0.remedy }
            }
        }
        if let peers = d.peers {
            lines += ["", colour ? "\u{1B}[1m\(d.labels.peers): \(peers.title)\u{1B}[0m" : "\(d.labels.peers): \(peers.title)"]
            lines += BenchmarkRenderer.textBody(peers, colour: colour)
        }
        if let b = d.backtest {
            lines += ["", colour ? "\u{1B}[1m\(b.title)\u{1B}[0m" : b.title] + BacktestRenderer.textBody(b, tables: 2)
        }
        if !d.caveats.isEmpty {
            lines += ["", d.labels.caveats]
            lines += d.caveats.map { "• " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The report as GitHub-flavoured Markdown, for a memo.
public enum MarkdownReport {
    static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }

    public static func render(_ d: ReportDocument) -> String {
        var lines = ["# \(d.title)", "", "**\(d.headline)**", "", "_\(d.subtitle)_", "", "## \(d.labels.scorecard)", ""]
        lines.append("| " + d.labels.columns.map(cell).joined(separator: " | ") + " |")
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |")
        for r in d.rows {
            lines.append("| " + [r.indicator, r.latest, r.target, r.required, r.trend, r.probability, r.basis, r.statusLabel].map(cell).joined(separator: " | ") + " |")
        }
        if !d.findings.isEmpty {
            lines += ["", "## \(d.labels.findings)", ""]
            lines += d.findings.map { "- " + $0.text }
        }
        if !d.unassessed.isEmpty {
            lines += ["", "## \(d.labels.unassessedTitle)", ""]
            for g in d.unassessed {
                lines.append("- **\(cell(g.heading))** (\(g.items.count))")
                lines += g.items.map { "  - \($0.name): " + d.labels.pick("needs ", "需要") + $0.remedy }
            }
        }
        if let peers = d.peers {
            lines += ["", "## \(d.labels.peers): \(peers.title)", ""] + BenchmarkRenderer.markdownBody(peers, level: 3)
        }
        if let b = d.backtest { lines += ["", "## \(b.title)", ""] + BacktestRenderer.markdownBody(b, level: 3, tables: 2) }
        if !d.caveats.isEmpty {
            lines += ["", "## \(d.labels.caveats)", ""]
            lines += d.caveats.map { "- " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The report as JSON: the headline, the `gap` JSON of every target (the same schema, not another), the findings
/// and the caveats. `{"title", "headline", "counts": {status: N}, "targets": [...], "findings": [{text, status}],
/// "caveats": [...]}`.
public enum ReportJSON {
    public static func render(_ d: ReportDocument) -> String {
        let targets: JSONValue
        if case let .object(pairs) = GapRenderer.json(d.assessments, labels: d.labels), let t = pairs.first?.1 { targets = t } else { targets = .array([]) }
        return JSONValue.object([
            ("title", .string(d.title)), ("language", .string(d.language.rawValue)), ("headline", .string(d.headline)),
            ("counts", .object(d.counts.map { ($0.status.rawValue, .integer($0.count)) })),
            ("targets", targets),
            ("findings", .array(d.findings.map { .object([("text", .string($0.text)), ("status", .string($0.status.rawValue))]) })),
            ("caveats", .array(d.caveats.map(JSONValue.string))),
            ("peers", d.peerFindings.map { BenchmarkRenderer.json($0, labels: d.labels) } ?? .null),
            ("backtest", d.backtestResult.map { BacktestRenderer.json($0, labels: d.labels) } ?? .null),
        ]).rendered() + "\n"
    }
}
