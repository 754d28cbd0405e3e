/* Tabel 7.1 (experienced labour-market discrimination, SCP 2018) drawn as a
 * table: one row per origin group, each column group written "X% (Y%)" as
 * the report prints it (without doubt, in brackets including doubt). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "labour.h"

#define MAX_ROWS 16
#define MAX_COLS 4

/* x of the label column and of each value column, in graph coordinates. */
static double col_x(size_t c, size_t nc)
{
    return 0.52 + (0.46 / (double)nc) * ((double)c + 0.5);
}

/* Appends Markdown structure as it is. */
static void md_raw(char *md, size_t size, size_t *len, const char *s)
{
    for (; *s && *len + 1 < size; s++)
        md[(*len)++] = *s;
    md[*len] = '\0';
}

/* Appends s to the Markdown buffer with the characters Markdown would
 * interpret in a table cell escaped. */
static void md_put(char *md, size_t size, size_t *len, const char *s)
{
    for (; s && *s && *len + 3 < size; s++) {
        if (*s == '|' || *s == '*' || *s == '_' || *s == '\\')
            md[(*len)++] = '\\';
        md[(*len)++] = *s == '\n' ? ' ' : *s;
    }
    md[*len] = '\0';
}

/* The same table as Markdown (<id>.md beside the figure), with the
 * footnotes and source line of the spec. */
static void write_markdown(const wrrfig_host *h, wrrfig_ctx *ctx, const char *row_header, size_t nr, size_t nc,
                           char text[MAX_ROWS][MAX_COLS][32])
{
    char md[8192];
    size_t len = 0;
    md[0] = '\0';
    md_put(md, sizeof md, &len, h->spec_text(ctx, "title"));
    md_raw(md, sizeof md, &len, "\n\n| ");
    md_put(md, sizeof md, &len, row_header);
    for (size_t c = 0; c < nc; c++) {
        md_raw(md, sizeof md, &len, " | ");
        md_put(md, sizeof md, &len, wfc_spec_textf(h, ctx, "columns.%zu.label", c));
    }
    md_raw(md, sizeof md, &len, " |\n|---");
    for (size_t c = 0; c < nc; c++)
        md_raw(md, sizeof md, &len, "|---:");
    md_raw(md, sizeof md, &len, "|\n");
    for (size_t r = 0; r < nr; r++) {
        md_raw(md, sizeof md, &len, "| ");
        md_put(md, sizeof md, &len, wfc_spec_textf(h, ctx, "rows.%zu.label", r));
        for (size_t c = 0; c < nc; c++) {
            md_raw(md, sizeof md, &len, " | ");
            md_put(md, sizeof md, &len, text[r][c]);
        }
        md_raw(md, sizeof md, &len, " |\n");
    }
    md_raw(md, sizeof md, &len, "\n");
    size_t nn = h->spec_count(ctx, "notes");
    for (size_t i = 0; i < nn; i++) {
        md_put(md, sizeof md, &len, wfc_spec_textf(h, ctx, "notes.%zu", i));
        md_raw(md, sizeof md, &len, "\n\n");
    }
    md_put(md, sizeof md, &len, h->spec_text(ctx, "source"));
    md_raw(md, sizeof md, &len, "\n");
    h->output_text(ctx, "md", md);
}

