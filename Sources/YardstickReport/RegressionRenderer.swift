import Yardstick

/// Renders a ``RegressionResult`` as text (like R's `summary.lm`) or as the `regress` JSON.
public enum RegressionRenderer {
    /// Regression output is in English, as R's `summary.lm` is.
    static let labels = ReportLabels(language: .en)

    /// JSON keys: `coefficients` [{term, estimate, std_error, t, p, aliased}], `residual_sd`, `r_squared`,
    /// `adj_r_squared`, `f_statistic`, `f_p_value`, `n`, `rank`, `df_residual`, `aic`, `aicc`, `bic`,
    /// `log_likelihood`, `condition_number`, `warnings`.
    /// The rows a fit left out: those with a missing value (by line) and those a `--where` did not choose.
    public struct Rows: Sendable {
        public let omittedLines: [Int]
        public let filteredOut: Int
        public init(omittedLines: [Int] = [], filteredOut: Int = 0) {
            self.omittedLines = omittedLines
            self.filteredOut = filteredOut
        }
    }

    public static func json(_ r: RegressionResult, rows: Rows = Rows()) -> JSONValue {
        guard case let .object(pairs) = json(r) else { return json(r) }
        return .object(pairs + [("omitted", .object([("count", .integer(rows.omittedLines.count)),
                                                    ("lines", .array(rows.omittedLines.map(JSONValue.integer)))])),
                                ("filtered_out", .integer(rows.filteredOut))])
    }

    public static func json(_ r: RegressionResult) -> JSONValue {
        .object([
            ("coefficients", .array(r.coefficients.map { c in
                .object([("term", .string(c.term)), ("estimate", .number(c.estimate)),
                         ("std_error", .number(c.standardError)), ("t", .number(c.t)), ("p", .number(c.p)),
                         ("aliased", .bool(c.isAliased))])
            })),
            ("residual_sd", .number(r.residualStandardDeviation)),
            ("r_squared", .number(r.rSquared)),
            ("adj_r_squared", .number(r.adjustedRSquared)),
            ("f_statistic", .number(r.fStatistic)),
            ("f_p_value", .number(r.fPValue)),
            ("n", .integer(r.observationCount)),
            ("rank", .integer(r.rank)),
            ("df_residual", .integer(r.residualDegreesOfFreedom)),
            ("df_model", .integer(r.modelDegreesOfFreedom)),
            ("aic", .number(r.aic)),
            ("aicc", .optional(r.aicc)),
            ("bic", .number(r.bic)),
            ("log_likelihood", .number(r.logLikelihood)),
            ("condition_number", .number(r.conditionNumber)),
            ("warnings", .array(r.warnings.map { w in
                var parameters: [(String, JSONValue)] = []
                if case let .rankDeficient(terms, tolerance) = w {
                    parameters = [("dropped_terms", .array(terms.map(JSONValue.string))), ("tolerance", .number(tolerance))]
                }
                return ReportLabels.coded(w.code, labels.regressionWarning(w), parameters)
            })),
        ])
    }

    /// ``text(_:)`` with R's line on the rows left out: "(2 observations deleted due to missingness: lines 4, 9)".
    public static func text(_ r: RegressionResult, rows: Rows) -> String {
        var out = text(r)
        if !rows.omittedLines.isEmpty {
            let n = rows.omittedLines.count, lines = rows.omittedLines.prefix(20).map(String.init).joined(separator: ", ")
            out += "(\(n) \(n == 1 ? "observation" : "observations") deleted due to missingness: line\(n == 1 ? "" : "s") \(lines)\(n > 20 ? ", …" : ""))\n"
        }
        if rows.filteredOut > 0 { out += "(\(rows.filteredOut) \(rows.filteredOut == 1 ? "row" : "rows") left out by --where)\n" }
        return out
    }

    public static func text(_ r: RegressionResult) -> String {
        var table = TextTable(header: ["term", "estimate", "std. error", "t", "p"],
                              alignments: [.left, .right, .right, .right, .right])
        for c in r.coefficients {
            if c.isAliased {
                table.append([c.term + " (dropped)", "NA", "NA", "NA", "NA"])
                continue
            }
            table.append([c.term, NumberFormat.significant(c.estimate, 10),
                          NumberFormat.significant(c.standardError, 6), NumberFormat.significant(c.t, 5),
                          NumberFormat.pValue(c.p)])
        }
        var lines = [table.rendered(), ""]
        lines.append("residual SD \(NumberFormat.significant(r.residualStandardDeviation, 8)) on \(r.residualDegreesOfFreedom) degrees of freedom (n = \(r.observationCount))")
        lines.append("R² \(NumberFormat.significant(r.rSquared, 10)), adjusted \(NumberFormat.significant(r.adjustedRSquared, 10))")
        lines.append("F \(NumberFormat.significant(r.fStatistic, 6)) on \(r.modelDegreesOfFreedom) and \(r.residualDegreesOfFreedom) DF, p \(NumberFormat.pValue(r.fPValue))")
        lines.append("AIC \(NumberFormat.significant(r.aic, 7)), AICc \(r.aicc.map { NumberFormat.significant($0, 7) } ?? "–"), BIC \(NumberFormat.significant(r.bic, 7))")
        lines.append("condition number of the centred, scaled design \(NumberFormat.significant(r.conditionNumber, 3))")
        for w in r.warnings { lines.append("warning: " + labels.regressionWarning(w)) }
        return lines.joined(separator: "\n") + "\n"
    }
}
