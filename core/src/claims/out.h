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
    size_t counts[CLAIM_N_VERDICT];  /* by verdict (kind and status) */
    size_t n_checked, n_mismatch;
    bool strict;
} claims_run;

/* Fills counts, n_checked and n_mismatch from res/selected. */
void claims_run_count(claims_run *r);

/* The one summary sentence, kinds apart: "41 claims checked against
 * third-party data: 35 pass, 6 fail; 96 statements checked for internal
 * consistency: 90 consistent, 6 inconsistent; 132 NO-DATA, 232 UNBOUND, 0
 * ERROR (520 claims in all)". No newline. */
void claims_write_summary(strbuf *b, const claims_run *r);

/* Why a known FAIL/INCONSISTENT fails: "revised since publication" (the
 * data were revised after the report used them) or "report error"; NULL
 * for any other verdict. */
const char *claims_reason_class(const claim *c, const claim_result *x);

/* The verdict of claim i of a run. */
claim_verdict claims_run_verdict(const claims_run *r, size_t i);

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
