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

#define DIFF_SEP "\n----\n"

/* The tags and attributes od_html writes. */
static const char *const DIFF_TAGS[] = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "div",
                                        "figure", "figcaption", "img", "ul", "li", "table", "tr", "th", "td", "pre",
                                        NULL};
static const char *const DIFF_ATTRS[] = {"charset", "class", "src", "alt", NULL};

static int diff_name_ok(const char *p, size_t n)
{
    if (n == 0 || n > 100 || p[0] == '.')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-'))
            return 0;
    }
    return 1;
}

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
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    strbuf text = STRBUF_INIT, out = STRBUF_INIT;
    char buf[4096];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0)
        sb_add(&text, buf, k);
    fclose(f);
    size_t flips = 0, moved = 0;
    if (od_compare_claims(path, text.s ? text.s : "", &out, &flips, &moved, &err) == 0 && (flips || moved)) {
        fprintf(stderr, "claims.json against itself: %zu flips, %zu moved\n", flips, moved);
        abort();
    }
    sb_free(&text);
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
    const char *p = (const char *)data, *end = p + size;
    while (p < end) {
        const char *stop = end;
        for (const char *q = p; q + sizeof DIFF_SEP - 1 <= end; q++)
            if (memcmp(q, DIFF_SEP, sizeof DIFF_SEP - 1) == 0) {
                stop = q;
                break;
            }
        const char *nl = memchr(p, '\n', (size_t)(stop - p));
        if (nl && nl - p > 2 && (p[0] == 'a' || p[0] == 'b') && p[1] == '/' &&
            diff_name_ok(p + 2, (size_t)(nl - p - 2))) {
            char path[400];
            snprintf(path, sizeof path, "%s/%.*s", dirs[p[0] == 'b'], (int)(nl - p - 2), p + 2);
            fuzz_write(path, nl + 1, (size_t)(stop - nl - 1));
        }
        if (stop == end)
            break;
        p = stop + sizeof DIFF_SEP - 1;
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
