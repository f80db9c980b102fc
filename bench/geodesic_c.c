/* Baseline for `make bench`: the same geodesic loop in plain C on the system's libproj (the library geomap
 * links), so the table separates geomap's Swift overhead from differences between PROJ builds.
 * Usage: geodesic_c geodesic-direct|geodesic-inverse INPUT REPEATS  → {"best_seconds": ...} */
#include <geodesic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: geodesic_c CASE INPUT REPEATS\n"); return 64; }
  FILE *f = fopen(argv[2], "rb");
  if (!f) { perror(argv[2]); return 1; }
  fseek(f, 0, SEEK_END);
  long bytes = ftell(f);
  fseek(f, 0, SEEK_SET);
  double *in = malloc(bytes);
  if (!in || fread(in, 1, bytes, f) != (size_t)bytes) { fprintf(stderr, "cannot read %s\n", argv[2]); return 1; }
  fclose(f);
  long n = bytes / (4 * sizeof(double));
  int repeats = atoi(argv[3]), direct = strcmp(argv[1], "geodesic-direct") == 0;
  struct geod_geodesic g;
  geod_init(&g, 6378137, 1 / 298.257223563);
  double *out = malloc(n * 3 * sizeof(double)), best = 1e300;
  for (int r = 0; r < repeats; r++) {
    double t0 = now();
    for (long k = 0; k < n; k++) {
      const double *x = in + 4 * k;
      double *y = out + 3 * k;
      if (direct) geod_direct(&g, x[0], x[1], x[2], x[3], &y[0], &y[1], &y[2]);
      else geod_inverse(&g, x[0], x[1], x[2], x[3], &y[0], &y[1], &y[2]);
    }
    double t = now() - t0;
    if (t < best) best = t;
  }
  printf("{\"best_seconds\": %.9f, \"check\": %.6f}\n", best, out[0] + out[3 * (n - 1)]);
  return 0;
}
