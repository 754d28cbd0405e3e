/* A fake host for unit tests of plugin code, in the spirit of collectd's
 * plugin_mock.c: the real wrrfig_host function table over a callback
 * context that the test fills in memory (tables from CSV text, a spec, a
 * kind's parameters), with no wrrfig binary, no registry, no worker process
 * and no gnuplot. What the plugin wrote (CSV, datablocks, plot commands,
 * notes, the last message) is there to inspect after the callback.
 *
 *   fh_host *f = fh_new(NULL);                     // no data directory
 *   fh_table(f, "cbs/37296ned", "Perioden,Onderwerp,value\n2019JJ00,Immigratie_73,269064\n", "CBS 37296ned");
 *   const wrrfig_plugin *p = fh_plugin(f, "immigration");   // build/plugins/immigration.so
 *   double v;
 *   assert_int_equal(fh_measure(f, p, "immigration.total{year=2019}", &v), WRRFIG_OK);
 *
 * Tables the test did not give are read from the data directory passed to
 * fh_new, as the host would (NULL: none, so they are absent). Only the
 * inputs the measure, figure or kind spec declares can be opened, as in the
 * host. Ownership: everything belongs to the fh_host; strings it returns stay
 * valid until the next callback or fh_free. */
#ifndef WF_FAKEHOST_H
#define WF_FAKEHOST_H

#include <stdbool.h>

#include "wrrfig/plugin.h"

typedef struct fh_host fh_host;

fh_host *fh_new(const char *data_dir);
void fh_free(fh_host *f);
/* Output language, "nl" (default) or "en". */
void fh_lang(fh_host *f, const char *lang);

/* A table from CSV text in the data format (dimension columns, then
 * "value"), with a sidecar {"source": source}; or with a whole sidecar. */
void fh_table(fh_host *f, const char *name, const char *csv, const char *source);
void fh_table_meta(fh_host *f, const char *name, const char *csv, const char *meta_json);
/* The figure spec (JSON text). */
void fh_spec(fh_host *f, const char *json);

/* The plugin descriptor of <build>/plugins/<name>.so, or of the file name
 * when it holds a '/' (loaded once, closed by fh_free). */
const wrrfig_plugin *fh_plugin(fh_host *f, const char *name);

/* Runs measure `ref` ("name{k=v,...}") of plugin p. Returns the plugin's
 * status, WRRFIG_ERROR when the reference is malformed, the measure
 * unknown, or the plugin misused the host API. */
wrrfig_status fh_measure(fh_host *f, const wrrfig_plugin *p, const char *ref, double *out);
/* Builds fixed figure `id` of p against the spec given with fh_spec. */
wrrfig_status fh_figure(fh_host *f, const wrrfig_plugin *p, const char *id);
/* Builds a figure of kind `kind` of p from the spec given with fh_spec: the
 * spec is checked against the kind's declaration as the host checks it
 * (WRRFIG_ERROR and fh_message() saying why when it does not fit). */
wrrfig_status fh_kind(fh_host *f, const wrrfig_plugin *p, const char *kind);

/* What the last callback left. */
const char *fh_csv(const fh_host *f);      /* the CSV of the figure's numbers */
const char *fh_script(const fh_host *f);   /* datablocks, then plot commands */
const char *fh_message(const fh_host *f);  /* the last warning or error logged */
size_t fh_notes(const fh_host *f);
const char *fh_note(const fh_host *f, size_t i);
int fh_misuse(const fh_host *f);           /* API misuse count */
/* The broken-input message the host recorded (input_broken or an unreadable
 * table), NULL when the inputs were sound: the host fails the figure on it
 * and keeps the previous outputs, whatever the plugin returned. */
const char *fh_broken(const fh_host *f);
/* "name sha256" of each input the callback opened, one per line. */
const char *fh_inputs(const fh_host *f);

#endif
