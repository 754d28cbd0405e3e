/* Tabel 2.1: length of stay by municipality type for two immigration
 * cohorts, drawn as 100% stacked horizontal bars (one panel per cohort) and
 * written out as CSV and Markdown. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cohorts.h"
#include "common/counts.h"
#include "common/spectext.h"

#define MAX_TYPES 16
#define N_STAY 3
#define N_COHORT 2

static const char *const stay_codes[N_STAY] = {"<2", "2-5", ">5"};
static const char *const cohort_codes[N_COHORT] = {"1999-2005", "2006-2010"};
/* Three printed values rounded to 0.1 can be off by 0.05 each. */
#define ROW_SUM_TOLERANCE 0.15

typedef struct tab21 {
    size_t n_types;
    const char *types[MAX_TYPES]; /* host-owned strings, in the report's order */
    double v[MAX_TYPES][N_COHORT][N_STAY];
} tab21;

static int find_type(const tab21 *t, const char *name)
{
    for (size_t i = 0; i < t->n_types; i++)
        if (strcmp(t->types[i], name) == 0)
            return (int)i;
    return -1;
}

static int index_of(const char *const *list, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], s) == 0)
            return (int)i;
    return -1;
}

/* Reads the table into the report's layout; every cell must be present. */
static wrrfig_status load(const wrrfig_host *h, wrrfig_ctx *ctx, tab21 *out)
{
    const wrrfig_table *t = h->table(ctx, TAB21_TABLE);
    if (!t)
        return WRRFIG_ERROR;
    int d_order = h->table_dim_index(t, "order"), d_type = h->table_dim_index(t, "type");
    int d_cohort = h->table_dim_index(t, "cohort"), d_stay = h->table_dim_index(t, "stay");
    if (d_order < 0 || d_type < 0 || d_cohort < 0 || d_stay < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: expected columns order, type, cohort, stay, value", TAB21_TABLE);
        return WRRFIG_ERROR;
    }
    memset(out, 0, sizeof *out);
    int seen[MAX_TYPES][N_COHORT][N_STAY] = {{{0}}};
    for (size_t r = 0; r < h->table_rows(t); r++) {
        const char *type = h->table_key(t, r, (size_t)d_type);
        int c = index_of(cohort_codes, N_COHORT, h->table_key(t, r, (size_t)d_cohort));
        int s = index_of(stay_codes, N_STAY, h->table_key(t, r, (size_t)d_stay));
        if (c < 0 || s < 0) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s row %zu: unknown cohort '%s' or stay '%s'", TAB21_TABLE, r + 2,
                   h->table_key(t, r, (size_t)d_cohort), h->table_key(t, r, (size_t)d_stay));
            return WRRFIG_ERROR;
        }
        int ti = find_type(out, type);
        if (ti < 0) {
            if (out->n_types == MAX_TYPES) {
                h->log(ctx, WRRFIG_LOG_ERROR, "%s: more than %d municipality types", TAB21_TABLE, MAX_TYPES);
                return WRRFIG_ERROR;
            }
            ti = (int)out->n_types++;
            out->types[ti] = type;
        }
        double v;
        int kind = wfc_count_value(h, ctx, t, r, COHORTS_COUNTS, &v);
        if (kind < 0)
            return WRRFIG_ERROR;
        if (kind != WRRFIG_VALUE) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s row %zu: no number for %s / %s / %s", TAB21_TABLE, r + 2, type,
                   cohort_codes[c], stay_codes[s]);
            return WRRFIG_ERROR;
        }
        out->v[ti][c][s] = v;
        seen[ti][c][s] = 1;
    }
    for (size_t i = 0; i < out->n_types; i++)
        for (int c = 0; c < N_COHORT; c++)
            for (int s = 0; s < N_STAY; s++)
                if (!seen[i][c][s]) {
                    h->log(ctx, WRRFIG_LOG_ERROR, "%s: cell %s / %s / %s is missing", TAB21_TABLE, out->types[i],
                           cohort_codes[c], stay_codes[s]);
                    return WRRFIG_ERROR;
                }
    if (out->n_types == 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: no rows", TAB21_TABLE);
        return WRRFIG_ERROR;
    }
    return WRRFIG_OK;
}

