/* Tables: load, save, load again; the second load must succeed and give the
 * same dimensions, keys, kinds and values (table_save writes nothing that
 * table_load rejects or reads differently). */
#include "fuzz.h"

#include <math.h>

#include "data/table.h"

static int fuzz_table(const uint8_t *data, size_t size)
{
    const char *dir = fuzz_dir();
    char path[160];
    snprintf(path, sizeof path, "%s/t/x.csv", dir);
    fuzz_write(path, data, size);
    snprintf(path, sizeof path, "%s/t/x.meta.json", dir);
    fuzz_write(path, "{\"source\": \"fuzz\"}", 18);
    wf_table *t = NULL, *u = NULL;
    wf_error err;
    if (table_load(dir, "t/x", &t, &err) != 0)
        return 0;
    char udir[160];
    snprintf(udir, sizeof udir, "%s/u", dir);
    free(t->name);
    t->name = strdup("y");
    if (table_save(t, udir, &err) != 0 || table_load(udir, "y", &u, &err) != 0) {
        fprintf(stderr, "round trip: %s\n", err.msg);
        abort();
    }
    if (u->n_dims != t->n_dims || u->n_rows != t->n_rows || u->has_value != t->has_value)
        abort();
    for (size_t d = 0; d < t->n_dims; d++)
        if (strcmp(t->dims[d], u->dims[d]) != 0)
            abort();
    for (size_t r = 0; r < t->n_rows; r++) {
        for (size_t d = 0; d < t->n_dims; d++)
            if (strcmp(t->keys[r * t->n_dims + d], u->keys[r * u->n_dims + d]) != 0)
                abort();
        if (t->has_value && (t->kinds[r] != u->kinds[r] ||
                             (t->kinds[r] == WRRFIG_VALUE && t->values[r] != u->values[r])))
            abort();
    }
    table_free(t);
    table_free(u);
    return 0;
}
WF_FUZZ_ENTRY(fuzz_table)
