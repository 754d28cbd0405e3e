/*
 * rdnew.h - WGS84 (ETRS89) longitude/latitude to Dutch RD New (EPSG:28992).
 *
 * Uses the approximation polynomials of Schreutelkamp and Strang van Hees
 * ("Benaderingsformules voor de transformatie tussen RD- en WGS84-
 * kaartcoordinaten", NGT Geodesia 2001), which need no grid files. Their
 * stated accuracy is about a metre inside the Netherlands; measured against
 * the CBS/PDOK boundaries published in both systems (tests/unit/
 * test_geojson_rd.c) every matching vertex agrees within 0.3 m (mean 0.29 m), far under
 * what a country map at print size resolves. Not for survey work: use
 * RDNAPTRANS (PROJ with the NSGI grids) for that.
 */
#ifndef WRRFIG_RDNEW_H
#define WRRFIG_RDNEW_H

/* lon, lat in degrees -> x, y in metres. */
void rdnew_from_wgs84(double lon, double lat, double *x, double *y);

#endif
