/* The map figures (kind hhi.area-map): which data, grouping and
 * boundaries a map uses comes from its spec's inputs and params. */
#include "hhi_figures.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/spectext.h"
#include "hhi_maps.h"

wrrfig_status hhi_build_area_map(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    hhi_map_config cfg;
    if (hhi_map_config_from_spec(h, ctx, &cfg) != 0)
        return WRRFIG_ERROR;
    /* The whole area's notes ({area} {value}; {area} {table}), read before
     * the build when the spec names a whole area. */
    bool has_whole = cfg.whole && *cfg.whole;
    static const char *const keys[] = {"text.whole", "text.whole_absent", "text.decimal_mark"};
    const char *words[3];
    if (has_whole && !wfc_spec_texts(h, ctx, keys, words, 3))
        return WRRFIG_ERROR;
    wrrfig_status st = hhi_build_map(h, ctx, &cfg);
    if (st != WRRFIG_OK || !has_whole)
        return st;
    /* The whole city, same table and grouping, for comparison with its
     * parts. */
    hhi_area *whole = NULL;
    size_t n = 0;
    wrrfig_status ws = cfg.source == HHI_SRC_KWB_COUNTS
                           ? hhi_load_kwb_counts(h, ctx, cfg.table, cfg.whole, &whole, &n)
                           : cfg.source == HHI_SRC_KWB_PCT
                                 ? hhi_load_kwb_pct(h, ctx, cfg.table, cfg.whole, cfg.grouping, &whole, &n)
                                 : WRRFIG_NODATA;
    char area[160], value[32], note[512];
    if (ws == WRRFIG_OK && n == 1 && whole[0].ok) {
        if (strcmp(whole[0].name, whole[0].code) != 0)
            snprintf(area, sizeof area, "%s (%s)", whole[0].name, whole[0].code);
        else
            snprintf(area, sizeof area, "%s", whole[0].code);
        snprintf(value, sizeof value, "%.3f", whole[0].d);
        wfc_decimal(value, sizeof value, words[2]);
        wfc_fill(note, sizeof note, words[0], (const char *const[]){"area", "value"},
                 (const char *const[]){area, value}, 2);
    } else {
        wfc_fill(note, sizeof note, words[1], (const char *const[]){"area", "table"},
                 (const char *const[]){cfg.whole, cfg.table}, 2);
    }
    h->note(ctx, "%s", note);
    free(whole);
    return st;
}
