/* Incremental rebuild: a figure is rebuilt only when one of its cues
 * changed. The cues are the content hash of each declared input (table CSV
 * or GeoJSON, and its sidecar), the spec file, the plugin (name, version and
 * the sha256 of its shared object, i.e. its build), the host version, the
 * gnuplot version and the output options (formats, language, rendering).
 * After a successful build they are kept in <out>/.cue/<id>.json; the next
 * build compares and says which cue changed, or that the figure is up to
 * date (its outputs all present). */
#ifndef WF_CUE_H
#define WF_CUE_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "figure/build.h"
#include "util/strset.h"

/* File hashes shared by the figures of one build (many figures read the
 * same table and come from the same plugin). Owned by the command. */
typedef struct cue_memo {
    strset paths;
    char (*sha)[65];
} cue_memo;
void cue_memo_free(cue_memo *m);

/* The cues of a figure now (caller deletes). */
cJSON *wf_cue_compute(const wf_app *a, const wf_figure *f, const build_opts *o);

/* true when the saved cues equal now and every output exists. Otherwise
 * why gets the first difference ("input cbs/37296ned changed",
 * "no earlier build", "output fig-1-1.pdf missing", ...). */
bool wf_cue_up_to_date(const build_opts *o, const wf_figure *f, const cJSON *now, bool nodata, char *why, size_t n);

/* Saves the cues after a build that ended OK or NO-DATA (status); a failed
 * figure's cues are removed, so it is rebuilt next time. A NO-DATA figure
 * is up to date while its cues match and its manifest exists. */
void wf_cue_save(const build_opts *o, const char *id, const cJSON *now, int status);
void wf_cue_forget(const build_opts *o, const char *id);

/* Outputs in out_dir of figures that no longer exist: manifests <id>.json
 * (with an "id" and a "plugin") whose id is not among ids[0..n). Each orphan
 * id is passed to fn; with remove set its outputs and cue are deleted
 * first. Returns the number of orphans. */
size_t wf_orphans(const char *out_dir, const char *const *ids, size_t n, bool remove,
                  void (*fn)(void *ud, const char *id), void *ud);

/* The scheduler's hook, kept to three calls there. cue_begin computes the
 * cues and returns true when the figure is up to date (nothing to build);
 * cue_finish saves them after a successful build and forgets them
 * otherwise. */
typedef struct cue_state {
    const build_opts *o;
    const wf_figure *f;
    cJSON *now;
    int up_to_date;
    char why[256];
} cue_state;
bool cue_begin(cue_state *s, const wf_app *a, const build_opts *o, const wf_figure *f, bool nodata);
void cue_finish(cue_state *s, int status);
void cue_state_free(cue_state *s);

#endif
