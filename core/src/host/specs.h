/* Figure specs from the figures search path: which file holds the spec of
 * each id, and the figures that specs instantiate from kinds.
 *
 * Every <dir>/<id>.json of every directory on the path is indexed, in path
 * order; an id found in two directories is refused, naming both files. A
 * spec with a "kind" member instantiates that kind: it is checked against
 * the kind's declaration (host/kind.c) and added to the registry as a
 * figure whose declared inputs are the spec's. A spec that names no kind
 * and no plugin's fixed figure, or a kind no plugin provides, is recorded as
 * a problem (`wrrfig list` prints them). */
#ifndef WF_SPECS_H
#define WF_SPECS_H

#include <stddef.h>

#include <stdbool.h>

#include "host/registry.h"

typedef struct wf_spec {
    char *id;
    char *path;
    bool series;  /* has a "period" object (a time series: figure/period.h); set by specs_instantiate */
} wf_spec;

typedef struct wf_specs {
    wf_spec *v;                  /* sorted by id */
    size_t n;
    char **problems;             /* "file: what is wrong", one per spec */
    size_t n_problems;
} wf_specs;

/* Indexes the specs of dirs (n directories, searched in order; a directory
 * that does not exist is skipped). */
void specs_scan(wf_specs *s, char *const *dirs, size_t n);
/* Adds the figures of kind specs to r, and records every spec that
 * registers nothing. Call after the plugins are loaded. */
void specs_instantiate(wf_specs *s, wf_registry *r);
/* Whether spec id is a time series (see wf_spec.series): read once at
 * start-up so the build's cues do not parse every spec again. */
bool specs_is_series(const wf_specs *s, const char *id);
/* The file of id's spec, or NULL. */
const char *specs_path(const wf_specs *s, const char *id);
void specs_free(wf_specs *s);

#endif
