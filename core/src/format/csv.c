#define _POSIX_C_SOURCE 200809L /* getline */
#include "format/csv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/fileio.h"
#include "util/text.h"
#include "util/strbuf.h"

/* The reader keeps the bytes it has not parsed yet in buf. From a file it
 * reads one physical line at a time (hands it to the line hook) and parses
 * when the buffer may hold a whole row; a row that is not complete yet
 * (a quoted field over several lines) is parsed again from its start once
 * more lines are in. From memory, buf is the text itself. */
struct csv_reader {
    char *name;
    csv_opts o;
    FILE *f;                   /* file mode: owned */
    csv_line_fn hook;
    void *hook_ud;
    char *buf;                 /* file mode: owned; memory mode: the caller's text */
    size_t len, cap;
    bool eof;                  /* no more bytes will come */
    bool started;              /* the BOM check is done */
    size_t pos, line, linestart; /* where the next row starts */
    size_t lines_read;         /* physical lines handed to the hook */
    size_t width;              /* fields of the first row (0 before it) */
    char *lbuf;                /* getline buffer */
    size_t lcap;
    /* the current row: field texts one after another in store */
    strbuf store;
    size_t *off, *col;
    char **f_ptr;
    size_t nf, capf;
    csv_row row;
};

enum { ROW_DONE, ROW_BLANK, ROW_MORE, ROW_ERROR };

static void field_begin(csv_reader *r, size_t col)
{
    if (r->nf == r->capf) {
        r->capf = r->capf ? r->capf * 2 : 16;
        r->off = xrealloc(r->off, r->capf * sizeof *r->off);
        r->col = xrealloc(r->col, r->capf * sizeof *r->col);
        r->f_ptr = xrealloc(r->f_ptr, r->capf * sizeof *r->f_ptr);
    }
    r->off[r->nf] = r->store.len;
    r->col[r->nf] = col;
    r->nf++;
}

/* Appends s[0..n) as the current field's text, trimmed when asked, and
 * ends it. */
static void field_end(csv_reader *r, const char *s, size_t n)
{
    if (r->o.trim) {
        while (n > 0 && (*s == ' ' || *s == '\t')) {
            s++;
            n--;
        }
        while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
    }
    sb_add(&r->store, s, n);
    sb_putc(&r->store, '\0');
}

/* Parses one row from r->pos. ROW_MORE: the buffer ends before the row does
 * and more bytes may come (nothing is consumed). */
