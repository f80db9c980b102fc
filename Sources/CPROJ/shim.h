#ifndef GEOMAP_CPROJ_SHIM_H
#define GEOMAP_CPROJ_SHIM_H
#include <proj.h>
#include <geodesic.h>
#endif
