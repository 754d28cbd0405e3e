/* wrrfig check: evaluates the report's claims against the data and reports
 * PASS / FAIL / NO-DATA / UNBOUND per claim; writes out/claims.json (the
 * verdicts, schema in docs/claims.md) and out/claims.md / out/claims.html for
 * people. It reads the registry and the data, never the outputs of a build. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/check.h"
#include "claims/explain.h"
#include "claims/figindex.h"
#include "claims/out.h"
#include "claims/read.h"
#include "util/fileio.h"

static const char check_usage[] =
    "usage: wrrfig check [--chapter N] [--claim ID] [--format text|json|tap|markdown] [--strict]\n"
    "                    [--registry DIR] [--out DIR] [--no-report] [--write-index] [--explain ID]\n"
    "Evaluates the report's claims (data/claims/chN.json) against the data through the plugins' measures\n"
    "and prints PASS, FAIL, NO-DATA or UNBOUND per claim with the observed value, the claimed value and the\n"
    "difference. A full run (no --chapter/--claim) also writes DIR/claims.json (the verdicts, for the site),\n"
    "DIR/claims.md and DIR/claims.html (DIR: --out, default out).\n"
    "\n"
    "  --chapter N      only chapter N (0 = summary)\n"
    "  --claim ID       only this claim\n"
    "  --format F       text (default), json, tap or markdown on standard output\n"
    "  --strict         NO-DATA and UNBOUND count as differing from a pass/fail expectation\n"
    "  --registry DIR   claim registry (default: <data>/claims)\n"
    "  --out DIR        where claims.json, claims.md and claims.html go; given explicitly, they are\n"
    "                   written for a filtered run too\n"
    "  --no-report      write no claims.json / claims.md / claims.html\n"
    "  --explain ID     everything one verdict rests on: the quote and its line, the encoding, the measure\n"
    "                   and each reference's value, the tables read with their provenance, the observed\n"
    "                   value and the verdict's arithmetic\n"
    "  --write-index    rewrite the registry's figure-index.json (claim ids per figure, which `wrrfig build`\n"
    "                   copies into manifests) and exit; `wrrfig check` refuses a stale index\n"
    "\n"
    "exit status: 0 every checked claim agrees with its recorded expectation (a claim expects PASS unless it\n"
    "records expect: fail, no-data or unbound); 1 a claim differs, or the registry has errors; 2 usage\n";

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

int cli_check(wf_app *a, int argc, char **argv)
{
    claims_options o = {-1, NULL, NULL, 0};
    out_format fmt = FMT_TEXT;
    const char *registry = NULL, *out_dir = "out", *explain = NULL;
    int out_given = 0, no_report = 0, write_index = 0;
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i];
        int has_arg = i + 1 < argc;
        if (!strcmp(s, "--help") || !strcmp(s, "-h")) {
            fputs(check_usage, stdout);
            return EXIT_OK;
        } else if (!strcmp(s, "--strict"))
            o.strict = 1;
        else if (!strcmp(s, "--no-report"))
            no_report = 1;
        else if (!strcmp(s, "--write-index"))
            write_index = 1;
        else if (!strcmp(s, "--chapter") && has_arg) {
            char *end;
            long ch = strtol(argv[++i], &end, 10);
            if (*end || ch < 0 || ch > 99) {
                fprintf(stderr, "wrrfig check: --chapter takes a chapter number 0-9, got '%s'\n", argv[i]);
                return EXIT_USAGE;
            }
            o.chapter = (int)ch;
        } else if (!strcmp(s, "--claim") && has_arg)
            o.claim_id = argv[++i];
        else if (!strcmp(s, "--explain") && has_arg)
            explain = argv[++i];
        else if (!strcmp(s, "--registry") && has_arg)
            registry = argv[++i];
        else if (!strcmp(s, "--out") && has_arg) {
            out_dir = argv[++i];
            out_given = 1;
        } else if (!strcmp(s, "--format") && has_arg) {
            const char *f = argv[++i];
            if (!strcmp(f, "text"))
                fmt = FMT_TEXT;
            else if (!strcmp(f, "json"))
                fmt = FMT_JSON;
            else if (!strcmp(f, "tap"))
                fmt = FMT_TAP;
            else if (!strcmp(f, "markdown"))
                fmt = FMT_MARKDOWN;
            else {
                fprintf(stderr, "wrrfig check: --format takes text, json, tap or markdown, got '%s'\n", f);
                return EXIT_USAGE;
            }
        } else {
            fprintf(stderr, "wrrfig check: unexpected argument %s\n\n%s", s, check_usage);
            return EXIT_USAGE;
        }
    }

    char *own_dir = registry ? NULL : claims_registry_dir(a);
    const char *reg_dir = registry ? registry : own_dir;
    claim_set set = {0};
    strbuf errs = STRBUF_INIT;
    size_t n_err = claims_load_dir(reg_dir, &set, &errs);
    if (!n_err) {
        wf_error e;
        if (write_index) {
            int wrc = claims_figure_index_write(reg_dir, &set, &e);
            if (wrc != 0)
                fprintf(stderr, "wrrfig check: %s\n", e.msg);
            else
                printf("wrote %s/%s\n", reg_dir, CLAIMS_FIGURE_INDEX);
            free(own_dir);
            sb_free(&errs);
            claim_set_free(&set);
            return wrc == 0 ? EXIT_OK : EXIT_FAILED;
        }
        if (claims_figure_index_check(reg_dir, &set, &e) != 0) {
            sb_printf(&errs, "%s\n", e.msg);
            n_err++;
        }
    }
    free(own_dir);
    if (n_err) {
        fprintf(stderr, "%s", sb_cstr(&errs));
        fprintf(stderr, "wrrfig check: the claim registry has %zu error%s\n", n_err, n_err == 1 ? "" : "s");
        sb_free(&errs);
        claim_set_free(&set);
        return EXIT_FAILED;
    }
    sb_free(&errs);
    if (o.claim_id && claim_set_find(&set, o.claim_id) < 0) {
        fprintf(stderr, "wrrfig check: no claim with id '%s' in the registry\n", o.claim_id);
        claim_set_free(&set);
        return EXIT_USAGE;
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
