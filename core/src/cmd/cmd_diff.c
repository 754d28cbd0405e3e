/* wrrfig diff OLD_OUT NEW_OUT: what changed between two builds, per figure
 * (core/src/diff/outdiff.c), as text and as an HTML page with the old and
 * new renders side by side. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "diff/outdiff.h"
#include "util/fileio.h"

int cmd_diff(wf_app *a, int argc, char **argv)
{
    static const wf_usage usage = {
        "diff", "OLD_OUT NEW_OUT",
        "What changed between two builds, per figure: the values of its CSV that were added, removed or\n"
        "changed (beyond --tolerance, largest first), its inputs' hashes, its claims' verdicts and observed\n"
        "values (and those of OLD_OUT/claims.json against NEW_OUT/claims.json when both exist). Writes an\n"
        "HTML page with the old and new renders side by side (default NEW_OUT/diff.html).\n"
        "Exit status 1 when a claim verdict changed.\n",
        2, 2, NULL};
    const char *html = NULL, *tol_text = "1e-9";
    int max = 20;
    const wf_option opts[] = {
        WF_OPT_STRING(0, "tolerance", &tol_text, "X", "absolute difference below which a value counts as unchanged (default 1e-9)"),
        WF_OPT_INT(0, "max", &max, "N", 1, 1000000, "changes listed per figure (default 20)"),
        WF_OPT_STRING(0, "html", &html, "FILE", "where the HTML page goes (default NEW_OUT/diff.html)"),
        WF_OPT_END,
    };
    char **pos;
    int n_pos, rc;
    if (wf_cmd_parse(a, &usage, opts, argc, argv, &pos, &n_pos, &rc) != 0)
        return rc;
    char *end;
    double tol = strtod(tol_text, &end);
    if (*end || tol < 0) {
        fprintf(stderr, "wrrfig diff: --tolerance takes a number >= 0, got '%s'\n", tol_text);
        free(pos);
        return EXIT_USAGE;
    }
    od_result r;
    wf_error err;
    if (od_compare(pos[0], pos[1], tol, &r, &err) != 0) {
        fprintf(stderr, "wrrfig diff: %s\n", err.msg);
        free(pos);
        return EXIT_ENV;
    }
    strbuf b = STRBUF_INIT;
    od_print(&b, &r, (size_t)max);
    fputs(b.s, stdout);
    strbuf h = STRBUF_INIT, hp = STRBUF_INIT;
    od_html(&h, &r, pos[0], pos[1]);
    if (html)
        sb_puts(&hp, html);
    else
        sb_printf(&hp, "%s/diff.html", pos[1]);
    if (atomic_write(hp.s, h.s, h.len, &err) != 0)
        fprintf(stderr, "wrrfig diff: %s\n", err.msg);
    else
        printf("HTML: %s\n", hp.s);
    int verdicts = r.n_verdicts_changed > 0;
    od_free(&r);
    sb_free(&b);
    sb_free(&h);
    sb_free(&hp);
    free(pos);
    return verdicts ? EXIT_FAILED : EXIT_OK;
}
