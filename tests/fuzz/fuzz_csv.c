/* The CSV reader: tidy tables (',') and StatLine downloads (';', trimmed).
 * The streaming reader of a file (one physical line at a time) must give
 * the rows, positions and error of csv_parse on the same bytes in memory. */
#include "fuzz.h"

#include "format/csv.h"

static int fuzz_csv(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    csv_opts tidy = CSV_OPTS_TIDY, cbs = CSV_OPTS_CBS;
    const csv_opts *o = data[0] & 1 ? &cbs : &tidy;
    csv_doc *d = NULL;
    wf_error err, ferr;
    int rc = csv_parse((const char *)data + 1, size - 1, "fuzz.csv", o, &d, &err);
    if (rc == 0)
        for (size_t r = 0; r < d->n_rows; r++)
            for (size_t i = 0; i < d->rows[r].n; i++)
                if (!d->rows[r].f[i] || d->rows[r].col[i] == 0)
                    abort();
    char path[160];
    snprintf(path, sizeof path, "%s/t/fuzz.csv", fuzz_dir());
    fuzz_write(path, data + 1, size - 1);
    csv_reader *rd = NULL;
    if (csv_reader_open(path, o, NULL, NULL, &rd, &ferr) != 0)
        abort();
    const csv_row *row;
    size_t k = 0;
    int st;
    while ((st = csv_reader_next(rd, &row, &ferr)) == 1) {
        if (rc != 0)
            continue; /* the error may come later */
        if (k >= d->n_rows || row->n != d->rows[k].n || row->line != d->rows[k].line)
            abort();
        for (size_t i = 0; i < row->n; i++)
            if (strcmp(row->f[i], d->rows[k].f[i]) != 0 || row->col[i] != d->rows[k].col[i])
                abort();
        k++;
    }
    csv_reader_free(rd);
    if ((st < 0) != (rc != 0) || (rc == 0 && k != d->n_rows))
        abort();
    /* the same error, but named after the file */
    if (rc != 0 && strcmp(strchr(err.msg, ':'), strchr(ferr.msg + strlen(path), ':')) != 0) {
        fprintf(stderr, "memory: %s\nfile:   %s\n", err.msg, ferr.msg);
        abort();
    }
    csv_free(d);
    return 0;
}
WF_FUZZ_ENTRY(fuzz_csv)
