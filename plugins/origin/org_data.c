#include "org_data.h"
#include "common/counts.h"
#include "common/period.h"

#include <stdio.h>
#include <string.h>

typedef struct group_cols {
    const char *code;
    const char *col[3]; /* all, 1st generation, 2nd generation */
} group_cols;

static const group_cols GROUPS[] = {
    {"Totaal", {"TotaleBevolking_26", NULL, NULL}},
    {"Nederlands", {"PersoonMetEenNederlandseAchtergrond_27", NULL, NULL}},
    {"Migratieachtergrond",
     {"PersoonMetEenMigratieachtergrond_28", "Totaal1eGeneratieMigratieachtergrond_40",
      "Totaal2eGeneratieMigratieachtergrond_51"}},
    {"Westers", {"TotaalWesterseMigratieachtergrond_30", "TotaalWesters_41", "TotaalWesters_52"}},
    {"MOE-EU",
     {"MiddenEnOostEuropeseLandenInDeEU_31", "MiddenEnOostEuropeseLandenInDeEU_42", "MiddenEnOostEuropeseLandenInDeEU_53"}},
    {"GIPS", {"GIPSLandenInDeEU_32", "GIPSLandenInDeEU_43", "GIPSLandenInDeEU_54"}},
    {"OverigWesters", {"OverigWesterseMigratieachtergrond_33", "OverigWesters_44", "OverigWesters_55"}},
    {"NietWesters", {"TotaalNietWesters_34", "TotaalNietWesters_45", "TotaalNietWesters_56"}},
    {"Marokko", {"Marokko_35", "Marokko_46", "Marokko_57"}},
    {"Antillen", {"VoormaligNedAntillenAruba_36", "VoormaligNedAntillenAruba_47", "VoormaligNedAntillenAruba_58"}},
    {"Suriname", {"Suriname_37", "Suriname_48", "Suriname_59"}},
    {"Turkije", {"Turkije_38", "Turkije_49", "Turkije_60"}},
    {"OverigNietWesters", {"OverigNietWesters_39", "OverigNietWesters_50", "OverigNietWesters_61"}},
};

int org_not_in_37296(const char *code)
{
    return strcmp(code, "EuropeesAngelsaksisch") == 0 || strcmp(code, "NietEuropeesAngelsaksisch") == 0 ||
           strcmp(code, "OverigNietEuropeesAngelsaksisch") == 0;
}

const char *org_column(const char *code, int generation, int *known)
{
    *known = org_not_in_37296(code);
    if (generation < 0 || generation > 2)
        return NULL;
    for (size_t i = 0; i < sizeof GROUPS / sizeof GROUPS[0]; i++)
        if (strcmp(GROUPS[i].code, code) == 0) {
            *known = 1;
            return GROUPS[i].col[generation];
        }
    return NULL;
}

/* What a count of the origin tables counts, for the refusal message. */
#define ORG_COUNTS "persons (or a share of them)"

int org_value(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, size_t r, double *out)
{
    return wfc_count_value(h, ctx, t, r, ORG_COUNTS, out);
}

/* Whether row r has every code of query "dim=code;dim=code". */
static int row_matches(const wrrfig_host *h, const wrrfig_table *t, size_t r, const char *query)
{
    for (const char *p = query; *p;) {
        const char *semi = strchr(p, ';'), *eq = strchr(p, '=');
        size_t n = semi ? (size_t)(semi - p) : strlen(p);
        char dim[128];
        if (!eq || eq > p + n || (size_t)(eq - p) >= sizeof dim)
            return 0;
        memcpy(dim, p, (size_t)(eq - p));
        dim[eq - p] = '\0';
        int d = h->table_dim_index(t, dim);
        const char *key = d < 0 ? NULL : h->table_key(t, r, (size_t)d);
        if (!key || strlen(key) != n - (size_t)(eq - p) - 1 || strncmp(key, eq + 1, strlen(key)) != 0)
            return 0;
        p += n;
        if (*p == ';')
            p++;
    }
    return 1;
}

int org_find(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *query, double *out)
{
    double v = 0;
    wrrfig_value_kind k = h->table_find(t, query, &v);
    if (k == WRRFIG_VALUE && v < 0) {
        /* find the row, for a message that names it as org_value's does */
        size_t n = h->table_rows(t);
        for (size_t r = 0; r < n; r++)
            if (row_matches(h, t, r, query))
                return org_value(h, ctx, t, r, out);
        /* not found again (cannot happen): refused all the same */
        const char *file = h->table_meta(t, "file");
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: %s: %.17g is negative, but it counts " ORG_COUNTS, file ? file : "table",
               query, v);
        return -1;
    }
    if (k == WRRFIG_VALUE)
        *out = v;
    return (int)k;
}

int org_cell(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *dim, const char *code,
             const char *dim2, const char *code2, int year, double *out)
{
    int dp = h->table_dim_index(t, "Perioden"), d1 = h->table_dim_index(t, dim);
    int d2 = dim2 ? h->table_dim_index(t, dim2) : -1;
    if (dp < 0 || d1 < 0 || (dim2 && d2 < 0))
        return WRRFIG_NO_CELL;
    size_t n = h->table_rows(t);
    for (size_t r = 0; r < n; r++) {
        if (strcmp(h->table_key(t, r, (size_t)d1), code) != 0)
            continue;
        if (dim2 && strcmp(h->table_key(t, r, (size_t)d2), code2) != 0)
            continue;
        if (wfc_period_year_or(h->table_key(t, r, (size_t)dp), 0) != year)
            continue;
        return org_value(h, ctx, t, r, out);
    }
    return WRRFIG_NO_CELL;
}

wrrfig_status org_topic(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *topic, int year,
                        double *out)
{
    int k = org_cell(h, ctx, t, "Onderwerp", topic, NULL, NULL, year, out);
    if (k < 0)
        return WRRFIG_ERROR;
    if (k != WRRFIG_VALUE) {
        h->log(ctx, WRRFIG_LOG_WARN, "%s: no number for Onderwerp=%s on 1 January %d", ORG_T37296, topic, year);
        return WRRFIG_NODATA;
    }
    return WRRFIG_OK;
}

wrrfig_status org_group(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *code,
                        int generation, int year, double *out)
{
    int known;
    const char *col = org_column(code, generation, &known);
    if (!known) {
        h->log(ctx, WRRFIG_LOG_ERROR,
               "group '%s': expected Totaal, Nederlands, Migratieachtergrond, Westers, MOE-EU, GIPS, OverigWesters, "
               "NietWesters, Marokko, Antillen, Suriname, Turkije, OverigNietWesters, EuropeesAngelsaksisch, "
               "NietEuropeesAngelsaksisch or OverigNietEuropeesAngelsaksisch",
               code);
        return WRRFIG_ERROR;
    }
    if (!col) {
        h->log(ctx, WRRFIG_LOG_WARN, "group '%s' (generation %d) is not in %s", code, generation, ORG_T37296);
        return WRRFIG_NODATA;
    }
    return org_topic(h, ctx, t, col, year, out);
}

