#include "cmd/figure_order.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct id_key {
    int has_num;
    long chapter, number;
    size_t kind_len;        /* "fig" of "fig-2-1" */
    const char *kind;
    const char *suffix;     /* after the number: "" or "-report" */
} id_key;

static id_key key_of(const char *id)
{
    id_key k = {0, 0, 0, 0, id, ""};
    const char *dash = strchr(id, '-');
    k.kind_len = dash ? (size_t)(dash - id) : strlen(id);
    if (!dash || !isdigit((unsigned char)dash[1]))
        return k;
    char *end;
    k.chapter = strtol(dash + 1, &end, 10);
    k.has_num = 1;
    if (*end == '-' && isdigit((unsigned char)end[1]))
        k.number = strtol(end + 1, &end, 10);
    k.suffix = end;
    return k;
}

int wf_figure_id_cmp(const char *a, const char *b)
{
    id_key x = key_of(a), y = key_of(b);
    if (x.has_num != y.has_num)
        return x.has_num ? -1 : 1;
    if (!x.has_num)
        return strcmp(a, b);
    if (x.chapter != y.chapter)
        return x.chapter < y.chapter ? -1 : 1;
    if (x.number != y.number)
        return x.number < y.number ? -1 : 1;
    size_t n = x.kind_len < y.kind_len ? x.kind_len : y.kind_len;
    int c = strncmp(x.kind, y.kind, n);
    if (c == 0 && x.kind_len != y.kind_len)
        c = x.kind_len < y.kind_len ? -1 : 1;
    if (c)
        return c;
    return strcmp(x.suffix, y.suffix);
}

void wf_sort_figures(const wf_figure **figs, size_t n)
{
    /* Insertion sort: stable, and n is a few dozen. */
    for (size_t i = 1; i < n; i++) {
        const wf_figure *f = figs[i];
        size_t j = i;
        while (j > 0 && wf_figure_id_cmp(figs[j - 1]->id, f->id) > 0) {
            figs[j] = figs[j - 1];
            j--;
        }
        figs[j] = f;
    }
}
