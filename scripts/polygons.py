"""Point-in-polygon for the scoring scripts (score_dev.py, calibrate_relative.py): GeoJSON as geomap writes it."""


def inside(point, geometry):
    """Ray casting over a GeoJSON Polygon or MultiPolygon (holes included); point is (lat, lon)."""
    lat, lon = point
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    crossings = 0
    for polygon in polygons:
        for ring in polygon:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                    crossings += 1
    return crossings % 2 == 1
