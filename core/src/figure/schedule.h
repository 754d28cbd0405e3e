/* Running figure builds in parallel, each in its own worker process with a
 * deadline. The scheduler knows nothing of terminals or logs: it reports
 * each finished figure through a callback, and the command decides what to
 * print (core/src/cmd/cmd_build.c). */
#ifndef WF_SCHEDULE_H
#define WF_SCHEDULE_H

#include <stddef.h>

#include "figure/build.h"

/* The outcome of one figure. reason is owned by the scheduler and valid
 * during the callback and until wf_schedule_free. */
typedef struct wf_fig_result {
    const wf_figure *fig;
    int status;              /* WRRFIG_OK, WRRFIG_NODATA or WRRFIG_ERROR */
    const char *reason;      /* one line for NO-DATA and failures, "" for ok */
    double ms;               /* wall time of the worker */
    int up_to_date;          /* 1: not rebuilt, its cues are unchanged (figure/cue.h) */
    const char *cue;         /* why it was (re)built: "input cbs/37296ned changed", ... ("" when not known) */
    const char *warnings;    /* gnuplot's messages for the figure, one per line ("" when none) */
    const char *log;         /* what the worker wrote to stderr (plugin warnings), "" if nothing */
    const char *missing;     /* NO-DATA for an absent input: that table; else NULL */
} wf_fig_result;

/* Called once per figure as it finishes; done counts finished figures
 * including this one, of total. */
typedef void (*wf_progress_fn)(void *ud, const wf_fig_result *r, size_t done, size_t total);

typedef struct wf_schedule_counts {
    size_t ok, nodata, failed;
    size_t up_to_date;       /* of ok: not rebuilt */
    double ms;               /* wall time of the whole schedule */
} wf_schedule_counts;

/* Builds figs[0..n) with up to jobs workers at once. A figure whose
 * declared input is absent is NO-DATA without a worker. */
wf_schedule_counts wf_schedule_run(const wf_app *a, const build_opts *o, const wf_figure *const *figs, size_t n,
                                   int jobs, wf_progress_fn progress, void *ud);

#endif
