/* Helpers for the labour and cohorts tests: build figures into a temporary
 * directory and read cells of their CSV output back by column name. */
#ifndef TEST_LABOUR_UTIL_H
#define TEST_LABOUR_UTIL_H

#include "testutil.h"

#include "format/csv.h"
#include "claims/measure.h"
#include "host/registry.h"
#include "data/table.h"

/* Builds one figure (svg and png); fails the test unless it was built. */
#define lt_build(data, out_dir, fig) tu_build((data), (out_dir), (fig), "svg,png")
#define lt_csv(out_dir, fig) tu_csv((out_dir), (fig))

/* The row whose columns k0 (and k1, when not NULL) hold v0 (v1); -1 if none. */
static inline long lt_row(const csv_doc *d, const char *k0, const char *v0, const char *k1, const char *v1)
{
    int c0 = csv_header_index(d, k0), c1 = k1 ? csv_header_index(d, k1) : -1;
    if (c0 < 0 || (k1 && c1 < 0))
        fail_msg("no column %s/%s in the figure CSV", k0, k1 ? k1 : "");
    for (size_t r = 1; r < d->n_rows; r++)
        if (strcmp(d->rows[r].f[c0], v0) == 0 && (!k1 || strcmp(d->rows[r].f[c1], v1) == 0))
            return (long)r;
    return -1;
}

static inline const char *lt_field(const csv_doc *d, long row, const char *col)
{
    int c = csv_header_index(d, col);
    if (row < 0 || c < 0)
        fail_msg("no row or no column %s", col);
    return d->rows[row].f[c];
}

static inline double lt_num(const csv_doc *d, long row, const char *col)
{
    const char *s = lt_field(d, row, col);
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end)
        fail_msg("column %s row %ld: '%s' is not a number", col, row, s);
    return v;
}

static inline wf_table *lt_table(const char *data, const char *name)
{
    wf_table *t = NULL;
    wf_error err;
    if (table_load(data, name, &t, &err) != 0)
        fail_msg("%s", err.msg);
    return t;
}

static inline const char *lt_key(const wf_table *t, size_t row, const char *dim)
{
    int d = table_dim(t, dim);
    if (d < 0)
        fail_msg("%s: no dimension %s", t->name, dim);
    return t->keys[row * t->n_dims + (size_t)d];
}

/* Evaluates a measure reference against the shipped plugins and data_dir. */
static inline wf_measure_result lt_measure(const char *data, const char *ref)
{
    wf_app a;
    tu_app(&a, data);
    wf_measure_result r;
    wf_measure_eval(&a, ref, &r);
    app_free(&a);
    return r;
}

#define assert_measure(data, ref, expected, eps)                                                   \
    do {                                                                                           \
        wf_measure_result lt_r_ = lt_measure((data), (ref));                                       \
        if (lt_r_.status != EVAL_OK)                                                            \
            fail_msg("%s: status %d, %s", (ref), (int)lt_r_.status, lt_r_.reason.msg);                 \
        assert_double_near(lt_r_.value, (expected), (eps));                                        \
    } while (0)

#define assert_measure_status(data, ref, want)                                                     \
    do {                                                                                           \
        wf_measure_result lt_r_ = lt_measure((data), (ref));                                       \
        if (lt_r_.status != (want))                                                                \
            fail_msg("%s: status %d (expected %d), %s", (ref), (int)lt_r_.status, (int)(want),     \
                     lt_r_.reason.msg);                                                                \
    } while (0)

#endif
