/* `wrrfig diff OLD NEW`: two output directories compared through the files
 * a build leaves (figure manifests, their CSVs, claims.json), then printed
 * as text and as an HTML page (diff/outdiff.c). Any two directories can be
 * compared, so their files are untrusted.
 *
 * Input: files, each after a line "\n----\n" (the first needs none) as
 * "<a|b>/<name>\n<bytes>": a/ goes to the old directory, b/ to the new one.
 * Names outside [A-Za-z0-9._-] are skipped (the harness's own files).
 *
 * Invariants:
 * - every tag of the HTML page is one od_html writes: text from the
 *   directories never opens a tag (or an attribute) of its own;
 * - a directory compared with itself has no difference, and a claims.json
 *   compared with its own text (`check --baseline`) has no flip or move. */
#include "fuzz.h"

#include "diff/outdiff.h"
#include "util/strbuf.h"

/* The tags and attributes od_html writes. */
static const char *const DIFF_TAGS[] = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "div",
                                        "figure", "figcaption", "img", "ul", "li", "table", "tr", "th", "td", "pre",
                                        NULL};
static const char *const DIFF_ATTRS[] = {"charset", "class", "src", "alt", NULL};

static void diff_self(const char *dir)
{
    od_result r;
    wf_error err;
    if (od_compare(dir, dir, 0, &r, &err) == 0) {
        if (r.n_figs != 0 || r.n_verdicts_changed != 0) {
            fprintf(stderr, "%s differs from itself: %zu figures, %zu verdicts\n", dir, r.n_figs,
                    r.n_verdicts_changed);
            abort();
        }
        od_free(&r);
    }
    char path[300];
    snprintf(path, sizeof path, "%s/claims.json", dir);
    char *text = fuzz_read(path, NULL);
    if (!text)
        return;
    strbuf out = STRBUF_INIT;
    size_t flips = 0, moved = 0;
    if (od_compare_claims(path, text, &out, &flips, &moved, &err) == 0 && (flips || moved)) {
        fprintf(stderr, "claims.json against itself: %zu flips, %zu moved\n", flips, moved);
        abort();
    }
    free(text);
    sb_free(&out);
}

static int fuzz_diff(const uint8_t *data, size_t size)
{
    char top[160], dirs[2][200];
    snprintf(top, sizeof top, "%s/diff", fuzz_dir());
    fuzz_rm_tree(top);
    mkdir(top, 0755);
    for (int w = 0; w < 2; w++) {
        snprintf(dirs[w], sizeof dirs[w], "%s/%c", top, "ab"[w]);
        mkdir(dirs[w], 0755);
    }
    const char *p = (const char *)data, *end = p + size, *start, *stop;
    while (fuzz_part(&p, end, &start, &stop)) {
        const char *nl = memchr(start, '\n', (size_t)(stop - start));
        if (nl && nl - start > 2 && (start[0] == 'a' || start[0] == 'b') && start[1] == '/' &&
            fuzz_name_ok(start + 2, (size_t)(nl - start - 2), 0)) {
            char path[400];
            snprintf(path, sizeof path, "%s/%.*s", dirs[start[0] == 'b'], (int)(nl - start - 2), start + 2);
            fuzz_write(path, nl + 1, (size_t)(stop - nl - 1));
        }
    }
    od_result r;
    wf_error err;
    if (od_compare(dirs[0], dirs[1], 0, &r, &err) == 0) {
        strbuf b = STRBUF_INIT;
        od_print(&b, &r, 20);
        sb_free(&b);
        od_html(&b, &r, dirs[0], dirs[1]);
        fuzz_check_html(b.s, DIFF_TAGS, DIFF_ATTRS);
        sb_free(&b);
        od_free(&r);
    }
    diff_self(dirs[0]);
    diff_self(dirs[1]);
    fuzz_rm_tree(top);
    return 0;
}
WF_FUZZ_ENTRY(fuzz_diff)
