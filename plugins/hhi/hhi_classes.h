/*
 * hhi_classes.h - class breaks for choropleths and their legend labels.
 *
 * Breaks come from the figure spec: a fixed list (the report's classes) or
 * quantiles of the mapped values. Class k holds values v with
 * breaks[k-1] <= v < breaks[k]; the first class is open below, the last
 * open above, as in the report's legend ("Minder dan 0,17" ... "0,48 of
 * meer").
 */
#ifndef HHI_CLASSES_H
#define HHI_CLASSES_H

#include <stddef.h>

#define HHI_MAX_CLASSES 9

typedef struct hhi_classes {
    double breaks[HHI_MAX_CLASSES - 1];
    size_t n_breaks; /* classes = n_breaks + 1 */
} hhi_classes;

/* Fixed breaks; they must be finite and strictly increasing. Returns 0 or
 * -1 (and the index of the offending break in *bad). */
int hhi_classes_fixed(const double *breaks, size_t n, hhi_classes *out, size_t *bad);

/* k classes of (about) equal numbers of values: breaks at the j/k quantiles
 * (linear interpolation between order statistics), rounded to `decimals`
 * so the legend shows exactly the breaks used. Repeated breaks (many equal
 * values) are dropped. Returns 0, or -1 when k is out of range or there are
 * no values. */
int hhi_classes_quantiles(const double *v, size_t n, size_t k, int decimals, hhi_classes *out);

/* The class of v (0 .. n_breaks). */
size_t hhi_class_of(const hhi_classes *c, double v);

/* The wording of the legend, from the spec (its language): templates in
 * which {a} and {b} stand for the class bounds, e.g. "minder dan {a}",
 * "{a} tot {b}", "{a} of meer", and the text for a single class. */
typedef struct hhi_class_words {
    const char *below, *between, *above, *all;
} hhi_class_words;

/* Legend text of class k with `decimals` decimals written with the decimal
 * mark `mark` (the spec's text.decimal_mark: "," in Dutch); the words are
 * filled in with wfc_fill (plugins/common/spectext.h) and cut short to len. */
void hhi_class_label(const hhi_classes *c, size_t k, int decimals, const char *mark, const hhi_class_words *w,
                     char *buf, size_t len);

#endif
