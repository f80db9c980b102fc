import Foundation
import GDALFormats

/// Default QGIS styles stored in the GeoPackage (QGIS's own `layer_styles` table, which QGIS reads when it
/// loads a layer): the temporal properties, so that the temporal controller animates the layers with no set-up —
/// incidents at their `event_date`, control zones over `start_date`…`end_date` (both days included).
enum QGISStyles {
    static let fields: [LayerField] = [
        LayerField("f_table_catalog", .text), LayerField("f_table_schema", .text), LayerField("f_table_name", .text),
        LayerField("f_geometry_column", .text), LayerField("styleName", .text), LayerField("styleQML", .text),
        LayerField("styleSLD", .text), LayerField("useAsDefault", .integer), LayerField("description", .text),
        LayerField("owner", .text), LayerField("ui", .text), LayerField("update_time", .date),
    ]

    static func write(into gpkg: VectorDataset, timeline: Bool) throws(GDALError) {
        var styles = [("incidents", temporal(instant: "event_date"))]
        if timeline { styles.append(("control_zones", temporal(start: "start_date", end: "end_date"))) }
        let table = try gpkg.createLayer("layer_styles", geometry: .none, fields: fields)
        let today = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        for (layer, qml) in styles {
            try table.write(nil, [
                .text(""), .text(""), .text(layer), .text("geom"), .text("geomap"), .text(qml), .text(""), .integer(1),
                .text("geomap: temporal properties"), .text(""), .text(""),
                .date(year: today.year ?? 1970, month: today.month ?? 1, day: today.day ?? 1),
            ])
        }
    }

    /// A QML holding only the Temporal category (QGIS keeps its default symbology for the rest).
    /// Modes (QgsVectorLayerTemporalProperties): 1 = instant from a field, 2 = start and end from fields;
    /// limitMode 1 = the end is included.
    static func temporal(instant field: String) -> String { qml(mode: 1, start: field, end: "") }
    static func temporal(start: String, end: String) -> String { qml(mode: 2, start: start, end: end) }

    private static func qml(mode: Int, start: String, end: String) -> String {
        """
        <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
        <qgis version="3.22.0" styleCategories="Temporal">
         <temporal enabled="1" mode="\(mode)" startField="\(start)" endField="\(end)" startExpression="" endExpression="" durationField="" durationUnit="min" fixedDuration="0" accumulate="0" limitMode="1">
          <fixedRange>
           <start></start>
           <end></end>
          </fixedRange>
         </temporal>
        </qgis>
        """
    }
}
