import Foundation
@testable import Yardstick

/// Panels written in the tests: long-CSV rows under one header, with metadata.
enum Panels {
    /// The header of ``gap(_:metadata:)``'s rows.
    static let gapHeader = "region,indicator,year,value,value_high,kind,qualifier,relative_to,unit\n"

    /// A panel of long-CSV rows under ``gapHeader``, with metadata rows under their own header.
    static func gap(_ rows: String, metadata: String = "id,direction,kind\n") throws -> Panel {
        let hasRows = metadata.split(whereSeparator: \.isNewline).count > 1
        return try PanelReader().read(texts: [("t.csv", gapHeader + rows)], metadata: hasRows ? ("m.csv", metadata) : nil)
    }

    /// The same, indexed.
    static func gapIndex(_ rows: String, metadata: String = "id,direction,kind\n") throws -> PanelIndex {
        PanelIndex(try gap(rows, metadata: metadata))
    }

    /// A panel read from one long-CSV text.
    static func long(_ text: String, file: String = "t.csv") throws -> Panel {
        try PanelReader().read(texts: [(file, text)])
    }

    /// The embedded Zhuzhou data, indexed.
    static func embedded() throws -> PanelIndex { PanelIndex(try PanelReader().readEmbedded()) }
}
