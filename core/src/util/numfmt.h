/* Fast paths for the number formats a figure prints most (the map's
 * coordinates are tens of thousands of "%.1f"; every CSV cell is a
 * sb_number). Each gives exactly the bytes glibc's printf gives for the
 * same value (tests/unit/test_numfmt.c compares them over millions of
 * values) and declines, returning -1, where it cannot be sure, so the caller
 * falls back to printf. printf's binary-to-decimal conversion works in
 * multi-precision arithmetic and was a quarter of a map figure's time. */
#ifndef WF_NUMFMT_H
#define WF_NUMFMT_H

#include <stddef.h>

enum { NUMFMT_FIXED_MAX = 48 }; /* enough for any value numfmt_fixed accepts */

/* Writes v as printf("%.*f", prec, v) would into out (NUL-terminated) and
 * returns its length; -1 (out untouched) when prec is outside 0..12, v is
 * not finite, |v| >= 2^53, or n < NUMFMT_FIXED_MAX. */
int numfmt_fixed(char *out, size_t n, double v, int prec);

#endif
