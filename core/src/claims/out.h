/* Writing the outcome of `wrrfig check`: text, JSON and TAP for machines and
 * CI (claims_out.c), Markdown and HTML reports for people (claims_report.c).
 * Every writer appends to a strbuf and is deterministic: claims in registry
 * order, no timestamps. */
#ifndef WF_CLAIMS_OUT_H
#define WF_CLAIMS_OUT_H

#include <stdbool.h>
#include <stddef.h>

#include "claims/model.h"
#include "util/strbuf.h"

typedef struct claims_run {
    const claim_set *set;
    const claim_result *res;       /* parallel to set->v */
    const unsigned char *selected; /* which claims were checked */
    size_t counts[CLAIM_N_STATUS];
    size_t n_checked, n_mismatch;
    bool strict;
    const char *fig_dir;           /* where rendered figures are (for links), or NULL */
    const char *fig_href;          /* link prefix for figures, relative to the report ("" = same dir) */
} claims_run;

/* Fills counts, n_checked and n_mismatch from res/selected. */
void claims_run_count(claims_run *r);

void claims_write_text(strbuf *b, const claims_run *r);
void claims_write_json(strbuf *b, const claims_run *r);
void claims_write_tap(strbuf *b, const claims_run *r);
void claims_write_markdown(strbuf *b, const claims_run *r);
void claims_write_html(strbuf *b, const claims_run *r);

/* A number as the reports print it: integers without decimals, others with
 * at most four, trailing zeros trimmed, C locale. */
void claims_fmt_num(char *buf, size_t n, double v);
/* The chapter's heading ("Samenvatting", "1 Migratie, verscheidenheid en samenleven"). */
const char *claims_chapter_title(int chapter);

#endif