static int parse_row(csv_reader *r, wf_error *err)
{
    const char *text = r->buf;
    size_t len = r->len, pos = r->pos, line = r->line, linestart = r->linestart;
    const char sep = r->o.sep;
    const bool trim = r->o.trim, more = !r->eof;
    strbuf quoted = STRBUF_INIT;
    r->nf = 0;
    r->store.len = 0;
    size_t row_line = line;
    for (;;) { /* one field per iteration */
        size_t fcol = pos - linestart + 1;
        size_t p = pos;
        while (trim && p < len && (text[p] == ' ' || text[p] == '\t') && text[p] != sep)
            p++;
        if (p >= len && more)
            goto need_more;
        if (p < len && text[p] == '"') {
            size_t qline = line, qcol = p - linestart + 1;
            quoted.len = 0;
            p++;
            for (;;) {
                if (p >= len) {
                    if (more)
                        goto need_more;
                    sb_free(&quoted);
                    return wf_error_at(err, r->name, qline, qcol, "unterminated quoted field (file ends inside quotes)"),
                           ROW_ERROR;
                }
                if (text[p] == '"') {
                    if (p + 1 >= len && more)
                        goto need_more;
                    if (p + 1 < len && text[p + 1] == '"') {
                        sb_putc(&quoted, '"');
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
                sb_putc(&quoted, text[p]);
                p++;
            }
            /* Padding after the closing quote is skipped only when trimming,
             * and never a tab that is itself the separator. */
            while (trim && p < len && (text[p] == ' ' || text[p] == '\t') && text[p] != sep)
                p++;
            if (p >= len && more)
                goto need_more;
            if (p < len && text[p] != sep && text[p] != '\n' && text[p] != '\r') {
                size_t bl = line, bc = p - linestart + 1;
                char c = text[p];
                sb_free(&quoted);
                return wf_error_at(err, r->name, bl, bc,
                                   "unexpected '%c' after closing quote (expected '%c' or end of line)", c, sep),
                       ROW_ERROR;
            }
            field_begin(r, fcol);
            field_end(r, quoted.s ? quoted.s : "", quoted.len);
        } else {
            size_t start = p = pos;
            while (p < len && text[p] != sep && text[p] != '\n' && text[p] != '\r')
                p++;
            if (p >= len && more)
                goto need_more;
            field_begin(r, fcol);
            field_end(r, text + start, p - start);
        }
        pos = p;
        if (pos < len && text[pos] == sep) {
            pos++;
            continue;
        }
        break;
    }
    /* end of row: "\r\n", "\n" or a lone "\r" (whose '\n' may not be read yet) */
    if (pos < len && text[pos] == '\r') {
        if (pos + 1 >= len && more)
            goto need_more;
        pos++;
    }
    if (pos < len && text[pos] == '\n')
        pos++;
    sb_free(&quoted);
    r->pos = pos;
    r->line = line + 1;
    r->linestart = pos;
    for (size_t i = 0; i < r->nf; i++)
        r->f_ptr[i] = r->store.s + r->off[i];
    r->row = (csv_row){r->nf, r->f_ptr, r->col, row_line};
    /* a blank line (one empty field) is skipped, as StatLine files end with one */
    if (r->nf == 1 && r->f_ptr[0][0] == '\0')
        return ROW_BLANK;
    return ROW_DONE;
need_more:
    sb_free(&quoted);
    return ROW_MORE;
}

/* File mode: reads one more physical line into buf (through the hook). */
static int read_line(csv_reader *r, wf_error *err)
{
    errno = 0;
    ssize_t n = getline(&r->lbuf, &r->lcap, r->f);
    if (n < 0) {
        if (ferror(r->f))
            return wf_errorf(err, "%s: read error: %s", r->name, strerror(errno ? errno : EIO));
        r->eof = true;
        return 0;
    }
    r->lines_read++;
    if (r->hook && r->hook(r->hook_ud, r->lbuf, (size_t)n, r->lines_read, err) != 0)
        return -1;
    /* keep only the unparsed bytes: rows before pos are done */
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->linestart -= r->pos;
        r->pos = 0;
    }
    if (r->len + (size_t)n + 1 > r->cap) {
        r->cap = (r->len + (size_t)n + 1) * 2;
        r->buf = xrealloc(r->buf, r->cap);
    }
    memcpy(r->buf + r->len, r->lbuf, (size_t)n);
    r->len += (size_t)n;
    return 0;
}

static csv_reader *reader_new(const char *name, const csv_opts *o)
{
    csv_reader *r = xcalloc(1, sizeof *r);
    r->name = xstrdup(name);
    r->o = *o;
    r->line = 1;
    return r;
}

int csv_reader_open(const char *path, const csv_opts *o, csv_line_fn hook, void *ud, csv_reader **out,
                    wf_error *err)
{
    const char *why;
    FILE *f = fopen_regular(path, &why);
    if (!f)
        return wf_errorf(err, "%s: cannot open: %s", path, why);
    csv_reader *r = reader_new(path, o);
    r->f = f;
    r->hook = hook;
    r->hook_ud = ud;
    *out = r;
    return 0;
}

csv_reader *csv_reader_mem(const char *text, size_t len, const char *name, const csv_opts *o)
{
    csv_reader *r = reader_new(name, o);
    r->buf = (char *)text; /* never written in memory mode */
    r->len = len;
    r->eof = true;
    return r;
}

int csv_reader_next(csv_reader *r, const csv_row **row, wf_error *err)
{
    if (!r->started) {
        /* the BOM: the first line holds it, if any */
        while (r->f && !r->eof && r->len < 3)
            if (read_line(r, err) != 0)
                return -1;
        if (r->len >= 3 && (unsigned char)r->buf[0] == 0xEF && (unsigned char)r->buf[1] == 0xBB &&
            (unsigned char)r->buf[2] == 0xBF) {
            r->pos = 3;
            r->linestart = 3; /* columns count characters after the BOM */
        }
        r->started = true;
    }
    for (;;) {
        if (r->pos >= r->len) {
            if (r->eof)
                return 0;
            if (read_line(r, err) != 0)
                return -1;
            continue;
        }
        int st = parse_row(r, err);
        if (st == ROW_ERROR)
            return -1;
        if (st == ROW_MORE) {
            if (read_line(r, err) != 0)
                return -1;
            continue;
        }
        if (st == ROW_BLANK)
            continue;
        if (r->o.same_width && r->width > 0 && r->row.n != r->width) {
            size_t bad_col = r->row.n > r->width ? r->row.col[r->width] : 1;
            return wf_error_at(err, r->name, r->row.line, bad_col, "expected %zu fields as in the header, found %zu",
                               r->width, r->row.n);
        }
        if (r->width == 0)
            r->width = r->row.n;
        *row = &r->row;
        return 1;
    }
}

void csv_reader_free(csv_reader *r)
{
    if (!r)
        return;
    if (r->f) {
        fclose(r->f);
        free(r->buf);
    }
    free(r->lbuf);
    free(r->name);
    sb_free(&r->store);
    free(r->off);
    free(r->col);
    free(r->f_ptr);
    free(r);
}

void csv_rows_free(csv_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < rows[i].n; j++)
            free(rows[i].f[j]);
        free(rows[i].f);
        free(rows[i].col);
    }
    free(rows);
}

csv_row csv_row_copy(const csv_row *row)
{
    csv_row c = {row->n, xcalloc(row->n ? row->n : 1, sizeof *c.f), xcalloc(row->n ? row->n : 1, sizeof *c.col),
                 row->line};
    for (size_t j = 0; j < row->n; j++) {
        c.f[j] = xstrdup(row->f[j]);
        c.col[j] = row->col[j];
    }
    return c;
}

int csv_parse(const char *text, size_t len, const char *name, const csv_opts *o, csv_doc **out,
              wf_error *err)
{
    csv_reader *r = csv_reader_mem(text, len, name, o);
    csv_row *rows = NULL;
    size_t n_rows = 0, cap_rows = 0;
    const csv_row *row;
    int st;
    while ((st = csv_reader_next(r, &row, err)) == 1) {
        if (n_rows == cap_rows) {
            cap_rows = cap_rows ? cap_rows * 2 : 64;
            rows = xrealloc(rows, cap_rows * sizeof *rows);
        }
        rows[n_rows++] = csv_row_copy(row);
    }
    csv_reader_free(r);
    if (st < 0) {
        csv_rows_free(rows, n_rows);
        return -1;
    }
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

void csv_truncate(csv_doc *d, size_t keep)
{
    if (!d || keep >= d->n_rows)
        return;
    for (size_t i = keep; i < d->n_rows; i++) {
        for (size_t j = 0; j < d->rows[i].n; j++)
            free(d->rows[i].f[j]);
        free(d->rows[i].f);
        free(d->rows[i].col);
    }
    d->n_rows = keep;
}

void csv_free(csv_doc *d)
{
    if (!d)
        return;
    csv_rows_free(d->rows, d->n_rows);
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