static double row_sum(const tab21 *t, size_t i, int c)
{
    return t->v[i][c][0] + t->v[i][c][1] + t->v[i][c][2];
}

/* The words of the Markdown table, from the spec (tab_2_1_build reads
 * them): its title, the type column's head, the three stay classes (the
 * legend's), the two cohorts' heads, the footnote and the source line. */
enum { MD_TITLE, MD_TYPE, MD_STAY, MD_COHORT = MD_STAY + N_STAY, MD_FOOTNOTE = MD_COHORT + N_COHORT, MD_SOURCE,
       MD_N, ROW_SUM = MD_N, DECIMAL_MARK, N_WORDS };
/* ... and the note on a row that does not add up, with its decimal mark. */
static const char *const md_keys[N_WORDS] = {"title",         "text.md_type_column", "legend.0",       "legend.1",
                                             "legend.2",      "text.md_cohorts.0",   "text.md_cohorts.1",
                                             "text.md_footnote", "text.md_source", "text.row_sum",
                                             "text.decimal_mark"};
_Static_assert(N_STAY == 3 && N_COHORT == 2, "md_keys lists 3 stay classes and 2 cohorts");

static void write_markdown(const wrrfig_host *h, wrrfig_ctx *ctx, const tab21 *t, const char *const *w)
{
    /* Sized for 16 rows of at most ~120 bytes plus notes. */
    char md[8192];
    size_t n = 0;
    const char *const *stay = &w[MD_STAY];
    n += (size_t)snprintf(md + n, sizeof md - n,
                          "# %s\n\n| %s | %s | %s | %s | %s | %s | %s |\n"
                          "|---|---:|---:|---:|---:|---:|---:|\n| | %s | | | %s | | |\n",
                          w[MD_TITLE], w[MD_TYPE], stay[0], stay[1], stay[2], stay[0], stay[1], stay[2],
                          w[MD_COHORT], w[MD_COHORT + 1]);
    for (size_t i = 0; i < t->n_types && n < sizeof md; i++) {
        n += (size_t)snprintf(md + n, sizeof md - n, "| %s |", t->types[i]);
        for (int c = 0; c < N_COHORT; c++)
            for (int s = 0; s < N_STAY && n < sizeof md; s++) {
                char v[32]; /* with the spec's decimal mark, as the figure's labels: 27,2 in Dutch */
                snprintf(v, sizeof v, "%.1f", t->v[i][c][s]);
                n += (size_t)snprintf(md + n, sizeof md - n, " %s |", wfc_decimal(v, sizeof v, w[DECIMAL_MARK]));
            }
        if (n < sizeof md)
            n += (size_t)snprintf(md + n, sizeof md - n, "\n");
    }
    if (n < sizeof md)
        snprintf(md + n, sizeof md - n, "\n%s\n\n%s\n", w[MD_FOOTNOTE], w[MD_SOURCE]);
    h->output_text(ctx, "md", md);
}

