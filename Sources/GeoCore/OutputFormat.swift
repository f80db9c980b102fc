/// The `--format` values of data written to stdout or `--out`. Each command accepts the subset it can write.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, geojson, csv
}
