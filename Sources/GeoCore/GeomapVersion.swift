/// geomap's version, as `geomap --version` prints it and layers record it in their metadata.
public enum GeomapVersion {
    public static let current = "0.1.0"
}
