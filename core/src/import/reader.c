#include "import/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/cbs_odata.h"
#include "import/v4obs.h"
#include "util/fileio.h"
#include "util/path.h"
#include "util/text.h"
#include "format/jsonfile.h"
#include "util/sha256.h"
#include "util/strbuf.h"

char *imp_join(const char *dir, const char *rel)
{
    strbuf b = STRBUF_INIT;
    sb_printf(&b, "%s/%s", dir, rel);
    return sb_take(&b);
}

/* What is done to each physical line of a CSV source as it is read, before
 * it is parsed: the hash of its raw bytes, the NUL check, and the repairs a
 * mapping may declare (stray quotes, a second separator). The repairs change
 * one byte for one byte, so line:col positions stay those of the file. */
typedef struct line_fix {
    imp_source *s;
    sha256_ctx sha;
    char sep, also;          /* also: the second separator, or 0 */
    bool strip_stray;
    bool inq;                /* inside quotes at the end of the previous line (for also) */
} line_fix;

/* Some hand-assembled files carry one stray '"' on a line: after an
 * unquoted number (3945") or opening a last field that never closes
 * ("10335). On a line with an odd number of quotes whose last quote has no
 * separator after it, that quote becomes a space (trimmed later). Each
 * repair is counted so the sidecar says so. Anything else is left for the
 * parser to report. */
static void strip_stray_quote(line_fix *lf, char *text, size_t len, size_t lineno)
{
    size_t quotes = 0, last = (size_t)-1, b = 0;
    for (; b < len && text[b] != '\n'; b++)
        if (text[b] == '"') {
            quotes++;
            last = b;
        }
    if (quotes % 2 == 0)
        return;
    for (size_t k = last + 1; k < b; k++)
        if (text[k] == lf->sep || (lf->also && text[k] == lf->also))
            return;
    text[last] = ' ';
    if (lf->s->stray_quotes++ == 0)
        lf->s->first_stray_line = lineno;
}

/* A second separator used on some lines (files assembled by hand from two
 * exports) becomes the main one, outside quotes. */
static void unify_separators(line_fix *lf, char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '"')
            lf->inq = !lf->inq;
        else if (!lf->inq && text[i] == lf->also)
            text[i] = lf->sep;
    }
}

static int fix_line(void *ud, char *line, size_t len, size_t lineno, wf_error *err)
{
    line_fix *lf = ud;
    sha256_update(&lf->sha, line, len);
    /* The table written from it must be text the project's reader takes
     * (util/text.h): a source cell with a byte that is not UTF-8 would give
     * a table that every build refuses, so it is refused here, at its
     * source line and column (found by tests/fuzz/fuzz_import.c). */
    if (text_check_from(lf->s->path, line, len, lineno, err) != 0)
        return -1;
    if (lf->strip_stray)
        strip_stray_quote(lf, line, len, lineno);
    if (lf->also)
        unify_separators(lf, line, len);
    return 0;
}

