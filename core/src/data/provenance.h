/* Provenance: the data files a figure build or a measure evaluation read,
 * as a list of records that travels unchanged from the reader (tables,
 * geometry layers) through the ctx to the manifest and the claim reports.
 * Nothing joins it into a string except the one formatter for reports,
 * and there is one rule for "the same input": the same name and sha256. */
#ifndef WF_PROVENANCE_H
#define WF_PROVENANCE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

typedef struct wf_input {
    char *name;           /* "cbs/37296ned", "geo/gemeente_2015" */
    char *file;           /* file name in the data directory: "37296ned.csv" */
    char *sha256;         /* of that file ("" for a table built in memory) */
    /* From the provenance sidecar; NULL when the sidecar lacks the key. */
    char *source, *source_file, *source_sha256, *licence, *title;
} wf_input;

/* Owns its records and their strings. Zero-initialise; free with
 * inputs_free. */
typedef struct wf_inputs {
    wf_input *v;
    size_t n;
} wf_inputs;

/* Appends a copy of in (strings copied; NULL members stay NULL) unless an
 * input with the same name and sha256 is already listed. */
void inputs_add(wf_inputs *l, const wf_input *in);
/* Appends every input of from (same rule). */
void inputs_merge(wf_inputs *to, const wf_inputs *from);
bool inputs_has(const wf_inputs *l, const char *name, const char *sha256);
void inputs_free(wf_inputs *l);

/* What a measure, expression or claim result cites: enough to name each
 * input in a report. A plain value (no pointers), so results are copied
 * freely and passed between processes (the measure worker) as bytes. */
#define WF_CITES_MAX 16
typedef struct wf_cite {
    char name[96];
    char source[192];     /* "" when the sidecar names none */
    char sha256[65];
} wf_cite;

typedef struct wf_cites {
    size_t n;
    bool truncated;       /* more than WF_CITES_MAX distinct inputs */
    wf_cite v[WF_CITES_MAX];
} wf_cites;

/* Appends unless the same name and sha256 is already cited (the same rule
 * as inputs_add). source may be NULL. */
void cites_add(wf_cites *l, const char *name, const char *source, const char *sha256);
void cites_merge(wf_cites *to, const wf_cites *from);
void cites_from_inputs(wf_cites *to, const wf_inputs *from);
bool cites_has(const wf_cites *l, const char *name);
/* For reports: "name (source; sha256 0123456789ab)" per input, joined by
 * "; " (source "?" when unknown). Appends to out. */
void cites_describe(const wf_cites *l, strbuf *out);

#endif
