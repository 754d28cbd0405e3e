#include "hhi_maps.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/kindparam.h"
#include "common/spectext.h"
#include "hhi_classes.h"
#include "hhi_index.h"
#include "hhi_map.h"
#include "hhi_national.h"

#define MAX_LISTED 25

int hhi_spec_classes(const wrrfig_host *h, wrrfig_ctx *ctx, const double *v, size_t n, hhi_classes *out,
                     int *decimals)
{
    double dec = 2;
    h->spec_number(ctx, "classes.decimals", &dec);
    *decimals = (int)dec;
    const char *method = h->spec_text(ctx, "classes.method");
    if (method && strcmp(method, "fixed") == 0) {
        double b[HHI_MAX_CLASSES];
        size_t nb = h->spec_count(ctx, "classes.breaks");
        if (nb == 0 || nb > HHI_MAX_CLASSES - 1) {
            h->log(ctx, WRRFIG_LOG_ERROR, "spec classes.breaks: expected 1 to %d numbers, got %zu",
                   HHI_MAX_CLASSES - 1, nb);
            return -1;
        }
        for (size_t i = 0; i < nb; i++) {
            char key[32];
            snprintf(key, sizeof key, "classes.breaks.%zu", i);
            if (!h->spec_number(ctx, key, &b[i])) {
                h->log(ctx, WRRFIG_LOG_ERROR, "spec %s: expected a number", key);
                return -1;
            }
        }
        size_t bad;
        if (hhi_classes_fixed(b, nb, out, &bad) != 0) {
            h->log(ctx, WRRFIG_LOG_ERROR, "spec classes.breaks.%zu: breaks must increase strictly", bad);
            return -1;
        }
        return 0;
    }
    if (method && strcmp(method, "quantiles") == 0) {
        double k = 0;
        if (!h->spec_number(ctx, "classes.n", &k) || k < 2 || k > HHI_MAX_CLASSES) {
            h->log(ctx, WRRFIG_LOG_ERROR, "spec classes.n: expected 2 to %d classes", HHI_MAX_CLASSES);
            return -1;
        }
        if (hhi_classes_quantiles(v, n, (size_t)k, *decimals, out) != 0) {
            h->log(ctx, WRRFIG_LOG_ERROR, "quantile classes: no values to classify");
            return -1;
        }
        return 0;
    }
    h->log(ctx, WRRFIG_LOG_ERROR, "spec classes.method: expected \"fixed\" or \"quantiles\"");
    return -1;
}

static int by_code(const void *a, const void *b)
{
    return strcmp(((const hhi_area *)a)->code, ((const hhi_area *)b)->code);
}

static const hhi_area *find_area(const hhi_area *a, size_t n, const char *code)
{
    hhi_area key;
    snprintf(key.code, sizeof key.code, "%s", code);
    return bsearch(&key, a, n, sizeof *a, by_code);
}

int hhi_map_config_from_spec(const wrrfig_host *h, wrrfig_ctx *ctx, hhi_map_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    const char *src = wfc_kind_text(h, ctx, "layout");
    if (src && strcmp(src, "kwb-pct") == 0)
        cfg->source = HHI_SRC_KWB_PCT;
    else if (src && strcmp(src, "kwb-counts") == 0)
        cfg->source = HHI_SRC_KWB_COUNTS;
    else if (src && strcmp(src, "group-counts") == 0)
        cfg->source = HHI_SRC_GROUP_COUNTS;
    else {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec params.layout: expected \"kwb-pct\", \"kwb-counts\" or \"group-counts\"");
        return -1;
    }
    cfg->table = wfc_kind_text(h, ctx, "origin");
    cfg->geometry = wfc_kind_text(h, ctx, "boundaries");
    cfg->prefix = wfc_kind_text(h, ctx, "code_prefix");
    cfg->whole = wfc_kind_text(h, ctx, "whole");
    const char *missing = !cfg->table ? "inputs.origin" : !cfg->geometry ? "inputs.boundaries"
                          : !cfg->prefix ? "params.code_prefix" : NULL;
    if (missing) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec %s: expected a text", missing);
        return -1;
    }
    double g = 7, nat = 0;
    wfc_kind_number(h, ctx, "groups", &g);
    if (cfg->source == HHI_SRC_KWB_PCT && g != 7 && g != 3) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec params.groups: expected 7 or 3 for KWB percentages");
        return -1;
    }
    cfg->grouping = cfg->source == HHI_SRC_KWB_PCT && g == 7 ? HHI_G7 : HHI_G3;
    cfg->national = wfc_kind_number(h, ctx, "national", &nat) && nat != 0; /* 1 or 0 */
    return 0;
}

