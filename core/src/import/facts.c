#include "import/facts.h"

#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/strset.h"

/* CBS period codes sort in time order within one kind (1950JJ00 <
 * 2022JJ00, 2019KW01 < 2019KW02), so byte order gives first and last. */
static void widen(const char **lo, const char **hi, const char *code)
{
    if (!*lo || strcmp(code, *lo) < 0)
        *lo = code;
    if (!*hi || strcmp(code, *hi) > 0)
        *hi = code;
}

cJSON *imp_facts(const wf_table *t, const char *period_dim, const char *topic_dim)
{
    cJSON *f = cJSON_CreateObject();
    cJSON_AddNumberToObject(f, "rows", (double)t->n_rows);
    int pd = period_dim ? table_dim(t, period_dim) : -1;
    int td = topic_dim ? table_dim(t, topic_dim) : -1;
    if (pd < 0)
        return f;
    const char *lo = NULL, *hi = NULL, *nlo = NULL, *nhi = NULL;
    strset periods = STRSET_INIT, topics = STRSET_INIT;
    for (size_t r = 0; r < t->n_rows; r++) {
        const char *p = t->keys[r * t->n_dims + (size_t)pd];
        strset_intern(&periods, p);
        widen(&lo, &hi, p);
        if (!t->has_value || t->kinds[r] == WRRFIG_VALUE)
            widen(&nlo, &nhi, p);
        if (td >= 0)
            strset_intern(&topics, t->keys[r * t->n_dims + (size_t)td]);
    }
    cJSON *po = cJSON_AddObjectToObject(f, "periods");
    cJSON_AddStringToObject(po, "dimension", period_dim);
    cJSON_AddNumberToObject(po, "count", (double)periods.n);
    cJSON_AddStringToObject(po, "first", lo ? lo : "");
    cJSON_AddStringToObject(po, "last", hi ? hi : "");
    if (nlo) {
        cJSON_AddStringToObject(po, "first_with_number", nlo);
        cJSON_AddStringToObject(po, "last_with_number", nhi);
    }
    if (td >= 0) {
        /* Per topic, in the table's (sorted) code order of topics. */
        const char **tl = xcalloc(topics.n ? topics.n : 1, sizeof *tl), **th = xcalloc(topics.n ? topics.n : 1, sizeof *th);
        cJSON *to = cJSON_AddObjectToObject(f, "topics");
        for (size_t r = 0; r < t->n_rows; r++)
            if (t->kinds[r] == WRRFIG_VALUE) {
                size_t k = strset_index(&topics, t->keys[r * t->n_dims + (size_t)td]);
                widen(&tl[k], &th[k], t->keys[r * t->n_dims + (size_t)pd]);
            }
        /* Sort topic codes so the sidecar does not depend on row order. */
        size_t *idx = xcalloc(topics.n ? topics.n : 1, sizeof *idx);
        for (size_t k = 0; k < topics.n; k++)
            idx[k] = k;
        for (size_t a = 1; a < topics.n; a++)
            for (size_t b = a; b > 0 && strcmp(topics.order[idx[b - 1]], topics.order[idx[b]]) > 0; b--) {
                size_t x = idx[b - 1];
                idx[b - 1] = idx[b];
                idx[b] = x;
            }
        for (size_t j = 0; j < topics.n; j++) {
            size_t k = idx[j];
            cJSON *o = cJSON_AddObjectToObject(to, topics.order[k]);
            if (tl[k]) {
                cJSON_AddStringToObject(o, "first", tl[k]);
                cJSON_AddStringToObject(o, "last", th[k]);
            } else {
                cJSON_AddNullToObject(o, "first");
                cJSON_AddNullToObject(o, "last");
            }
        }
        free(idx);
        free(tl);
        free(th);
    }
    strset_free(&periods);
    strset_free(&topics);
    return f;
}