static void sha_hex_final(sha256_ctx *c, char out[65])
{
    unsigned char d[32];
    sha256_final(c, d);
    for (int i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* Opens a CSV source and reads its header; the data rows come one at a
 * time from imp_source_next. */
static int read_csv_source(const imp_mapping *m, imp_source *s, wf_error *err)
{
    line_fix *lf = xcalloc(1, sizeof *lf);
    lf->s = s;
    sha256_init(&lf->sha);
    lf->sep = m->sep;
    lf->also = m->also_sep;
    lf->strip_stray = m->strip_stray_quotes;
    s->fix = lf;
    csv_opts o = {m->sep, m->trim, 1};
    if (csv_reader_open(s->path, &o, fix_line, lf, &s->rd, err) != 0)
        return -1;
    const csv_row *h;
    int st = csv_reader_next(s->rd, &h, err);
    if (st < 0)
        return -1;
    if (st == 0)
        return wf_errorf(err, "%s:1:1: empty file (expected a header row)", s->path);
    s->doc = xcalloc(1, sizeof *s->doc);
    s->doc->rows = xmalloc(sizeof *s->doc->rows);
    s->doc->rows[0] = csv_row_copy(h);
    s->doc->n_rows = 1;
    return 0;
}

int imp_source_next(imp_source *s, const csv_row **row, size_t *index, wf_error *err)
{
    if (!s->rd) { /* JSON: the records are in the doc */
        if (s->next == 0)
            s->next = 1;
        if (s->next >= s->doc->n_rows)
            return 0;
        *index = s->next;
        *row = &s->doc->rows[s->next++];
        return 1;
    }
    int st = csv_reader_next(s->rd, row, err);
    if (st == 1)
        *index = ++s->next;
    else if (st == 0) { /* every byte is read: the hash is complete */
        sha_hex_final(&s->fix->sha, s->sha256);
        csv_reader_free(s->rd);
        s->rd = NULL;
        s->next = s->doc->n_rows; /* no more rows from the doc either */
    }
    return st;
}

static int read_odata_source(const imp_mapping *m, const char *shared_dir, imp_source *s, wf_error *err)
{
    cJSON *data = NULL;
    if (sha256_file_hex(s->path, s->sha256) != 0)
        return wf_errorf(err, "%s: cannot read", s->path);
    if (json_read_file(s->path, &data, err) != 0)
        return -1;
    int rc = odata_to_doc(data, s->path, &s->doc, err);
    cJSON_Delete(data);
    if (rc != 0)
        return -1;
    char *pp = imp_join(shared_dir, m->properties_resolved ? m->properties_resolved : m->properties);
    rc = json_read_file(pp, &s->properties, err);
    if (rc == 0 && !odata_properties(s->properties, pp, err))
        rc = -1;
    free(pp);
    return rc;
}

static int read_records_source(const imp_mapping *m, imp_source *s, wf_error *err)
{
    cJSON *data = NULL;
    if (sha256_file_hex(s->path, s->sha256) != 0)
        return wf_errorf(err, "%s: cannot read", s->path);
    if (json_read_file(s->path, &data, err) != 0)
        return -1;
    int rc = json_records_to_doc(data, m->records, s->path, &s->doc, err);
    cJSON_Delete(data);
    return rc;
}

static int read_v4_source(imp_source *s, wf_error *err)
{
    cJSON *data = NULL;
    if (sha256_file_hex(s->path, s->sha256) != 0)
        return wf_errorf(err, "%s: cannot read", s->path);
    if (json_read_file(s->path, &data, err) != 0)
        return -1;
    int rc = v4_observations_to_doc(data, s->path, &s->doc, err);
    cJSON_Delete(data);
    return rc;
}

int imp_source_read(const imp_mapping *m, size_t i, const char *shared_dir, imp_source *s, wf_error *err)
{
    memset(s, 0, sizeof *s);
    s->rel = m->files[i].resolved ? m->files[i].resolved : m->files[i].file;
    s->constants = m->files[i].constants;
    s->path = imp_join(shared_dir, s->rel);
    s->is_json = m->format == IMP_ODATA_JSON || m->format == IMP_JSON_RECORDS || m->format == IMP_ODATA_V4;
    s->records = m->format == IMP_JSON_RECORDS ? m->records : "value";
    int rc = m->format == IMP_ODATA_V4       ? read_v4_source(s, err)
             : m->format == IMP_ODATA_JSON   ? read_odata_source(m, shared_dir, s, err)
             : m->format == IMP_JSON_RECORDS ? read_records_source(m, s, err)
                                             : read_csv_source(m, s, err);
    if (rc != 0) {
        imp_source_free(s);
        return -1;
    }
    return 0;
}

void imp_source_free(imp_source *s)
{
    csv_reader_free(s->rd);
    free(s->fix);
    csv_free(s->doc);
    cJSON_Delete(s->properties);
    free(s->path);
    memset(s, 0, sizeof *s);
}

const char *imp_source_where(const imp_source *s, size_t row, const csv_row *r, size_t col, char *buf, size_t n)
{
    if (s->is_json)
        snprintf(buf, n, "%s: $.%s[%zu].%s", s->path, s->records, row - 1, s->doc->rows[0].f[col]);
    else
        snprintf(buf, n, "%s:%zu:%zu", s->path, r->line, r->col[col]);
    return buf;
}

static int labels_from_doc(const csv_doc *d, const imp_labels_file *lf, const char *path, cJSON *out,
                           wf_error *err)
{
    int ki = csv_header_index(d, lf->key), li = csv_header_index(d, lf->label);
    if (ki < 0 || li < 0)
        return wf_errorf(err, "%s:1:1: no column '%s' (expected columns '%s' and '%s')", path, ki < 0 ? lf->key : lf->label,
                         lf->key, lf->label);
    for (size_t r = 1; r < d->n_rows; r++) {
        const csv_row *row = &d->rows[r];
        const char *k = row->f[ki];
        if (k[0] == '\0')
            return wf_error_at(err, path, row->line, row->col[ki], "empty code (expected a code in '%s')", lf->key);
        if (cJSON_GetObjectItemCaseSensitive(out, k))
            return wf_error_at(err, path, row->line, row->col[ki], "code '%s' is labelled twice", k);
        cJSON_AddStringToObject(out, k, row->f[li]);
    }
    return 0;
}

int imp_labels_read(const imp_labels_file *lf, const char *shared_dir, cJSON **out, char sha[65], wf_error *err)
{
    char *path = imp_join(shared_dir, lf->file);
    csv_doc *d = NULL;
    int rc = -1;
    cJSON *labels = cJSON_CreateObject();
    if (path_inside(shared_dir, lf->file, err) != 0)
        goto done;
    if (sha256_file_hex(path, sha) != 0) {
        wf_errorf(err, "%s: cannot read (labels file)", path);
        goto done;
    }
    if (lf->format == IMP_ODATA_JSON) {
        cJSON *j = NULL;
        if (json_read_file(path, &j, err) != 0)
            goto done;
        rc = odata_to_doc(j, path, &d, err);
        cJSON_Delete(j);
        if (rc != 0)
            goto done;
    } else {
        char *text;
        size_t len;
        if (read_file(path, &text, &len, err) != 0)
            goto done;
        char sep = lf->sep;
        csv_opts o = {sep, 1, 1};
        rc = text_check(path, text, len, err) != 0 ? -1 : csv_parse(text, len, path, &o, &d, err);
        free(text);
        if (rc != 0)
            goto done;
    }
    rc = labels_from_doc(d, lf, path, labels, err);
done:
    csv_free(d);
    free(path);
    if (rc != 0) {
        cJSON_Delete(labels);
        return -1;
    }
    *out = labels;
    return 0;
}