static wrrfig_status load(const wrrfig_host *h, wrrfig_ctx *ctx, const hhi_map_config *cfg, hhi_area **a,
                          size_t *n, size_t *groups, const char **group_codes)
{
    wrrfig_status st;
    switch (cfg->source) {
    case HHI_SRC_KWB_PCT:
        st = hhi_load_kwb_pct(h, ctx, cfg->table, cfg->prefix, cfg->grouping, a, n);
        *groups = hhi_grouping_size(cfg->grouping);
        break;
    case HHI_SRC_KWB_COUNTS:
        st = hhi_load_kwb_counts(h, ctx, cfg->table, cfg->prefix, a, n);
        *groups = 3;
        break;
    default:
        st = hhi_load_group_counts(h, ctx, cfg->table, cfg->prefix, a, n, groups, group_codes);
        break;
    }
    if (st == WRRFIG_OK)
        qsort(*a, *n, sizeof **a, by_code);
    return st;
}

/* The words of a map's notes, from the spec (hhi_build_map reads them
 * before any work, so a spec without one fails the figure). */
typedef struct map_words {
    const char *mark;            /* text.decimal_mark */
    const char *join;            /* {n_data} {boundaries} {n_geo} {matched} */
    const char *only_data, *only_geo; /* labels of the code lists */
    const char *more;            /* " and {n} more" after MAX_LISTED codes */
    const char *index_shown;
    const char *grouping;        /* {grouping} (KWB layouts) */
    const char *grouping_table;  /* {n} {table} (group-counts) */
    const char *no_value;        /* {n} */
    const char *national;        /* {pooled} {textbook} {n} {mean} {wmean} (params.national) */
    const char *shares_pct, *shares_pct_scaled, *nw_unsplit; /* kwb-pct */
} map_words;

/* tmpl with names[i] replaced by values[i], as one note. */
static void note_fill(const wrrfig_host *h, wrrfig_ctx *ctx, const char *tmpl, const char *const *names,
                      const char *const *values, size_t n)
{
    char note[1024];
    wfc_fill(note, sizeof note, tmpl, names, values, n);
    h->note(ctx, "%s", note);
}

/* v with 3 decimals in the spec's decimal mark, into out[0..size). */
static const char *fmt3(char *out, size_t size, double v, const char *mark)
{
    snprintf(out, size, "%.3f", v);
    return wfc_decimal(out, size, mark);
}

/* Lists codes in one note, at most MAX_LISTED of them. */
static void note_codes(const wrrfig_host *h, wrrfig_ctx *ctx, const map_words *w, const char *what,
                       const char *const *codes, size_t n)
{
    if (n == 0)
        return;
    char buf[MAX_LISTED * 12 + 256];
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && i < MAX_LISTED; i++)
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? ", " : "", codes[i]);
    if (n > MAX_LISTED) {
        char more[24];
        snprintf(more, sizeof more, "%zu", n - MAX_LISTED);
        wfc_fill(buf + len, sizeof buf - len, w->more, (const char *const[]){"n"}, (const char *const[]){more}, 1);
    }
    h->note(ctx, "%s (%zu): %s", what, n, buf);
}

/* Join of data areas and boundary features on the (trimmed) CBS code;
 * codes present on one side only are listed in the notes, because
 * municipalities merge every 1 January and a year mismatch shows up here. */
