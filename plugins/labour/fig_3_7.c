/* Figuur 3.7: net participation by origin and sex, Q4 2019, from the values
 * the report's prose states (data/report/fig-3-7, each citing its line). */
#include <math.h>
#include <string.h>

#include "labour.h"

wrrfig_status lab_build_fig_3_7(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, LAB_T_FIG37);
    if (!t)
        return WRRFIG_NODATA;
    int d_line = lab_dim(h, ctx, t, LAB_T_FIG37, "report_line");
    int d_origin = lab_dim(h, ctx, t, LAB_T_FIG37, "herkomst");
    int d_sex = lab_dim(h, ctx, t, LAB_T_FIG37, "geslacht");
    int d_period = lab_dim(h, ctx, t, LAB_T_FIG37, "periode");
    if (d_origin < 0 || d_sex < 0 || d_period < 0 || d_line < 0)
        return WRRFIG_ERROR;
    const char *period = h->spec_text(ctx, "period");
    size_t ng = h->spec_count(ctx, "groups"), ns = h->spec_count(ctx, "sexes");
    if (!period || ng == 0 || ng > LAB_MAX_GROUPS || ns == 0 || ns > LAB_MAX_SERIES) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec: needs 'period', 1..%d 'groups' and 1..%d 'sexes'", LAB_MAX_GROUPS,
               LAB_MAX_SERIES);
        return WRRFIG_ERROR;
    }
    static const char *const keys[] = {"text.decimal_mark", "text.no_value"};
    const char *words[2];
    if (!wfc_spec_texts(h, ctx, keys, words, 2))
        return WRRFIG_ERROR;
    const char *glabels[LAB_MAX_GROUPS], *slabels[LAB_MAX_SERIES];
    int colours[LAB_MAX_SERIES];
    double values[LAB_MAX_GROUPS * LAB_MAX_SERIES];
    lab_bar_series(h, ctx, "sexes", ns, colours, slabels);
    h->csv_row(ctx, "ssssss", "herkomst", "label", "geslacht", "periode", "netto_arbeidsparticipatie_pct",
               "bron_regel");
    size_t found = 0;
    for (size_t g = 0; g < ng; g++) {
        const char *gcode = wfc_spec_textf(h, ctx, "groups.%zu.code", g);
        glabels[g] = wfc_spec_textf(h, ctx, "groups.%zu.label", g);
        for (size_t s = 0; s < ns; s++) {
            const char *scode = wfc_spec_textf(h, ctx, "sexes.%zu.code", s);
            values[g * ns + s] = NAN;
            if (!gcode || !scode)
                continue;
            int dims[3] = {d_origin, d_sex, d_period};
            const char *codes[3] = {gcode, scode, period};
            size_t r = lab_find_row(h, t, dims, codes, 3);
            double v;
            int kind = r == LAB_NO_ROW ? WRRFIG_NO_CELL : wfc_share_value(h, ctx, t, r, "net labour participation", &v);
            if (kind < 0)
                return WRRFIG_ERROR;
            if (kind != WRRFIG_VALUE) {
                static const char *const names[] = {"group", "sex"};
                const char *values_of[] = {glabels[g] ? glabels[g] : gcode, slabels[s] ? slabels[s] : scode};
                char note[512];
                wfc_fill(note, sizeof note, words[1], names, values_of, 2);
                h->note(ctx, "%s", note);
                continue;
            }
            values[g * ns + s] = v;
            found++;
            /* The citation travels with the number into the CSV. */
            const char *line = h->table_key(t, r, (size_t)d_line);
            h->csv_row(ctx, "ssssns", gcode, glabels[g] ? glabels[g] : gcode, scode, period, v, line);
        }
    }
    if (found == 0)
        return WRRFIG_NODATA;
    double ymax = 100;
    h->spec_number(ctx, "ymax", &ymax);
    h->gp_cmd(ctx, "set yrange [0:%g]", ymax);
    h->gp_cmd(ctx, "set ylabel %q", h->spec_text(ctx, "ylabel") ? h->spec_text(ctx, "ylabel") : "");
    h->gp_cmd(ctx, "set key top right");
    lab_plot_bars(h, ctx, glabels, ng, slabels, colours, ns, values, words[0]);
    return WRRFIG_OK;
}
