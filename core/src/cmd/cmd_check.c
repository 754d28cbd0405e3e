/* wrrfig check: evaluates the report's claims against the data and reports
 * a verdict per claim (PASS / FAIL against third-party data, CONSISTENT /
 * INCONSISTENT against the report itself, NO-DATA, UNBOUND); writes
 * out/claims.json (the verdicts, schema in docs/claims.md) and out/claims.md /
 * out/claims.html for people. It reads the registry and the data, never the
 * outputs of a build. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/account.h"
#include "claims/check.h"
#include "claims/explain.h"
#include "claims/figindex.h"
#include "claims/out.h"
#include "claims/read.h"
#include "cmd/cmd.h"
#include "cmd/options.h"
#include "util/fileio.h"

static const wf_usage check_usage = {
    "check", "",
    "Evaluates the report's claims (data/claims/chN.json) against the data through the plugins' measures\n"
    "and prints a verdict per claim with the observed value, the claimed value and the difference: PASS or\n"
    "FAIL against third-party data, CONSISTENT or INCONSISTENT against the report's own tables and numbers,\n"
    "NO-DATA or UNBOUND. A full run (no --chapter/--claim) also writes DIR/claims.json (the verdicts, for\n"
    "the site), DIR/claims.md and DIR/claims.html (DIR: --out, default out).\n",
    0, 0,
    "exit status: 0 every checked claim agrees with its recorded expectation (a claim expects PASS unless it\n"
    "records expect: fail, no-data or unbound); 1 a claim differs, or the registry has errors; 2 usage error;\n"
    "3 a plugin was refused\n"};

static const char *const check_formats[] = {"text", "json", "tap", "markdown", NULL};

typedef enum { FMT_TEXT, FMT_JSON, FMT_TAP, FMT_MARKDOWN } out_format;

static int write_report(const char *dir, const char *name, const strbuf *b)
{
    wf_error err;
    if (make_dirs(dir, &err) != 0) {
        fprintf(stderr, "wrrfig check: %s\n", err.msg);
        return -1;
    }
    strbuf path = STRBUF_INIT;
    sb_printf(&path, "%s/%s", dir, name);
    int rc = atomic_write(path.s, b->s ? b->s : "", b->len, &err);
    if (rc != 0)
        fprintf(stderr, "wrrfig check: %s\n", err.msg);
    sb_free(&path);
    return rc;
}

int cmd_check(wf_app *a, int argc, char **argv)
{
    claims_options o = {-1, NULL, NULL, 0};
    const char *registry = NULL, *out_dir = NULL, *format = "text";
    int chapter = -1;
    const char *explain = NULL, *scan = NULL, *transcriptions = NULL;
    bool scan_all = false;
    bool strict = false, no_report = false, write_index = false;
    const wf_option opts[] = {
        WF_OPT_INT(0, "chapter", &chapter, "N", 0, 99, "only chapter N (0 = the summary; 0-9 in the shipped registry)"),
        WF_OPT_STRING(0, "claim", &o.claim_id, "ID", "only this claim"),
        WF_OPT_CHOICE(0, "format", &format, "F", check_formats, "text (default), json, tap or markdown on standard output"),
        WF_OPT_FLAG(0, "strict", &strict, "NO-DATA and UNBOUND count as differing from a pass/fail expectation"),
        WF_OPT_STRING(0, "registry", &registry, "DIR", "claim registry (default: <data>/claims)"),
        WF_OPT_STRING('o', "out", &out_dir, "DIR",
                      "where claims.json, claims.md and claims.html go; given explicitly, they are\n"
                      "written for a filtered run too"),
        WF_OPT_FLAG(0, "no-report", &no_report, "write no claims.json / claims.md / claims.html"),
        WF_OPT_STRING(0, "explain", &explain, "ID",
                      "everything one verdict rests on: the quote and its line, the encoding, the\n"
                      "measure and each reference's value, the tables read with their provenance,\n"
                      "the observed value and the verdict's arithmetic"),
        WF_OPT_STRING(0, "scan", &scan, "REPORT",
                      "account for every number of the report text REPORT: each is covered by a claim,\n"
                      "a transcription test or an exclusion (<registry>/scan-exclusions.tsv); exit 1\n"
                      "when a number of a chapter marked complete is none of these"),
        WF_OPT_STRING(0, "transcriptions", &transcriptions, "DIR",
                      "with --scan: the transcription tests' cells (registry format) also cover numbers"),
        WF_OPT_FLAG(0, "scan-all", &scan_all, "with --scan: list the unaccounted numbers of every chapter"),
        WF_OPT_FLAG(0, "write-index", &write_index,
                    "rewrite the registry's figure-index.json (claim ids per figure, which `wrrfig\n"
                    "build` copies into manifests) and exit; `wrrfig check` refuses a stale index"),
        WF_OPT_END,
    };
    char **pos;
    int n_pos, prc;
    if (wf_cmd_parse(a, &check_usage, opts, argc, argv, &pos, &n_pos, &prc) != 0)
        return prc;
    free(pos);
    o.chapter = chapter;
    o.strict = strict;
    int out_given = out_dir != NULL;
    if (!out_dir)
        out_dir = "out";
    out_format fmt = !strcmp(format, "json") ? FMT_JSON : !strcmp(format, "tap") ? FMT_TAP
                   : !strcmp(format, "markdown") ? FMT_MARKDOWN : FMT_TEXT;

    char *own_dir = registry ? NULL : claims_registry_dir(a);
    claim_set set = {0};
    const char *reg_dir = registry ? registry : own_dir;
    wf_errors errs = {0};
    int lrc = claims_load_dir(reg_dir, &set, &errs);
    if (lrc == 0) {
        wf_error e;
        if (write_index) {
            int wrc = claims_figure_index_write(reg_dir, &set, &e);
            if (wrc != 0)
                fprintf(stderr, "wrrfig check: %s\n", e.msg);
            else
                printf("wrote %s/%s\n", reg_dir, CLAIMS_FIGURE_INDEX);
            free(own_dir);
            wf_errors_free(&errs);
            claim_set_free(&set);
            return wrc == 0 ? EXIT_OK : EXIT_FAILED;
        }
        if (claims_figure_index_check(reg_dir, &set, &e) != 0)
            lrc = wf_errors_push(&errs, &e);
    }
    free(own_dir);
    if (lrc != 0) {
        for (size_t i = 0; i < errs.n; i++)
            fprintf(stderr, "%s\n", errs.v[i].msg);
        fprintf(stderr, "wrrfig check: the claim registry has %zu error%s\n", errs.n, errs.n == 1 ? "" : "s");
        wf_errors_free(&errs);
        claim_set_free(&set);
        return EXIT_FAILED;
    }
    wf_errors_free(&errs);
    if (o.chapter >= 0) {
        /* A chapter with no claims is a typo, not "0 claims checked". */
        int lo = -1, hi = -1, found = 0;
        for (size_t k = 0; k < set.n; k++) {
            int ch = set.v[k].chapter;
            found |= ch == o.chapter;
            if (lo < 0 || ch < lo)
                lo = ch;
            if (ch > hi)
                hi = ch;
        }
        if (!found) {
            fprintf(stderr, "wrrfig check: --chapter %d: the registry has no claims for that chapter (chapters %d-%d)\n",
                    o.chapter, lo, hi);
            claim_set_free(&set);
            return EXIT_USAGE;
        }
    }
    if (o.claim_id && claim_set_find(&set, o.claim_id) < 0) {
        fprintf(stderr, "wrrfig check: no claim with id '%s' in the registry\n", o.claim_id);
        claim_set_free(&set);
        return EXIT_USAGE;
    }
    if (scan) {
        int src = EXIT_OK;
        char *raw;
        size_t len;
        wf_error e;
        claim_set tr = {0};
        scan_exclusions x;
        wf_errors xe = {0};
        strbuf xp = STRBUF_INIT;
        sb_printf(&xp, "%s/scan-exclusions.tsv", registry ? registry : "");
        if (!registry) {
            char *d = claims_registry_dir(a);
            xp.len = 0;
            sb_printf(&xp, "%s/scan-exclusions.tsv", d);
            free(d);
        }
        if (read_file(scan, &raw, &len, &e) != 0) {
            fprintf(stderr, "wrrfig check: %s\n", e.msg);
            src = EXIT_FAILED;
        } else if ((transcriptions && claims_load_dir(transcriptions, &tr, &xe) != 0) ||
                   scan_exclusions_load(xp.s, &x, &xe) != 0) {
            for (size_t i = 0; i < xe.n; i++)
                fprintf(stderr, "%s\n", xe.v[i].msg);
            src = EXIT_FAILED;
            free(raw);
        } else {
            const claim_set *sets[2] = {&set, &tr};
            const scan_class cls[2] = {SCAN_CLAIM, SCAN_TRANSCRIPTION};
            scan_account acc;
            scan_account_run(raw, len, sets, cls, 2, &x, &acc);
            strbuf rep = STRBUF_INIT;
            size_t problems = scan_account_report(&acc, &x, scan_all, &rep);
            fwrite(sb_cstr(&rep), 1, rep.len, stdout);
            printf("%zu problem%s\n", problems, problems == 1 ? "" : "s");
            src = problems ? EXIT_FAILED : EXIT_OK;
            sb_free(&rep);
            scan_account_free(&acc);
            scan_exclusions_free(&x);
            free(raw);
        }
        wf_errors_free(&xe);
        sb_free(&xp);
        claim_set_free(&tr);
        claim_set_free(&set);
        return src;
    }
    if (explain) {
        long k = claim_set_find(&set, explain);
        if (k < 0) {
            fprintf(stderr, "wrrfig check: no claim with id '%s' in the registry\n", explain);
            claim_set_free(&set);
            return EXIT_USAGE;
        }
        strbuf ex = STRBUF_INIT;
        int erc = claims_explain(a, &set.v[k], &ex);
        fwrite(sb_cstr(&ex), 1, ex.len, stdout);
        sb_free(&ex);
        claim_set_free(&set);
        return erc == 0 ? EXIT_OK : EXIT_FAILED;
    }

    claim_result *res = xcalloc(set.n + 1, sizeof *res);
    unsigned char *sel = xcalloc(set.n + 1, 1);
    claims_check_set(a, &set, &o, res, sel);
    claims_run run = {0};
    run.set = &set;
    run.res = res;
    run.selected = sel;
    run.strict = o.strict;
    claims_run_count(&run);

    strbuf b = STRBUF_INIT;
    switch (fmt) {
    case FMT_JSON: claims_write_json(&b, &run); break;
    case FMT_TAP: claims_write_tap(&b, &run); break;
    case FMT_MARKDOWN: claims_write_markdown(&b, &run); break;
    default: claims_write_text(&b, &run);
    }
    fwrite(sb_cstr(&b), 1, b.len, stdout);
    fflush(stdout);

    int rc = run.n_mismatch ? EXIT_FAILED : EXIT_OK;
    int filtered = o.chapter >= 0 || o.claim_id;
    if (!no_report && (out_given || !filtered)) {
        strbuf js = STRBUF_INIT, md = STRBUF_INIT, html = STRBUF_INIT;
        claims_write_json(&js, &run);
        claims_write_markdown(&md, &run);
        claims_write_html(&html, &run);
        if (write_report(out_dir, "claims.json", &js) != 0 || write_report(out_dir, "claims.md", &md) != 0 ||
            write_report(out_dir, "claims.html", &html) != 0)
            rc = EXIT_FAILED;
        sb_free(&js);
        sb_free(&md);
        sb_free(&html);
    }
    sb_free(&b);
    free(res);
    free(sel);
    claim_set_free(&set);
    return rc;
}
