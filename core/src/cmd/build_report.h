/* What `wrrfig build` prints while and after it builds: on a terminal one
 * progress line updated in place, with warnings and failures above it; in a
 * log (stdout not a terminal) one line per figure; in both a closing
 * summary. Warnings a figure's spec lists as known report inconsistencies
 * ("known_warnings") are counted, not repeated, unless verbose. */
#ifndef WF_BUILD_REPORT_H
#define WF_BUILD_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "figure/schedule.h"

typedef struct build_report_opts {
    bool tty;           /* stdout is a terminal: progress line instead of a line per figure */
    bool color_out;     /* colour on stdout */
    bool color_err;     /* colour on stderr */
    bool err_is_out;    /* stderr is the same file as stdout (2>&1): say failures once */
    bool quiet, verbose;
    bool explain;       /* say why each figure was rebuilt, or that it is up to date */
    int width;          /* terminal width for the progress line */
    int id_width;       /* the longest figure id, for aligned columns */
    const char *out_dir;
    const wf_app *app;  /* for the figure specs (known_warnings) */
} build_report_opts;

typedef struct build_report build_report;

/* o is copied; its strings must outlive the report. */
build_report *build_report_new(const build_report_opts *o, size_t total);
/* A wf_progress_fn: ud is the build_report. */
void build_report_figure(void *ud, const wf_fig_result *r, size_t done, size_t total);
/* A line of its own on stdout (above the progress line on a terminal). */
void build_report_line(build_report *b, const char *text);
/* The closing summary (counts, time, where the outputs are, NO-DATA by
 * missing table on a terminal, known warnings). */
void build_report_summary(build_report *b, const wf_schedule_counts *c);
void build_report_free(build_report *b);

/* Whether colour may be used on fd: a terminal, NO_COLOR unset or empty
 * (no-color.org), TERM not "dumb". */
bool build_report_color_ok(int fd);

#endif