wrrfig_status tab_2_1_build(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    tab21 t;
    wrrfig_status st = load(h, ctx, &t);
    if (st != WRRFIG_OK)
        return st;

    const char *words[N_WORDS];
    if (!wfc_spec_texts(h, ctx, md_keys, words, N_WORDS))
        return WRRFIG_ERROR;

    for (size_t i = 0; i < t.n_types; i++)
        for (int c = 0; c < N_COHORT; c++) {
            double sum = row_sum(&t, i, c);
            if (fabs(sum - 100.0) > ROW_SUM_TOLERANCE + 1e-9) {
                static const char *const names[] = {"row", "cohort", "sum", "tolerance"};
                char s[32], tol[32], note[512];
                snprintf(s, sizeof s, "%.1f", sum);
                snprintf(tol, sizeof tol, "%.2f", ROW_SUM_TOLERANCE);
                const char *mark = words[DECIMAL_MARK];
                const char *const values[] = {t.types[i], cohort_codes[c], wfc_decimal(s, sizeof s, mark),
                                              wfc_decimal(tol, sizeof tol, mark)};
                wfc_fill(note, sizeof note, words[ROW_SUM], names, values, 4);
                h->note(ctx, "%s", note);
                h->log(ctx, WRRFIG_LOG_WARN, "row '%s', cohort %s sums to %.1f", t.types[i], cohort_codes[c], sum);
            }
        }
    const char *const *stay_label = &words[MD_STAY];

    h->csv_row(ctx, "ssssss", "type", "cohort", "stay_lt2_pct", "stay_2to5_pct", "stay_gt5_pct", "row_sum");
    for (size_t i = 0; i < t.n_types; i++)
        for (int c = 0; c < N_COHORT; c++)
            h->csv_row(ctx, "ssnnnn", t.types[i], cohort_codes[c], t.v[i][c][0], t.v[i][c][1], t.v[i][c][2],
                       row_sum(&t, i, c));

    /* One datablock per cohort and stay class: y, left, right, value. The
     * first type is drawn at the top, as in the report. */
    for (int c = 0; c < N_COHORT; c++)
        for (int s = 0; s < N_STAY; s++) {
            char name[32];
            snprintf(name, sizeof name, "c%ds%d", c % 10, s % 10);
            h->gp_block_begin(ctx, name);
            for (size_t i = 0; i < t.n_types; i++) {
                double lo = 0;
                for (int k = 0; k < s; k++)
                    lo += t.v[i][c][k];
                h->gp_block_row(ctx, "%zu %g %g %g", t.n_types - 1 - i, lo, lo + t.v[i][c][s], t.v[i][c][s]);
            }
            h->gp_block_end(ctx);
        }

    h->gp_cmd(ctx, "set multiplot layout 1,2 title wrrfig_title font ',13' margins 0.36,0.98,0.15,0.82 spacing 0.03");
    h->gp_cmd(ctx, "unset title");
    h->gp_cmd(ctx, "set xrange [0:100]");
    h->gp_cmd(ctx, "set yrange [-0.6:%g]", (double)t.n_types - 0.4);
    h->gp_cmd(ctx, "set xtics 0,25,100");
    h->gp_cmd(ctx, "set grid noytics xtics");
    h->gp_cmd(ctx, "set border 1");
    h->gp_cmd(ctx, "set style fill solid 1.0 border lc rgb 'white'");
    h->gp_cmd(ctx, "unset key");
    for (int s = 0; s < N_STAY; s++) {
        char key2[32];
        snprintf(key2, sizeof key2, "colors.%d", s);
        const char *col = h->spec_text(ctx, key2);
        double x = 0.40 + 0.16 * s;
        h->gp_cmd(ctx, "set object %d rect from screen %g, screen 0.885 to screen %g, screen 0.91 "
                       "fc rgb %q fs solid 1.0 noborder front",
                  9900 + s, x, x + 0.03, col ? col : "#6baed6");
        h->gp_cmd(ctx, "set label %d %q at screen %g, screen 0.8975 left", 9800 + s, stay_label[s], x + 0.04);
    }
    const char *xlabel = h->spec_text(ctx, "xlabel");
    if (xlabel)
        h->gp_cmd(ctx, "set xlabel %q", xlabel);
    for (int c = 0; c < N_COHORT; c++) {
        char key[32];
        snprintf(key, sizeof key, "panel.%d", c);
        const char *panel = h->spec_text(ctx, key);
        h->gp_cmd(ctx, "set title %q font ',11'", panel ? panel : cohort_codes[c]);
        if (c == 1)
            h->gp_cmd(ctx, "unset ytics");
        else
            h->gp_cmd(ctx, "set ytics scale 0 ()");
        if (c == 0)
            for (size_t i = 0; i < t.n_types; i++)
                h->gp_cmd(ctx, "set ytics add (%q %zu)", t.types[i], t.n_types - 1 - i);
        if (c == 1)
            h->gp_cmd(ctx, "unset label 9999; unset label 9800; unset label 9801; unset label 9802; "
                           "unset object 9900; unset object 9901; unset object 9902");
        /* Bars, then value labels, as one plot command continued over lines. */
        for (int s = 0; s < N_STAY; s++) {
            char key2[32];
            snprintf(key2, sizeof key2, "colors.%d", s);
            const char *col = h->spec_text(ctx, key2);
            if (s == 0)
                h->gp_cmd(ctx, "plot $c%ds%d using (($2+$3)/2):1:2:3:($1-0.36):($1+0.36) with boxxyerror "
                               "fc rgb %q notitle, \\",
                          c, s, col ? col : "#6baed6");
            else
                h->gp_cmd(ctx, "     $c%ds%d using (($2+$3)/2):1:2:3:($1-0.36):($1+0.36) with boxxyerror "
                               "fc rgb %q notitle, \\",
                          c, s, col ? col : "#6baed6");
        }
        /* gprintf follows the decimal sign of the language. */
        h->gp_cmd(ctx, "     $c%ds0 using (($2+$3)/2):1:(gprintf('%%.1f', $4)) with labels font ',8' notitle, \\", c);
        h->gp_cmd(ctx, "     $c%ds1 using (($2+$3)/2):1:(gprintf('%%.1f', $4)) with labels font ',8' notitle, \\", c);
        h->gp_cmd(ctx, "     $c%ds2 using (($2+$3)/2):1:(gprintf('%%.1f', $4)) with labels font ',8' "
                       "tc rgb 'white' notitle", c);
    }
    h->gp_cmd(ctx, "unset multiplot");

    write_markdown(h, ctx, &t, words);
    return WRRFIG_OK;
}

