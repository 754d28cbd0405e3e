#include "format/csv.h"

#include <stdlib.h>
#include <string.h>

#include "util/fileio.h"
#include "util/text.h"
#include "util/strbuf.h"

typedef struct fieldbuf {
    char **f;
    size_t *col;
    size_t n, cap;
} fieldbuf;

static void push_field(fieldbuf *fb, char *s, size_t col)
{
    if (fb->n == fb->cap) {
        fb->cap = fb->cap ? fb->cap * 2 : 8;
        fb->f = xrealloc(fb->f, fb->cap * sizeof *fb->f);
        fb->col = xrealloc(fb->col, fb->cap * sizeof *fb->col);
    }
    fb->f[fb->n] = s;
    fb->col[fb->n] = col;
    fb->n++;
}

static char *trimmed(const char *s, size_t n, int trim)
{
    if (trim) {
        while (n > 0 && (*s == ' ' || *s == '\t')) {
            s++;
            n--;
        }
        while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
    }
    return xstrndup(s, n);
}

static void free_rows(csv_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < rows[i].n; j++)
            free(rows[i].f[j]);
        free(rows[i].f);
        free(rows[i].col);
    }
    free(rows);
}

int csv_parse(const char *text, size_t len, const char *name, const csv_opts *o, csv_doc **out,
              wf_error *err)
{
    size_t pos = 0, line = 1, linestart = 0;
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF) {
        pos = 3;
        linestart = 3; /* columns count characters after the BOM */
    }
    csv_row *rows = NULL;
    size_t n_rows = 0, cap_rows = 0;
    strbuf field = STRBUF_INIT;

    while (pos < len) {
        fieldbuf fb = {0};
        size_t row_line = line;
        for (;;) { /* one field per iteration */
            size_t fcol = pos - linestart + 1;
            field.len = 0;
            size_t p = pos;
            while (o->trim && p < len && (text[p] == ' ' || text[p] == '\t') && text[p] != o->sep)
                p++;
            if (p < len && text[p] == '"') {
                size_t qline = line, qcol = p - linestart + 1;
                p++;
                for (;;) {
                    if (p >= len) {
                        free(field.s);
                        for (size_t i = 0; i < fb.n; i++)
                            free(fb.f[i]);
                        free(fb.f);
                        free(fb.col);
                        free_rows(rows, n_rows);
                        return wf_error_at(err, name, qline, qcol,
                                           "unterminated quoted field (file ends inside quotes)");
                    }
                    if (text[p] == '"') {
                        if (p + 1 < len && text[p + 1] == '"') {
                            sb_putc(&field, '"');
                            p += 2;
                            continue;
                        }
                        p++;
                        break;
                    }
                    if (text[p] == '\n') {
                        line++;
                        linestart = p + 1;
                    }
                    sb_putc(&field, text[p]);
                    p++;
                }
                /* Padding after the closing quote is skipped only when trimming,
                 * and never a tab that is itself the separator. */
                while (o->trim && p < len && (text[p] == ' ' || text[p] == '\t') && text[p] != o->sep)
                    p++;
                if (p < len && text[p] != o->sep && text[p] != '\n' && text[p] != '\r') {
                    size_t bl = line, bc = p - linestart + 1;
                    char c = text[p];
                    free(field.s);
                    for (size_t i = 0; i < fb.n; i++)
                        free(fb.f[i]);
                    free(fb.f);
                    free(fb.col);
                    free_rows(rows, n_rows);
                    return wf_error_at(err, name, bl, bc,
                                       "unexpected '%c' after closing quote (expected '%c' or end of line)",
                                       c, o->sep);
                }
                push_field(&fb, trimmed(field.s ? field.s : "", field.len, o->trim), fcol);
            } else {
                size_t start = p = pos;
                while (p < len && text[p] != o->sep && text[p] != '\n' && text[p] != '\r')
                    p++;
                size_t end = p;
                push_field(&fb, trimmed(text + start, end - start, o->trim), fcol);
            }
            pos = p;
            if (pos < len && text[pos] == o->sep) {
                pos++;
                continue;
            }
            break;
        }
        /* end of row */
        if (pos < len && text[pos] == '\r')
            pos++;
        if (pos < len && text[pos] == '\n')
            pos++;
        line++;
        linestart = pos;
        /* a blank line (one empty field) is skipped, as StatLine files end with one */
        if (fb.n == 1 && fb.f[0][0] == '\0') {
            free(fb.f[0]);
            free(fb.f);
            free(fb.col);
            continue;
        }
        if (o->same_width && n_rows > 0 && fb.n != rows[0].n) {
            size_t bad_col = fb.n > rows[0].n ? fb.col[rows[0].n] : 1;
            size_t want = rows[0].n, got = fb.n;
            for (size_t i = 0; i < fb.n; i++)
                free(fb.f[i]);
            free(fb.f);
            free(fb.col);
            free(field.s);
            free_rows(rows, n_rows);
            return wf_error_at(err, name, row_line, bad_col, "expected %zu fields as in the header, found %zu",
                               want, got);
        }
        if (n_rows == cap_rows) {
            cap_rows = cap_rows ? cap_rows * 2 : 64;
            rows = xrealloc(rows, cap_rows * sizeof *rows);
        }
        rows[n_rows].n = fb.n;
        rows[n_rows].f = fb.f;
        rows[n_rows].col = fb.col;
        rows[n_rows].line = row_line;
        n_rows++;
    }
    free(field.s);
    csv_doc *d = xmalloc(sizeof *d);
    d->n_rows = n_rows;
    d->rows = rows;
    *out = d;
    return 0;
}

int csv_read_file(const char *path, const csv_opts *o, csv_doc **out, wf_error *err)
{
    char *text;
    size_t len;
    if (read_file(path, &text, &len, err) != 0)
        return -1;
    if (text_check(path, text, len, err) != 0) {
        free(text);
        return -1;
    }
    int rc = csv_parse(text, len, path, o, out, err);
    free(text);
    return rc;
}

void csv_free(csv_doc *d)
{
    if (!d)
        return;
    free_rows(d->rows, d->n_rows);
    free(d);
}

int csv_header_index(const csv_doc *d, const char *name)
{
    if (!d || d->n_rows == 0)
        return -1;
    for (size_t i = 0; i < d->rows[0].n; i++)
        if (strcmp(d->rows[0].f[i], name) == 0)
            return (int)i;
    return -1;
}

void csv_put_field(strbuf *b, const char *s, char sep)
{
    int quote = 0;
    for (const char *p = s; *p; p++)
        if (*p == sep || *p == '"' || *p == '\n' || *p == '\r')
            quote = 1;
    if (s[0] == ' ' || (s[0] && s[strlen(s) - 1] == ' '))
        quote = 1;
    if (!quote) {
        sb_puts(b, s);
        return;
    }
    sb_putc(b, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            sb_putc(b, '"');
        sb_putc(b, *p);
    }
    sb_putc(b, '"');
}
