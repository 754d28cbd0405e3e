/* The claim registry reader (data/claims/ch*.json), expressions included,
 * and every writer of `wrrfig check` over what it read: text, TAP, JSON,
 * Markdown and the HTML report. Each claim gets a status, an observed value
 * and a reason and a cited input made of its own registry text (its
 * subject and quote), so the writers meet the registry's strings wherever
 * a verdict puts data.
 *
 * Invariants: the JSON output is JSON the project's reader takes, and every
 * tag of the HTML report is one claims_write_html writes (a registry string
 * never opens a tag or an attribute of its own). */
#include "fuzz.h"

#include <cjson/cJSON.h>

#include "claims/out.h"
#include "claims/read.h"
#include "format/jsonfile.h"

/* The markup of claims/report.c. */
static const char *const CLAIMS_TAGS[] = {
    "a", "article", "b", "blockquote", "body", "br", "button", "code", "dd", "details", "div", "dl", "dt",
    "em", "footer", "h1", "h2", "head", "header", "html", "i", "main", "meta", "nav", "p", "script", "section",
    "span", "strong", "style", "summary", "table", "tbody", "td", "th", "thead", "title", "tr", NULL};
static const char *const CLAIMS_ATTRS[] = {"charset", "class", "content", "data-f", "href", "id", "lang", "name",
                                           "style", "title", NULL};

static int fuzz_claims(const uint8_t *data, size_t size)
{
    claim_set set = {0};
    wf_errors errs = {0};
    claims_parse((const char *)data, size, "ch01.json", 1, &set, &errs);
    claims_check_unique_ids(&set, &errs);
    claim_result *res = calloc(set.n ? set.n : 1, sizeof *res);
    unsigned char *sel = malloc(set.n ? set.n : 1);
    for (size_t i = 0; i < set.n; i++) {
        const claim *c = &set.v[i];
        res[i].status = (claim_status)(i % CLAIM_N_STATUS);
        res[i].kind = (claim_kind)(i % 3);
        res[i].observed = c->value + (double)(i % 3);
        res[i].observed_year = c->each_year ? c->year_from : 0;
        res[i].matches = i % 2 == 0;
        snprintf(res[i].reason.msg, sizeof res[i].reason.msg, "%s", c->quote_nl ? c->quote_nl : "");
        cites_add(&res[i].inputs, c->subject ? c->subject : "t", c->source, c->id);
        sel[i] = 1;
    }
    claims_run r = {&set, res, sel, {0}, 0, 0, size % 2 == 0};
    claims_run_count(&r);
    strbuf b = STRBUF_INIT;
    claims_write_text(&b, &r);
    sb_free(&b);
    claims_write_tap(&b, &r);
    sb_free(&b);
    claims_write_markdown(&b, &r);
    sb_free(&b);
    claims_write_json(&b, &r);
    cJSON *j = NULL;
    wf_error err;
    if (json_parse(b.s, b.len, "claims.json", &j, &err) != 0) {
        fprintf(stderr, "claims_write_json wrote what the JSON reader refuses: %s\n", err.msg);
        abort();
    }
    cJSON_Delete(j);
    sb_free(&b);
    claims_write_html(&b, &r);
    fuzz_check_html(b.s, CLAIMS_TAGS, CLAIMS_ATTRS);
    sb_free(&b);
    free(res);
    free(sel);
    claim_set_free(&set);
    wf_errors_free(&errs);
    return 0;
}
WF_FUZZ_ENTRY(fuzz_claims)