static wrrfig_status cell(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, int want_stay,
                          double *out)
{
    const char *type = h->param_text(p, "type"), *cohort = h->param_text(p, "cohort");
    const char *stay = h->param_text(p, "stay");
    if (!type || !cohort || (want_stay && !stay)) {
        h->log(ctx, WRRFIG_LOG_ERROR, "needs parameters type, cohort%s", want_stay ? ", stay" : "");
        return WRRFIG_ERROR;
    }
    tab21 t;
    wrrfig_status st = load(h, ctx, &t);
    if (st != WRRFIG_OK)
        return st;
    /* A short code from the claim registry ('G3') or the type's full name. */
    char key[128];
    snprintf(key, sizeof key, "label:type_code:%s", type);
    const char *full = h->table_meta(h->table(ctx, TAB21_TABLE), key);
    int ti = find_type(&t, full ? full : type), c = index_of(cohort_codes, N_COHORT, cohort);
    int lt5 = want_stay && strcmp(stay, "<5") == 0; /* '<5' = '<2' + '2-5' */
    int s = want_stay && !lt5 ? index_of(stay_codes, N_STAY, stay) : 0;
    if (ti < 0 || c < 0 || s < 0) {
        h->log(ctx, WRRFIG_LOG_WARN, "Tabel 2.1 has no cell type='%s', cohort='%s'%s%s", type, cohort,
               want_stay ? ", stay=" : "", want_stay ? stay : "");
        return WRRFIG_NODATA;
    }
    if (lt5)
        *out = t.v[ti][c][0] + t.v[ti][c][1];
    else
        *out = want_stay ? t.v[ti][c][s] : row_sum(&t, (size_t)ti, c);
    return WRRFIG_OK;
}

wrrfig_status cohorts_stay_share(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    return cell(h, ctx, p, 1, out);
}

wrrfig_status cohorts_row_sum(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    return cell(h, ctx, p, 0, out);
}
