"""Loads a geomap GeoPackage in QGIS (headless) as QGIS Desktop adds a layer: the layer, then its default
style from the data source. Prints one JSON object; leaves with os._exit (QGIS's teardown may crash)."""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import Qgis, QgsApplication, QgsVectorLayer  # noqa: E402

app = QgsApplication([], False)
app.initQgis()
path = sys.argv[1]
out = {"qgis": Qgis.QGIS_VERSION, "layers": {}}
for name in ["incidents", "control_zones", "places", "uncertainty"]:
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    before = layer.temporalProperties().isActive()
    message, loaded = layer.loadDefaultStyle()
    t = layer.temporalProperties()
    out["layers"][name] = {
        "valid": layer.isValid(),
        "count": layer.featureCount(),
        "geometry_type": int(layer.geometryType()),
        "field_types": {f.name(): f.typeName() for f in layer.fields()},
        "all_valid": all(f.geometry().isGeosValid() for f in layer.getFeatures()),
        "temporal_before_style": before,
        "style": message if loaded else None,
        "temporal_active": t.isActive(),
        "temporal_mode": int(t.mode()),
        "start_field": t.startField(),
        "end_field": t.endField(),
    }
print(json.dumps(out))
sys.stdout.flush()
os._exit(0)
