/* Plane geometry the typology map needs, on the host's rings. Pure. */
#ifndef TYPOLOGY_GEOM_H
#define TYPOLOGY_GEOM_H

#include <wrrfig/plugin.h>

/* Even-odd test: is (x, y) inside ring r? */
int geom_point_in_ring(const wrrfig_ring *r, double x, double y);

/* Is outer ring r of some feature inside a hole of any feature (its own
 * included)? Such rings (enclaves, e.g. the Dutch counter-enclaves in
 * Baarle) are painted after the holes, or the holes would cover them. */
int geom_ring_in_hole(const wrrfig_ring *r, const wrrfig_feature *all, size_t n);

/* Signed area (shoelace) of ring r; positive when counter-clockwise. */
double geom_ring_area(const wrrfig_ring *r);

/* Where to put a feature's name: the centre of the bounding box of its
 * largest outer ring. Returns 0, or -1 when it has no outer ring. */
int geom_label_point(const wrrfig_feature *f, double *x, double *y);

#endif
