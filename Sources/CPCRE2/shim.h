#ifndef GEOMAP_CPCRE2_SHIM_H
#define GEOMAP_CPCRE2_SHIM_H
// The 32-bit library: subjects are arrays of Unicode scalars, so match offsets are code points.
// Swift calls the *_32 functions by name (the generic names are C macros).
#define PCRE2_CODE_UNIT_WIDTH 32
#include <pcre2.h>
#endif
