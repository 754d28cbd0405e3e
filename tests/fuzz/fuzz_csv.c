/* The CSV reader: tidy tables (',') and StatLine downloads (';', trimmed). */
#include "fuzz.h"

#include "format/csv.h"

static int fuzz_csv(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    csv_opts tidy = CSV_OPTS_TIDY, cbs = CSV_OPTS_CBS;
    const csv_opts *o = data[0] & 1 ? &cbs : &tidy;
    csv_doc *d = NULL;
    wf_error err;
    if (csv_parse((const char *)data + 1, size - 1, "fuzz.csv", o, &d, &err) == 0) {
        for (size_t r = 0; r < d->n_rows; r++)
            for (size_t i = 0; i < d->rows[r].n; i++)
                if (!d->rows[r].f[i] || d->rows[r].col[i] == 0)
                    abort();
        csv_free(d);
    }
    return 0;
}
WF_FUZZ_ENTRY(fuzz_csv)
