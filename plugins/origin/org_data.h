/* Population by origin: the group codes of docs/measures.md mapped onto CBS
 * 37296ned columns (by generation), and year-indexed access to the tables
 * the origin figures and measures read. */
#ifndef ORG_DATA_H
#define ORG_DATA_H

#include <stddef.h>
#include <wrrfig/plugin.h>

#define ORG_T37296 "cbs/37296ned"
#define ORG_T_COUNTRY "cbs/herkomstland_1997_2017"
/* Migration background total and generations 1972-2021 (1972-1995 CBS
 * reconstruction), dims Perioden, Kwaliteit, Onderwerp. */
#define ORG_T_MIGBG "cbs/migration_background_1972_2021"
#define ORG_T_PROJ "cbs/prognose_migratieachtergrond"
#define ORG_T_KWB "hhi/kwb2017_gemeente"
#define ORG_T_KWB_WIJK "hhi/kwb2017_wijk" /* KWB 2017, all wijken of the Netherlands */
#define ORG_T_CITIES "hhi/84910ned_cities_2019" /* CBS 84910NED slices: Amsterdam and Den Haag, 2019 */

/* The 37296ned column of group `code` for generation 0 (all), 1 or 2; NULL
 * when the group has no such column. *known is 0 for a code that is not a
 * group code at all (an error, not missing data). */
const char *org_column(const char *code, int generation, int *known);

/* True for the groups of docs/measures.md that 37296ned does not hold
 * (EuropeesAngelsaksisch, NietEuropeesAngelsaksisch,
 * OverigNietEuropeesAngelsaksisch). */
int org_not_in_37296(const char *code);


/* Every number the origin plugin reads counts persons (or is a share of
 * them), so none may be negative: each read goes through
 * wfc_count_value (common/counts.h), which refuses a negative one with the
 * table's file, the row and the column. The functions below return -1
 * after that message; the caller returns WRRFIG_ERROR. (Non-finite numbers
 * never reach a plugin: the table reader refuses them as a broken input.) */

/* Value of one cell of a table found by matching dimension codes and a
 * year in Perioden. Returns the kind (WRRFIG_NO_CELL when absent), or -1
 * for a negative count (logged). */
int org_cell(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *dim, const char *code,
             const char *dim2, const char *code2, int year, double *out);

/* table_value of row r of a count table: the kind, or -1 for a negative
 * count (logged). */
int org_value(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, size_t r, double *out);

/* table_find of a count table ("dim=code;dim=code"): the kind, or -1 for a
 * negative count (logged with the row it was found in). */
int org_find(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *query, double *out);

/* 37296ned value of a topic in a year; logs and returns NODATA when the
 * cell is absent or not a number, ERROR when it is negative. */
wrrfig_status org_topic(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *topic, int year,
                        double *out);

/* Population of a group (codes above) in a year and generation. */
wrrfig_status org_group(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *code,
                        int generation, int year, double *out);


#endif
