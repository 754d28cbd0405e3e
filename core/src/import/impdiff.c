#include "import/impdiff.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/strset.h"

#define NONE ((size_t)-1)

static int cmp_keys(const wf_table *a, size_t ra, const wf_table *b, size_t rb)
{
    for (size_t k = 0; k < a->n_dims; k++) {
        int c = strcmp(a->keys[ra * a->n_dims + k], b->keys[rb * b->n_dims + k]);
        if (c)
            return c;
    }
    return 0;
}

static int same_dims(const wf_table *a, const wf_table *b)
{
    if (a->n_dims != b->n_dims || a->has_value != b->has_value)
        return 0;
    for (size_t k = 0; k < a->n_dims; k++)
        if (strcmp(a->dims[k], b->dims[k]) != 0)
            return 0;
    return 1;
}

static int cmp_change(const void *x, const void *y)
{
    const imp_change *a = x, *b = y;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return a->new_row < b->new_row ? -1 : a->new_row > b->new_row;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Period codes present in one table and not in the other. */
static void period_delta(const wf_table *a, const wf_table *b, const char *dim, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    int da = dim ? table_dim(a, dim) : -1;
    if (da < 0)
        return;
    int db = b ? table_dim(b, dim) : -1;
    strset in_b = STRSET_INIT, seen = STRSET_INIT;
    for (size_t r = 0; b && db >= 0 && r < b->n_rows; r++)
        strset_intern(&in_b, b->keys[r * b->n_dims + (size_t)db]);
    for (size_t r = 0; r < a->n_rows; r++) {
        const char *p = a->keys[r * a->n_dims + (size_t)da];
        if (!strset_has(&in_b, p) && !strset_has(&seen, p)) {
            strset_intern(&seen, p);
            *out = xrealloc(*out, (*n + 1) * sizeof **out);
            (*out)[(*n)++] = xstrdup(p);
        }
    }
    if (*n)
        qsort(*out, *n, sizeof **out, cmp_str);
    strset_free(&in_b);
    strset_free(&seen);
}

void imp_diff_tables(const wf_table *old, const wf_table *new_t, const char *period_dim, imp_diff *d)
{
    memset(d, 0, sizeof *d);
    if (!old || !same_dims(old, new_t)) {
        /* Another shape: every old row is gone and every new one is new. */
        d->removed = old ? old->n_rows : 0;
        d->added = new_t->n_rows;
        period_delta(new_t, NULL, period_dim, &d->periods_added, &d->n_periods_added);
        return;
    }
    size_t i = 0, j = 0, cap = 0;
    while (i < old->n_rows || j < new_t->n_rows) {
        int c = i >= old->n_rows ? 1 : j >= new_t->n_rows ? -1 : cmp_keys(old, i, new_t, j);
        if (c < 0) {
            d->removed++;
            i++;
        } else if (c > 0) {
            d->added++;
            j++;
        } else {
            int ko = old->kinds[i], kn = new_t->kinds[j];
            double vo = old->values[i], vn = new_t->values[j];
            int differ = ko != kn || (ko == WRRFIG_VALUE && vo != vn);
            if (differ) {
                if (d->changed == cap) {
                    cap = cap ? cap * 2 : 16;
                    d->ch = xrealloc(d->ch, cap * sizeof *d->ch);
                }
                imp_change *x = &d->ch[d->changed++];
                x->old_row = i;
                x->new_row = j;
                x->size = (ko == WRRFIG_VALUE && kn == WRRFIG_VALUE) ? fabs(vn - vo) : HUGE_VAL;
            }
            i++;
            j++;
        }
    }
    if (d->changed)
        qsort(d->ch, d->changed, sizeof *d->ch, cmp_change);
    period_delta(new_t, old, period_dim, &d->periods_added, &d->n_periods_added);
    period_delta(old, new_t, period_dim, &d->periods_removed, &d->n_periods_removed);
}

void imp_diff_free(imp_diff *d)
{
    for (size_t i = 0; i < d->n_periods_added; i++)
        free(d->periods_added[i]);
    for (size_t i = 0; i < d->n_periods_removed; i++)
        free(d->periods_removed[i]);
    free(d->periods_added);
    free(d->periods_removed);
    free(d->ch);
    memset(d, 0, sizeof *d);
}

int imp_diff_empty(const imp_diff *d)
{
    return d->added == 0 && d->removed == 0 && d->changed == 0 && !d->meta_changed;
}

static void put_value(strbuf *b, const wf_table *t, size_t r)
{
    switch (t->kinds[r]) {
    case WRRFIG_VALUE: sb_printf(b, "%.17g", t->values[r]); break;
    case WRRFIG_MISSING: sb_puts(b, "'.'"); break;
    case WRRFIG_SECRET: sb_puts(b, "'x'"); break;
    case WRRFIG_NIL: sb_puts(b, "'-'"); break;
    default: sb_puts(b, "(empty)"); break;
    }
}

static void put_list(strbuf *b, char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_printf(b, "%s%s", i ? ", " : "", v[i]);
}

void imp_diff_print(strbuf *b, const imp_diff *d, const wf_table *old, const wf_table *new_t, size_t max_changes)
{
    sb_printf(b, "  %zu row%s added, %zu removed, %zu changed", d->added, d->added == 1 ? "" : "s", d->removed,
              d->changed);
    if (d->meta_changed)
        sb_puts(b, "; sidecar changed");
    sb_putc(b, '\n');
    if (d->n_periods_added) {
        sb_puts(b, "  periods added: ");
        put_list(b, d->periods_added, d->n_periods_added);
        sb_putc(b, '\n');
    }
    if (d->n_periods_removed) {
        sb_puts(b, "  periods removed: ");
        put_list(b, d->periods_removed, d->n_periods_removed);
        sb_putc(b, '\n');
    }
    for (size_t i = 0; i < d->changed && i < max_changes; i++) {
        const imp_change *c = &d->ch[i];
        sb_puts(b, "  changed ");
        for (size_t k = 0; k < new_t->n_dims; k++)
            sb_printf(b, "%s%s=%s", k ? " " : "", new_t->dims[k], new_t->keys[c->new_row * new_t->n_dims + k]);
        sb_puts(b, ": ");
        put_value(b, old, c->old_row);
        sb_puts(b, " -> ");
        put_value(b, new_t, c->new_row);
        if (c->size != HUGE_VAL) {
            double delta = new_t->values[c->new_row] - old->values[c->old_row];
            sb_printf(b, " (%+.17g)", delta);
        }
        sb_putc(b, '\n');
    }
    if (d->changed > max_changes)
        sb_printf(b, "  ... and %zu more changed\n", d->changed - max_changes);
}
