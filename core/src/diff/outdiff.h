/* What changed between two builds (wrrfig diff OLD_OUT NEW_OUT): per
 * figure, the numbers of its CSV (added, removed, changed beyond a
 * tolerance, largest first), its inputs' hashes, its claims' verdicts and
 * observed values. Works on the files a build leaves (manifests and CSVs),
 * so any two output directories can be compared. */
#ifndef WF_DIFF_OUTDIFF_H
#define WF_DIFF_OUTDIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"
#include "util/wf_error.h"

typedef struct od_value_change {
    char *where;              /* "year=2019 immigration" */
    bool has_old, has_new;    /* false: added (no old) or removed (no new) */
    double old_v, new_v;
    char *old_text, *new_text; /* the cells as written */
} od_value_change;

typedef struct od_claim_change {
    char *id;
    char *old_status, *new_status;   /* NULL when absent on that side */
    bool has_old_obs, has_new_obs;
    double old_obs, new_obs;
} od_claim_change;

typedef struct od_figure {
    char *id;
    char *old_status, *new_status;   /* "ok", "no-data"; NULL when absent */
    char **inputs_changed;           /* "cbs/37296ned f92e0704 -> 1c5888e9" */
    size_t n_inputs_changed;
    od_value_change *values;         /* largest change first; added/removed after */
    size_t n_values, n_added, n_removed, n_changed;
    od_claim_change *claims;
    size_t n_claims;
    size_t n_verdicts_changed;
} od_figure;

typedef struct od_result {
    od_figure *figs;                 /* sorted by id; only figures with a difference */
    size_t n_figs, n_same;
    size_t n_verdicts_changed;       /* over all figures and claims.json */
    od_claim_change *claims;         /* from <dir>/claims.json, when both have one */
    size_t n_claims;
} od_result;

/* Compares two output directories. tolerance: absolute; a change of at most
 * that much is not reported. -1 with err when a directory cannot be read, or
 * when a manifest, CSV or claims.json there is present but unreadable
 * (broken is not absent). */
int od_compare(const char *old_dir, const char *new_dir, double tolerance, od_result *r, wf_error *err);
void od_free(od_result *r);

/* Compares a baseline claims.json with the JSON text of a new check
 * (`wrrfig check --baseline`): appends each claim whose verdict changed or
 * whose observed value moved, and a summary line. -1 with err when the
 * baseline cannot be read. */
int od_compare_claims(const char *baseline_path, const char *new_json, strbuf *out, size_t *flips, size_t *moved,
                      wf_error *err);

/* The text report (max_values changes listed per figure). */
void od_print(strbuf *b, const od_result *r, size_t max_values);
/* An HTML page: per changed figure, old and new renders side by side and
 * the changes as tables. old_dir/new_dir as given (used in img src). */
void od_html(strbuf *b, const od_result *r, const char *old_dir, const char *new_dir);

#endif