wrrfig_status lab_build_tab_7_1(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, LAB_T_TAB71);
    if (!t)
        return WRRFIG_NODATA;
    int d_origin = lab_dim(h, ctx, t, LAB_T_TAB71, "herkomst");
    int d_domain = lab_dim(h, ctx, t, LAB_T_TAB71, "terrein");
    int d_doubt = lab_dim(h, ctx, t, LAB_T_TAB71, "twijfel");
    int d_line = lab_dim(h, ctx, t, LAB_T_TAB71, "report_line");
    if (d_origin < 0 || d_domain < 0 || d_doubt < 0 || d_line < 0)
        return WRRFIG_ERROR;
    size_t nr = h->spec_count(ctx, "rows"), nc = h->spec_count(ctx, "columns");
    if (nr == 0 || nr > MAX_ROWS || nc == 0 || nc > MAX_COLS) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec: needs 1..%d 'rows' and 1..%d 'columns'", MAX_ROWS, MAX_COLS);
        return WRRFIG_ERROR;
    }
    /* The words of the table that are not data: in the spec, in nl and en. */
    static const char *const keys[] = {"text.row_header", "text.missing_cells"};
    const char *words[2];
    if (!wfc_spec_texts(h, ctx, keys, words, 2))
        return WRRFIG_ERROR;
    h->csv_row(ctx, "ssssss", "herkomst", "label", "terrein", "zonder_twijfel_pct", "inclusief_twijfel_pct",
               "bron_regel");
    char text[MAX_ROWS][MAX_COLS][32];
    size_t missing = 0;
    for (size_t r = 0; r < nr; r++) {
        const char *code = wfc_spec_textf(h, ctx, "rows.%zu.key", r);
        const char *label = wfc_spec_textf(h, ctx, "rows.%zu.label", r);
        for (size_t c = 0; c < nc; c++) {
            const char *domain = wfc_spec_textf(h, ctx, "columns.%zu.key", c);
            double v[2] = {NAN, NAN};
            const char *line = "";
            static const char *const doubt[2] = {"zonder", "inclusief"};
            for (int k = 0; k < 2 && code && domain; k++) {
                int dims[3] = {d_origin, d_domain, d_doubt};
                const char *codes[3] = {code, domain, doubt[k]};
                size_t row = lab_find_row(h, t, dims, codes, 3);
                int kind = row == LAB_NO_ROW ? WRRFIG_NO_CELL
                                             : wfc_share_value(h, ctx, t, row, "experienced discrimination", &v[k]);
                if (kind < 0)
                    return WRRFIG_ERROR;
                if (kind == WRRFIG_VALUE)
                    line = h->table_key(t, row, (size_t)d_line);
                else
                    v[k] = NAN;
            }
            if (isnan(v[0]) || isnan(v[1])) {
                missing++;
                snprintf(text[r][c], sizeof text[r][c], "%s", "..");
            } else {
                snprintf(text[r][c], sizeof text[r][c], "%.0f%% (%.0f%%)", v[0], v[1]);
            }
            h->csv_row(ctx, "sssnns", code ? code : "", label ? label : "", domain ? domain : "", v[0], v[1],
                       line);
        }
    }
    if (missing == nr * nc) {
        h->log(ctx, WRRFIG_LOG_WARN, "%s holds none of the cells the spec asks for", LAB_T_TAB71);
        return WRRFIG_NODATA;
    }
    if (missing) {
        char n[24], note[512];
        snprintf(n, sizeof n, "%zu", missing);
        wfc_fill(note, sizeof note, words[1], (const char *const[]){"n"}, (const char *const[]){n}, 1);
        h->note(ctx, "%s", note);
    }
    h->gp_block_begin(ctx, "cells");
    for (size_t r = 0; r < nr; r++)
        for (size_t c = 0; c < nc; c++)
            h->gp_block_row(ctx, "%g %zu %q", col_x(c, nc), r, text[r][c]);
    h->gp_block_end(ctx);
    write_markdown(h, ctx, words[0], nr, nc, text);
    h->gp_block_begin(ctx, "rowlab");
    for (size_t r = 0; r < nr; r++) {
        const char *label = wfc_spec_textf(h, ctx, "rows.%zu.label", r);
        h->gp_block_row(ctx, "%g %zu %q", 0.01, r, label ? label : "");
    }
    h->gp_block_end(ctx);

    /* A table, not a chart: no axes, rows top to bottom. */
    h->gp_cmd(ctx, "unset border");
    h->gp_cmd(ctx, "unset tics");
    h->gp_cmd(ctx, "unset grid");
    h->gp_cmd(ctx, "unset key");
    h->gp_cmd(ctx, "set lmargin 1");
    h->gp_cmd(ctx, "set rmargin 1");
    h->gp_cmd(ctx, "set tmargin 3");
    h->gp_cmd(ctx, "set bmargin 9");
    h->gp_cmd(ctx, "set xrange [0:1]");
    h->gp_cmd(ctx, "set yrange [%g:%g]", (double)nr - 0.4, -1.6);
    for (size_t c = 0; c < nc; c++) {
        const char *head = wfc_spec_textf(h, ctx, "columns.%zu.label", c);
        h->gp_cmd(ctx, "set label %zu %q at first %g, first -1 center font ',11'", c + 1, head ? head : "",
                  col_x(c, nc));
    }
    h->gp_cmd(ctx, "set arrow 1 from graph 0, first -1.5 to graph 1, first -1.5 nohead lc rgb '#444444' lw 1.5");
    h->gp_cmd(ctx, "set arrow 2 from graph 0, first -0.5 to graph 1, first -0.5 nohead lc rgb '#444444' lw 1");
    h->gp_cmd(ctx, "set arrow 3 from graph 0, first %g to graph 1, first %g nohead lc rgb '#444444' lw 1.5",
              (double)nr - 0.5, (double)nr - 0.5);
    for (size_t r = 1; r < nr; r++)
        h->gp_cmd(ctx,
                  "set arrow %zu from graph 0, first %g to graph 1, first %g nohead lc rgb '#dddddd' lw 0.5",
                  r + 3, (double)r - 0.5, (double)r - 0.5);
    /* The footnotes belong to the table, so they are drawn under it. */
    size_t nn = h->spec_count(ctx, "notes");
    size_t drawn = 0;
    for (size_t i = 0; i < nn && drawn < 3; i++) {
        const char *note = wfc_spec_textf(h, ctx, "notes.%zu", i);
        if (!note || note[0] != '*')
            continue;
        h->gp_cmd(ctx, "set label %zu %q at screen 0.01, screen %g left font ',8'", 20 + drawn, note,
                  0.17 - 0.04 * (double)drawn);
        drawn++;
    }
    h->gp_cmd(ctx, "plot $rowlab using 1:2:3 with labels left font ',10', \\");
    h->gp_cmd(ctx, "  $cells using 1:2:3 with labels center font ',10'");
    return WRRFIG_OK;
}
