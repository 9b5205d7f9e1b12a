import Foundation

/// The steps of a composite before aggregation, shared by the nominal index and every variant an uncertainty or
/// sensitivity analysis draws: the leaves matched to the data, their directions, the regions kept by screening,
/// and for an imputation and a normalisation the values and normalised values of every region and indicator.
struct CompositePreparation: Sendable {
    let specification: CompositeSpecification
    let data: CompositeData
    /// Data column of each leaf (in structure order), and the leaf's column by node.
    let dataColumn: [Int]
    let leafColumn: [Int: Int]
    let directions: [Direction]
    /// Rows of `data` kept, and their regions.
    let rows: [Int]
    let regions: [String]
    var notes: [CompositeNote] = []

    init(_ spec: CompositeSpecification, data: CompositeData) throws(CompositeError) {
        specification = spec
        self.data = data
        let s = spec.structure
        guard !s.leaves.isEmpty else { throw .noIndicators }
        let position = Dictionary(uniqueKeysWithValues: data.indicators.enumerated().map { ($1, $0) })
        let missing = s.indicators.filter { position[$0] == nil }
        guard missing.isEmpty else { throw .indicatorsNotInData(missing) }
        dataColumn = s.indicators.map { position[$0]! }
        leafColumn = Dictionary(uniqueKeysWithValues: s.leaves.enumerated().map { ($1, $0) })
        var directions: [Direction] = [], unknown: [String] = []
        for (k, leaf) in s.leaves.enumerated() {
            if let d = s.nodes[leaf].direction { directions.append(d) } else if let d = data.directions[safe: dataColumn[k]] ?? nil {
                directions.append(d)
            } else { unknown.append(s.nodes[leaf].id); directions.append(.higher) }
        }
        guard unknown.isEmpty else { throw .noDirection(unknown) }
        let onTarget = s.leaves.indices.filter { directions[$0] == .target }.map { s.nodes[s.leaves[$0]].id }
        guard onTarget.isEmpty else { throw .targetDirection(onTarget) }
        self.directions = directions
        // Screening: the share of the indicators a region has (in the year, or up to it for `latest` imputation).
        let source = spec.imputation == .latest ? data.latestValues : data.values
        var rows: [Int] = [], notes: [CompositeNote] = []
        for i in data.regions.indices {
            let have = dataColumn.count { !source[i, $0].isNaN }
            let coverage = Double(have) / Double(dataColumn.count)
            if coverage >= spec.minimumCoverage - 1e-12 {
                rows.append(i)
                if have < dataColumn.count { notes.append(.partial(region: data.regions[i], present: have, of: dataColumn.count)) }
            } else {
                notes.append(.screenedOut(region: data.regions[i], coverage: coverage))
            }
        }
        guard !rows.isEmpty else { throw .noRegions(minimumCoverage: spec.minimumCoverage) }
        self.rows = rows
        regions = rows.map { data.regions[$0] }
        self.notes = notes
    }

    /// The values of every kept region and leaf after `imputation`, and after the transform, the treatment and
    /// `normalisation` (nil: goalposts where given, min-max otherwise).
    struct Variant: Sendable {
        var values: Matrix, years: [Int?], imputed: [Bool], normalised: Matrix, notes: [CompositeNote]
    }

    func variant(imputation: Imputation, normalisation: Normalisation?) throws(CompositeError) -> Variant {
        let s = specification.structure, r = rows.count, k = dataColumn.count
        var values = Matrix(rows: r, columns: k, repeating: .nan), normalised = values
        var years = [Int?](repeating: nil, count: r * k), imputed = [Bool](repeating: false, count: r * k)
        var notes: [CompositeNote] = [], noGoalposts: [String] = [], noTarget: [String] = []
        for (j, c) in dataColumn.enumerated() {
            let node = s.nodes[s.leaves[j]]
            var column = rows.map { data.values[$0, c] }
            var colYears = rows.map { data.values[$0, c].isNaN ? nil : data.year(at: $0, c) }
            let gaps = column.indices.filter { column[$0].isNaN }
            if !gaps.isEmpty && imputation != .none {
                let fill: Double = imputation == .mean ? Describe.mean(column) : imputation == .median ? Describe.median(column) : .nan
                var count = 0
                for i in gaps {
                    let v = imputation == .latest ? data.latestValues[rows[i], c] : fill
                    guard !v.isNaN else { continue }
                    column[i] = v
                    colYears[i] = imputation == .latest ? data.latestYears[rows[i] + c * data.regions.count] : nil
                    imputed[i + j * r] = true
                    count += 1
                }
                if count > 0 { notes.append(.imputed(indicator: node.id, count: count, method: imputation)) }
            }
            for i in 0..<r { values[i, j] = column[i]; years[i + j * r] = colYears[i] }
            // Transform (the goalposts and target with the values), treatment, normalisation.
            var goalposts = node.goalposts, target = node.target
            if node.transform == .log {
                if let i = column.indices.first(where: { !column[$0].isNaN && column[$0] <= 0 }) {
                    throw .nonPositiveForLog(indicator: node.id, region: regions[i], value: column[i])
                }
                if let g = goalposts, g.lowerBound <= 0 {
                    throw .nonPositiveForLog(indicator: node.id, region: "goalposts", value: g.lowerBound)
                }
                column = column.map { Foundation.log($0) }
                goalposts = goalposts.map { Foundation.log($0.lowerBound)...Foundation.log($0.upperBound) }
                target = target.map { Foundation.log($0) }
            }
            let (treated, treatment) = specification.outliers.apply(column)
            if treatment != .untouched { notes.append(.treated(indicator: node.id, treatment: treatment)) }
            let method = normalisation ?? (goalposts != nil ? .goalposts : .minMax)
            guard let out = method.apply(treated, direction: directions[j], goalposts: goalposts, target: target) else {
                if method == .goalposts { noGoalposts.append(node.id) } else { noTarget.append(node.id) }
                continue
            }
            let present = treated.count { !$0.isNaN }
            if present == 1 { notes.append(.singleValue(indicator: node.id)) } else if present > 1 && out.allSatisfy(\.isNaN) {
                notes.append(.noSpread(indicator: node.id))
            }
            for i in 0..<r { normalised[i, j] = out[i] }
        }
        guard noGoalposts.isEmpty else { throw .noGoalposts(noGoalposts) }
        guard noTarget.isEmpty else { throw .noTarget(noTarget) }
        if normalisation == .zScore {
            let means = s.groupsBottomUp.map { specification.aggregation ?? s.nodes[$0].aggregation }
            if let bad = means.first(where: { $0 != .arithmetic }) { throw .negativeForMean(bad) }
        }
        return Variant(values: values, years: years, imputed: imputed, normalised: normalised, notes: notes)
    }
}

extension CompositeData {
    /// The year of the value in row `i`, column `j` of ``values``.
    func year(at i: Int, _ j: Int) -> Int? { year(i, j) }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
