/* `wrrfig site`: a static gallery and reviewer site built from the outputs
 * of `wrrfig build` (Dutch, in DIR; English, in DIR/en), the claim report
 * (DIR/claims.json, as `wrrfig check --format json` writes it), the figure
 * specs, the data sidecars and, when given, the report text.
 *
 * Pages (all links relative, so the site works from file:// and any static
 * server; nothing of the build machine's paths is written):
 *   DIR/index.html, DIR/index.en.html        every figure by chapter
 *   DIR/fig/<id>.html, DIR/fig/<id>.en.html  one page per figure
 *   DIR/claims.html, DIR/claims.en.html      every claim, with search
 *   DIR/site/style.css, site.js              the only assets (no fonts, no network)
 *   DIR/site/data/<table>.meta.json          copies of the input sidecars
 * Every file is written atomically. */
#ifndef WF_SITE_H
#define WF_SITE_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "claims/model.h"
#include "host/registry.h"
#include "util/strbuf.h"
#include "util/wf_error.h"

typedef struct site_opts {
    const char *out_dir;      /* Dutch build and where the site goes */
    const char *en_dir;       /* English build (NULL: out_dir/en) */
    const char *data_dir;     /* data/ (sidecars, claim registry in data_dir/claims) */
    const char *figures_dir;  /* figure specs */
    const char *claims_file;  /* NULL: out_dir/claims.json; absent file: no claims */
    const char *report_file;  /* report text, or NULL (passages are then not shown) */
    const wf_registry *reg;   /* the figures the plugins provide */
} site_opts;

/* Counts of what was written, for the command's summary and tests. */
typedef struct site_stats {
    size_t figures, report_figures, ready, nodata, not_built, claims, pages, sidecars;
} site_stats;

int site_generate(const site_opts *o, site_stats *st, wf_error *err);

/* ---- internal: shared by the page writers (core/src/site/) ---- */

enum { LANG_NL = 0, LANG_EN = 1 };
/* The "chapter" of extras that belong to no chapter of the report: last. */
enum { SITE_CH_EXTRA = 999 };

typedef struct site_fig {
    char *id;
    int canonical;            /* one of the report's figure/table ids (fig-C-N, tab-C-N, kader-C-N) */
    int chapter;
    long line;                /* first report line, for report order */
    const char *parent;       /* an extra's canonical figure, or NULL */
    const wf_figure *reg;     /* registry entry */
    cJSON *spec;              /* figures/<id>.json, or NULL */
    cJSON *man[2];            /* manifests of the nl and en builds, or NULL when not built */
} site_fig;

typedef struct site_claim {
    const cJSON *j;           /* the claim's object in the claims file */
    const claim *reg;         /* its registry entry, or NULL */
} site_claim;

typedef struct site {
    const site_opts *o;
    const char *en_dir;
    site_fig *figs;           /* report order */
    size_t n_figs;
    cJSON *claims_doc;
    site_claim *claims;
    size_t n_claims;
    claim_set registry;
    char *report_text;
    char **lines;             /* lines[i] is report line i+1 */
    size_t n_lines;
} site;

typedef struct site_ui {
    const char *lang, *other_lang, *other_name, *suffix, *other_suffix;
    const char *site_title, *intro, *chapter, *summary, *all_figures, *claims, *status_ok, *status_nodata,
        *status_missing, *missing_input, *needs, *fetchable, *yes, *no, *variant_of, *variants, *notes, *numbers,
        *provenance, *input, *source, *licence, *sidecar, *plugin, *gnuplot, *host, *spec, *downloads,
        *claims_about, *none, *claimed, *observed, *reason, *expected, *report_line, *search, *verdict, *figure,
        *all, *shown, *no_render, *no_claims, *passage_missing, *rows, *extra, *title_word, *inputs, *report_section,
        *chart, *table, *kind, *kind_data, *kind_internal, *claims_title, *extra_figures;
    /* printf format (the report's period as far as the data reach, then
     * the period shown): added to a spec's alt text, which describes the
     * former, when a build with --latest shows another period */
    const char *alt_period;
} site_ui;

const site_ui *site_ui_for(int lang);

/* Text of a {"nl","en"} spec object (or plain string) in a language,
 * falling back to the other one; NULL when absent. */
const char *site_text(const cJSON *obj, int lang);
const char *site_fig_title(const site_fig *f, int lang);
const char *site_fig_status(const site_fig *f);   /* "ok", "no-data", "not-built" */
/* "<dt>Fetchable with wrrfig fetch</dt><dd>yes: CBS <table> (<mapping>)</dd>"
 * or "...<dd>no: <reason></dd>" from a NO-DATA manifest's "fetchable". */
struct strbuf;
void site_fetchable_fact(struct strbuf *b, const cJSON *manifest, const site_ui *u);
const site_fig *site_find_fig(const site *s, const char *id);
/* A claim's fields in either schema of wrrfig check's JSON: the verdict
 * ("verdict", earlier "status"), the claimed value ("expected", earlier
 * "value"), the recorded expectation ("expectation", earlier "expect"), the
 * quote ("quote", else the registry's). */
const char *site_claim_verdict(const site_claim *c);
const cJSON *site_claim_value(const site_claim *c);
const char *site_claim_expectation(const site_claim *c);
const char *site_claim_quote(const site_claim *c);
const char *site_claim_en(const site_claim *c);
/* The tables a claim rests on that have a sidecar: its "tables" array
 * (names), else the table names at the start of each element of its
 * "inputs" string. */
size_t site_claim_tables(const site *s, const site_claim *c, char names[][128], size_t max);

int site_write_file(const char *dir, const char *rel, const strbuf *b, wf_error *err);
int site_write_index(const site *s, int lang, wf_error *err);
int site_write_figure(const site *s, const site_fig *f, int lang, wf_error *err);
int site_write_claims(const site *s, int lang, wf_error *err);
int site_write_assets(const site *s, size_t *n_sidecars, wf_error *err);
/* Writes a verdict badge (class by kind, text upper-case). */
void site_badge(strbuf *b, const char *status);
/* Report passage of a line, with context, as an HTML block; nothing when the
 * report text was not given or the line is out of range. */
void site_passage(strbuf *b, const site *s, long line, int context, const char *id);

#endif
