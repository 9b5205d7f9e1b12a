import Yardstick

/// The language of a report's labels (indicator names stay as the data gives them).
public enum ReportLanguage: String, Sendable, CaseIterable {
    case en, zh
}

/// A report as a value: what it says, already formatted by one number policy, with the numbers charts need.
/// Renderers (``TextReport``, ``MarkdownReport``, ``HTMLReport``, ``ReportJSON``) only lay it out.
public struct ReportDocument: Sendable {
    /// One scorecard row.
    public struct Row: Sendable, Equatable {
        /// The region's name (shown when the table has more than one region).
        public let region: String
        public let indicator: String
        public let latest: String
        public let target: String
        public let required: String
        public let trend: String
        public let probability: String
        /// What the probability rests on, or what is missing (``ReportLabels/basisCell(_:)``).
        public let basis: String
        public let status: TargetStatus
        public let statusLabel: String
    }

    /// A finding in a plain sentence.
    public struct Finding: Sendable, Equatable {
        public let text: String
        public let status: TargetStatus
    }

    /// The data of one indicator's chart.
    public struct Chart: Sendable, Equatable {
        public struct Point: Sendable, Equatable {
            public let year: Int
            public let value: Double
            /// actual, preliminary, derived, lower_bound, upper_bound
            public let kind: String
        }
        public struct Band: Sendable, Equatable {
            public let year: Int
            public let mean: Double
            /// (level, low, high), widest first.
            public let intervals: [PredictionInterval]
        }
        public let id: String
        public let title: String
        /// A sentence describing the chart, for screen readers (SVG `desc`).
        public let description: String
        public let unit: String
        public let history: [Point]
        public let fitted: [Point]
        public let projected: [Band]
        public let targetYear: Int
        /// The target as a line (low == high) or a band.
        public let targetLow: Double?
        public let targetHigh: Double?
        public let targetLabel: String
        public let status: TargetStatus
        /// Table rows beside the chart: (year, value text).
        public let table: [(String, String)]

        public static func == (a: Chart, b: Chart) -> Bool { a.id == b.id && a.history == b.history && a.projected == b.projected }
    }

    /// One bar of the summary chart: the probability of meeting a target (nil when not assessable).
    public struct Bar: Sendable, Equatable {
        public let label: String
        public let probability: Double?
        public let status: TargetStatus
        public let statusLabel: String
    }

    public let language: ReportLanguage
    public let title: String
    public let subtitle: String
    /// "28 targets: 1 met, 2 on track, …" and the counts behind it, in status order.
    public let headline: String
    public let counts: [(status: TargetStatus, label: String, count: Int)]
    public let labels: ReportLabels
    public let rows: [Row]
    /// Whether rows come from more than one region (the table then has a region column).
    public var manyRegions: Bool { Set(rows.map(\.region)).count > 1 }
    public let findings: [Finding]
    public let charts: [Chart]
    public let bars: [Bar]
    public let caveats: [String]
    /// The targets not assessed, grouped by what is missing: the group's heading, and each target's name with the
    /// data that would make it assessable.
    public let unassessed: [(heading: String, items: [(name: String, remedy: String)])]
    /// The assessments the document was built from (for the JSON and CSV renderers, which reuse `gap`'s schema).
    public let assessments: [TargetAssessment]
    /// The region against its peers, where the data allow it.
    public let peers: BenchmarkDocument?
    /// The findings behind ``peers`` (for JSON).
    public let peerFindings: BenchmarkFindings?
    /// How well the data's earlier targets were foretold (a backtest of the whole data), where it has outcomes.
    public var backtest: BacktestDocument? = nil
    public var backtestResult: BacktestResult? = nil
}