static void join_report(const wrrfig_host *h, wrrfig_ctx *ctx, const hhi_map_config *cfg, const map_words *w,
                        const hhi_area *a, size_t n, const wrrfig_feature *f, size_t nf, size_t *matched)
{
    const char **only_data = malloc((n + 1) * sizeof *only_data);
    const char **only_geo = malloc((nf + 1) * sizeof *only_geo);
    size_t nd = 0, ng = 0;
    *matched = 0;
    if (!only_data || !only_geo) {
        free(only_data);
        free(only_geo);
        return;
    }
    for (size_t i = 0; i < nf; i++) {
        if (find_area(a, n, f[i].code))
            (*matched)++;
        else
            only_geo[ng++] = f[i].code;
    }
    for (size_t i = 0; i < n; i++) {
        size_t lo = 0, hi = nf;
        int found = 0;
        while (lo < hi && !found) {
            size_t mid = lo + (hi - lo) / 2;
            int c = strcmp(f[mid].code, a[i].code);
            if (c == 0)
                found = 1;
            else if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (!found)
            only_data[nd++] = a[i].code;
    }
    static const char *const names[] = {"n_data", "boundaries", "n_geo", "matched"};
    char sd[24], sg[24], sm[24];
    snprintf(sd, sizeof sd, "%zu", n);
    snprintf(sg, sizeof sg, "%zu", nf);
    snprintf(sm, sizeof sm, "%zu", *matched);
    note_fill(h, ctx, w->join, names, (const char *const[]){sd, cfg->geometry, sg, sm}, 4);
    note_codes(h, ctx, w, w->only_data, only_data, nd);
    note_codes(h, ctx, w, w->only_geo, only_geo, ng);
    free(only_data);
    free(only_geo);
}

static void note_national(const wrrfig_host *h, wrrfig_ctx *ctx, const map_words *w, const hhi_area *a, size_t n)
{
    hhi_summary s;
    if (hhi_summarise(a, n, &s) != 0)
        return;
    static const char *const names[] = {"pooled", "textbook", "n", "mean", "wmean"};
    char p[24], t[24], k[24], m[24], wm[24];
    snprintf(k, sizeof k, "%zu", s.n_used);
    const char *const values[] = {fmt3(p, sizeof p, s.pooled_d, w->mark), fmt3(t, sizeof t, s.pooled_h, w->mark), k,
                                  fmt3(m, sizeof m, s.mean_d, w->mark), fmt3(wm, sizeof wm, s.wmean_d, w->mark)};
    note_fill(h, ctx, w->national, names, values, 5);
}

static hhi_grouping effective_grouping(const hhi_map_config *cfg)
{
    return cfg->source == HHI_SRC_KWB_PCT ? cfg->grouping : HHI_G3;
}

/* The figure's numbers, one row per area and origin group (a tidy layout,
 * so 3, 7 and 18 groups share one set of columns). Shares are fractions of
 * the area's residents after normalising the weights to sum 1. */
static void write_csv(const wrrfig_host *h, wrrfig_ctx *ctx, const hhi_map_config *cfg, const hhi_area *a,
                      size_t n, const char *const *group_codes, const hhi_classes *cl,
                      const char *const *labels, const unsigned char *on_map)
{
    h->csv_row(ctx, "ssssssssssss", "code", "name", "population", "grouping", "n_groups", "group", "weight",
               "share", "hhi_wrr_1_minus_sum_p2", "hhi_textbook_sum_p2", "class", "on_map");
    const char *grouping = cfg->source == HHI_SRC_GROUP_COUNTS ? "table" : hhi_grouping_id(effective_grouping(cfg));
    for (size_t i = 0; i < n; i++) {
        double total = hhi_total(a[i].w, a[i].n);
        const char *cls = a[i].ok ? labels[hhi_class_of(cl, a[i].d)] : "";
        for (size_t g = 0; g < a[i].n; g++) {
            const char *gname = cfg->source == HHI_SRC_GROUP_COUNTS ? group_codes[g]
                                                                    : hhi_group_name(effective_grouping(cfg), g);
            h->csv_row(ctx, "ssnsisnnnnss", a[i].code, a[i].name, a[i].pop, grouping, (int)a[i].n,
                       gname ? gname : "", a[i].w[g], total > 0 ? a[i].w[g] / total : NAN, a[i].d, a[i].h, cls,
                       on_map[i] ? "yes" : "no");
        }
    }
}

wrrfig_status hhi_build_map(const wrrfig_host *h, wrrfig_ctx *ctx, const hhi_map_config *cfg)
{
    /* The figure's words, before any work: a spec without them fails. The
     * texts of a layout's or parameter's own notes only where they apply. */
    static const char *const common_keys[] = {"text.decimal_mark", "text.join",  "text.only_data",
                                              "text.only_boundaries", "text.codes_more", "text.index_shown",
                                              "text.no_value"};
    map_words w = {0};
    const char *common[7];
    if (!wfc_spec_texts(h, ctx, common_keys, common, 7))
        return WRRFIG_ERROR;
    w.mark = common[0], w.join = common[1], w.only_data = common[2], w.only_geo = common[3], w.more = common[4],
    w.index_shown = common[5], w.no_value = common[6];
    const char *mark = w.mark;
    if (cfg->source == HHI_SRC_GROUP_COUNTS) {
        static const char *const keys[] = {"text.grouping_table"};
        if (!wfc_spec_texts(h, ctx, keys, &w.grouping_table, 1))
            return WRRFIG_ERROR;
    } else {
        static const char *const keys[] = {"text.grouping_is"};
        if (!wfc_spec_texts(h, ctx, keys, &w.grouping, 1))
            return WRRFIG_ERROR;
    }
    if (cfg->source == HHI_SRC_KWB_PCT) {
        static const char *const keys[] = {"text.shares_pct", "text.shares_pct_scaled", "text.nw_unsplit"};
        const char *t[3];
        if (!wfc_spec_texts(h, ctx, keys, t, cfg->grouping == HHI_G7 ? 3 : 1))
            return WRRFIG_ERROR;
        w.shares_pct = t[0], w.shares_pct_scaled = cfg->grouping == HHI_G7 ? t[1] : "",
        w.nw_unsplit = cfg->grouping == HHI_G7 ? t[2] : "";
    }
    if (cfg->national) {
        static const char *const keys[] = {"text.national"};
        if (!wfc_spec_texts(h, ctx, keys, &w.national, 1))
            return WRRFIG_ERROR;
    }
    const char *grouping_text = NULL;
    if (cfg->source != HHI_SRC_GROUP_COUNTS && !(grouping_text = hhi_grouping_text(h, ctx, effective_grouping(cfg))))
        return WRRFIG_ERROR;
    hhi_area *a = NULL;
    size_t n = 0, groups = 0;
    const char *group_codes[HHI_MAX_GROUPS] = {0};
    wrrfig_status st = load(h, ctx, cfg, &a, &n, &groups, group_codes);
    if (st != WRRFIG_OK)
        return st;
    size_t nf = 0;
    /* The host has checked that the layer exists; NULL here means it is
     * unreadable (logged), which is an error, not missing data. */
    const wrrfig_feature *f = h->geo_features(ctx, cfg->geometry, &nf);
    if (!f || nf == 0) {
        if (f)
            h->log(ctx, WRRFIG_LOG_ERROR, "%s has no features", cfg->geometry);
        free(a);
        return WRRFIG_ERROR;
    }

    if (cfg->source == HHI_SRC_GROUP_COUNTS) {
        char ng[24];
        snprintf(ng, sizeof ng, "%zu", groups);
        note_fill(h, ctx, w.grouping_table, (const char *const[]){"n", "table"}, (const char *const[]){ng, cfg->table},
                  2);
    } else {
        note_fill(h, ctx, w.grouping, (const char *const[]){"grouping"}, (const char *const[]){grouping_text}, 1);
    }
    h->note(ctx, "%s", w.index_shown);
    if (cfg->source == HHI_SRC_KWB_PCT) {
        h->note(ctx, "%s%s", w.shares_pct, w.shares_pct_scaled);
        /* Only the 7-group reading splits the non-western share. */
        const char *unsplit[64];
        size_t nu = 0;
        for (size_t i = 0; i < n && nu < 64; i++)
            if (a[i].nw_unsplit)
                unsplit[nu++] = a[i].code;
        if (cfg->grouping == HHI_G7)
            note_codes(h, ctx, &w, w.nw_unsplit, unsplit, nu);
    }

    size_t matched;
    join_report(h, ctx, cfg, &w, a, n, f, nf, &matched);
    if (matched == 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "no area of the data matches a boundary of %s", cfg->geometry);
        free(a);
        return WRRFIG_ERROR;
    }
    if (cfg->national)
        note_national(h, ctx, &w, a, n);

    /* Classes from the values actually mapped. */
    double *v = malloc(n * sizeof *v);
    const wrrfig_feature **regions = malloc(nf * sizeof *regions);
    int *cls = malloc(nf * sizeof *cls);
    unsigned char *on_map = calloc(n, 1);
    wrrfig_status rc = WRRFIG_ERROR;
    hhi_classes cl;
    int decimals;
    size_t nv = 0, no_value = 0;
    if (!v || !regions || !cls || !on_map) {
        h->log(ctx, WRRFIG_LOG_ERROR, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < nf; i++) {
        const hhi_area *ar = find_area(a, n, f[i].code);
        if (ar) {
            on_map[ar - a] = 1;
            /* Tables without region labels (KWB wijken): the boundary file
             * names the area. */
            hhi_area *mut = &a[ar - a];
            if (strcmp(mut->name, mut->code) == 0)
                snprintf(mut->name, sizeof mut->name, "%s", f[i].name);
            if (ar->ok)
                v[nv++] = ar->d;
        }
    }
    if (hhi_spec_classes(h, ctx, v, nv, &cl, &decimals) != 0)
        goto out;

    size_t nc = cl.n_breaks + 1, np = h->spec_count(ctx, "palette");
    if (np < nc) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec palette: %zu colours for %zu classes", np, nc);
        goto out;
    }
    hhi_class_words words = {h->spec_text(ctx, "classes.label.below"), h->spec_text(ctx, "classes.label.between"),
                             h->spec_text(ctx, "classes.label.above"), h->spec_text(ctx, "classes.label.all")};
    if (!words.below || !words.between || !words.above || !words.all) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec classes.label: expected below, between, above and all (legend texts "
                                      "with {a} and {b} for the bounds)");
        goto out;
    }
    char labels[HHI_MAX_CLASSES][96];
    const char *label_ptr[HHI_MAX_CLASSES], *colours[HHI_MAX_CLASSES];
    for (size_t k = 0; k < nc; k++) {
        hhi_class_label(&cl, k, decimals, mark, &words, labels[k], sizeof labels[k]);
        label_ptr[k] = labels[k];
        /* Spread the classes over a longer sequential palette. */
        size_t pi = nc > 1 ? (size_t)lround((double)k * (double)(np - 1) / (double)(nc - 1)) : 0;
        char key[24];
        snprintf(key, sizeof key, "palette.%zu", pi);
        colours[k] = h->spec_text(ctx, key);
        if (!colours[k]) {
            h->log(ctx, WRRFIG_LOG_ERROR, "spec %s: expected a colour", key);
            goto out;
        }
    }
    for (size_t i = 0; i < nf; i++) {
        const hhi_area *ar = find_area(a, n, f[i].code);
        regions[i] = &f[i];
        cls[i] = ar && ar->ok ? (int)hhi_class_of(&cl, ar->d) : HHI_NO_CLASS;
        no_value += cls[i] == HHI_NO_CLASS;
    }
    if (no_value) {
        char nv_text[24];
        snprintf(nv_text, sizeof nv_text, "%zu", no_value);
        note_fill(h, ctx, w.no_value, (const char *const[]){"n"}, (const char *const[]){nv_text}, 1);
    }

    const char *nd_colour = h->spec_text(ctx, "nodata.colour");
    const char *nd_label = h->spec_text(ctx, "nodata.label");
    if (no_value && !nd_label) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec nodata.label: expected a text (%zu areas have no value)", no_value);
        goto out;
    }
    hhi_map_legend lg = {nc, colours, label_ptr, nd_colour ? nd_colour : "#d9d9d9", nd_label ? nd_label : "",
                         hhi_legend_place(h->spec_text(ctx, "legend"))};
    if (lg.place < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec legend: expected one of top left, top right, bottom left, "
                                      "bottom right, outside");
        goto out;
    }
    if (hhi_draw_map(h, ctx, regions, cls, nf, &lg) != 0)
        goto out;
    write_csv(h, ctx, cfg, a, n, group_codes, &cl, label_ptr, on_map);
    rc = WRRFIG_OK;
out:
    free(v);
    free(regions);
    free(cls);
    free(on_map);
    free(a);
    return rc;
}
