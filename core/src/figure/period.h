/* The period a time-series figure shows, decided by the host before the
 * plugin runs, from the spec and the data.
 *
 * A spec's "period" is the report's: {"from": 1946, "to": 2018}, with
 * optionally "table" (default: the figure's first declared input) and
 * "topics" (the codes of the table's topic dimension that the figure draws;
 * default: every topic). The data's extent comes from the table's sidecar,
 * computed at import (computed.topics.<code>.first/last, or
 * computed.periods.first_with_number/last_with_number): the years with a
 * number for those topics, so a table whose later rows are empty for the
 * figure's topics does not count as later data.
 *
 * Shown: from = max(report from, data first); to = min(report to, data
 * last), or with --latest the data's last year. The spec the plugin sees
 * holds the shown `to` as period.to, and the period texts it draws (title,
 * title_template, subtitle, axis labels, source) have {from} and {to} expanded
 * (wfc_period_template), so a figure never claims a period it does not
 * show. */
#ifndef WF_FIGURE_PERIOD_H
#define WF_FIGURE_PERIOD_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include <cjson/cJSON.h>
#include "util/wf_error.h"

typedef struct fig_period {
    bool present;               /* the spec has a "period" */
    bool latest;                /* --latest */
    bool data_known;            /* the sidecar gave the data's extent */
    int report_from, report_to; /* the spec's period */
    int data_first, data_last;  /* years with a number for the figure's topics (when data_known) */
    int from, to;               /* what the figure shows */
    char table[128];            /* the table the extent was read from */
} fig_period;

/* Resolves the period of figure id (spec at spec_path, for messages) and
 * rewrites spec as described above. Specs without a period only have their
 * templates checked ({from}/{to} refused). -1 with err naming the spec file
 * and the JSON path ("figures/fig-2-1.json: $.title.en: unknown placeholder
 * '{form}' ..."). */
int fig_period_resolve(cJSON *spec, const char *spec_path, const char *data_dir, const char *const *inputs,
                       bool latest, fig_period *p, wf_error *err);

/* Expands the period texts of spec in place (the members listed above, in
 * both languages). has_period false: {from}/{to} are refused. Used by
 * fig_period_resolve; exposed for the unit tests. */
int fig_period_expand(cJSON *spec, const char *spec_path, bool has_period, int from, int to, wf_error *err);

/* In the report's mode, a figure whose data runs past its period: writes
 * "data runs to 2021; the report's figure ends in 2018" to buf and returns
 * true. */
bool fig_period_warning(const fig_period *p, char *buf, size_t n);

/* The manifest's "period" member: mode, shown from/to, the report's period,
 * the data's extent and the warning. NULL when the spec has no period. */
cJSON *fig_period_json(const fig_period *p);

/* "report" or "latest": the mode, for the cues. */
const char *fig_period_mode(bool latest);

#endif
