#define _POSIX_C_SOURCE 200809L
#include "claims/figindex.h"

#include <stdlib.h>
#include <string.h>

#include "util/fileio.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void claims_figure_index(const claim_set *set, strbuf *out)
{
    /* Distinct figure ids, sorted. */
    const char **figs = xcalloc(set->n + 1, sizeof *figs);
    size_t n = 0;
    for (size_t i = 0; i < set->n; i++)
        if (set->v[i].figure)
            figs[n++] = set->v[i].figure;
    qsort(figs, n, sizeof *figs, cmp_str);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || strcmp(figs[u - 1], figs[i]) != 0)
            figs[u++] = figs[i];
    sb_puts(out, "{\n  \"about\": \"ids of the claims about each figure; generated from chN.json by "
                 "`wrrfig check --write-index`, do not edit\",\n  \"figures\": {");
    for (size_t k = 0; k < u; k++) {
        sb_puts(out, k ? ",\n    " : "\n    ");
        sb_json_str(out, figs[k]);
        sb_puts(out, ": [");
        int first = 1;
        for (size_t i = 0; i < set->n; i++)
            if (set->v[i].figure && strcmp(set->v[i].figure, figs[k]) == 0) {
                if (!first)
                    sb_puts(out, ", ");
                first = 0;
                sb_json_str(out, set->v[i].id);
            }
        sb_putc(out, ']');
    }
    sb_puts(out, u ? "\n  }\n}\n" : "}\n}\n");
    free(figs);
}

static char *index_path(const char *dir)
{
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/%s", dir, CLAIMS_FIGURE_INDEX);
    return sb_take(&p);
}

int claims_figure_index_check(const char *dir, const claim_set *set, wf_error *err)
{
    char *path = index_path(dir);
    int rc = 0;
    if (file_exists(path)) {
        char *text;
        size_t len;
        if (read_file(path, &text, &len, err) != 0)
            rc = -1;
        else {
            strbuf want = STRBUF_INIT;
            claims_figure_index(set, &want);
            if (len != want.len || memcmp(text, want.s, len) != 0)
                rc = wf_errorf(err, "%s: stale: it does not list the registry's claims by figure (run `wrrfig "
                                    "check --write-index`)",
                               path);
            sb_free(&want);
            free(text);
        }
    }
    free(path);
    return rc;
}

int claims_figure_index_write(const char *dir, const claim_set *set, wf_error *err)
{
    char *path = index_path(dir);
    strbuf b = STRBUF_INIT;
    claims_figure_index(set, &b);
    int rc = atomic_write(path, b.s, b.len, err);
    sb_free(&b);
    free(path);
    return rc;
}
