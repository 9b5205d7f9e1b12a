import Yardstick

/// Renders a ``PanelSummary`` (`yardstick inspect`).
public enum InspectRenderer {
    /// `{"regions": N, "indicators": N, "observations": N, "targets": N, "first_period", "last_period",
    /// "skipped": N, "missing_values": N, "skipped_by_option": N, "warnings": [...], "region_names": [...],
    /// "coverage": [{indicator, name, unit, direction, kind, regions, values, bounds, targets, preliminary, first, last}]}`.
    /// Warnings are `{code, text, params}` objects, worded by `labels`.
    public static func json(_ s: PanelSummary, labels: ReportLabels = ReportLabels(language: .en)) -> JSONValue {
        .object([
            ("regions", .integer(s.regions.count)), ("indicators", .integer(s.indicators)),
            ("observations", .integer(s.observations)), ("targets", .integer(s.targets)),
            ("first_period", s.firstPeriod.map { .string($0.description) } ?? .null),
            ("last_period", s.lastPeriod.map { .string($0.description) } ?? .null),
            ("skipped", .integer(s.skipped)), ("missing_values", .integer(s.missingValues)),
            ("skipped_by_option", .integer(s.skippedByOption)),
            ("warnings", .array(s.warnings.map { ReportLabels.coded($0.code, labels.panelWarning($0), labels.panelWarningParameters($0)) })),
            ("region_names", .array(s.regions.map(JSONValue.string))),
            ("coverage", .array(s.coverage.map { c in
                .object([("indicator", .string(c.indicator.id)), ("name", .string(c.indicator.name)),
                         ("unit", .string(c.indicator.unit)), ("direction", .string(c.indicator.direction.rawValue)),
                         ("kind", .string(c.indicator.kind.rawValue)), ("regions", .integer(c.regions)),
                         ("values", .integer(c.values)), ("bounds", .integer(c.bounds)), ("targets", .integer(c.targets)),
                         ("preliminary", .integer(c.preliminary)),
                         ("first", c.first.map { .string($0.description) } ?? .null),
                         ("last", c.last.map { .string($0.description) } ?? .null)])
            })),
        ])
    }

    public static func text(_ s: PanelSummary, labels: ReportLabels = ReportLabels(language: .en)) -> String {
        var lines: [String] = []
        let span = s.firstPeriod.map { "\($0)–\(s.lastPeriod!)" } ?? "no periods"
        lines.append("\(s.regions.count) region\(s.regions.count == 1 ? "" : "s"), \(s.indicators) indicators, \(s.observations) observations (\(s.targets) targets), \(span)")
        let shown = s.regions.prefix(10).joined(separator: ", ")
        lines.append("regions: \(shown)\(s.regions.count > 10 ? ", … (\(s.regions.count - 10) more)" : "")")
        lines.append("skipped: \(s.missingValues) missing value\(s.missingValues == 1 ? "" : "s"), \(s.skippedByOption) cell\(s.skippedByOption == 1 ? "" : "s") left out by options")
        lines.append("")
        var table = TextTable(header: ["indicator", "name", "unit", "better", "regions", "values", "bounds", "targets", "periods"],
                              alignments: [.left, .left, .left, .left, .right, .right, .right, .right, .left])
        for c in s.coverage {
            let periods = c.first.map { $0 == c.last! ? "\($0)" : "\($0)–\(c.last!)" } ?? ""
            table.append([c.indicator.id, c.indicator.name == c.indicator.id ? "" : c.indicator.name, c.indicator.unit,
                          c.indicator.direction.rawValue, String(c.regions), String(c.values) + (c.preliminary > 0 ? "*" : ""),
                          String(c.bounds), String(c.targets), periods])
        }
        lines.append(table.rendered())
        if s.coverage.contains(where: { $0.preliminary > 0 }) { lines.append("* includes preliminary (预计) values") }
        for w in s.warnings { lines.append("warning: " + labels.panelWarning(w)) }
        return lines.joined(separator: "\n") + "\n"
    }
}
