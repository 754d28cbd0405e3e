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

/* For text reports: "name (source; sha256 0123456789ab)" per input, joined
 * by "; ". Appends to out ("" for an empty list). */
void inputs_describe(const wf_inputs *l, strbuf *out);

/* A byte encoding, for passing a list between processes (the measure
 * worker). inputs_decode appends to out; returns 0, or -1 on malformed
 * bytes (out keeps what was decoded). */
void inputs_encode(const wf_inputs *l, strbuf *out);
int inputs_decode(const char *buf, size_t len, wf_inputs *out);

#endif
