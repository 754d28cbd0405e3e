#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "figure/build.h"
#include "util/fileio.h"
#include "figure/gpserver.h"
#include "figure/gpwrite.h"
#include "figure/pdfnorm.h"
#include "util/proc.h"
#include "util/strbuf.h"

const char *gnuplot_program(void)
{
    const char *g = getenv("WRRFIG_GNUPLOT");
    return (g && *g) ? g : "gnuplot";
}

/* The gnuplot program's identity: its resolved path, size and mtime. A
 * replaced or upgraded gnuplot gets another key. 0, or -1 when it is not
 * found. */
static int program_key(char *key, size_t n)
{
    const char *prog = gnuplot_program();
    struct stat st;
    strbuf path = STRBUF_INIT;
    int found = 0;
    if (strchr(prog, '/')) {
        sb_puts(&path, prog);
        found = stat(path.s, &st) == 0;
    } else {
        const char *env = getenv("PATH");
        char *dirs = xstrdup(env ? env : "/usr/bin:/bin"), *save = NULL;
        for (char *d = strtok_r(dirs, ":", &save); d && !found; d = strtok_r(NULL, ":", &save)) {
            path.len = 0;
            sb_printf(&path, "%s/%s", *d ? d : ".", prog);
            found = stat(path.s, &st) == 0 && S_ISREG(st.st_mode) && access(path.s, X_OK) == 0;
        }
        free(dirs);
    }
    if (found)
        snprintf(key, n, "%s %lld %lld.%09ld", path.s, (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                 (long)st.st_mtim.tv_nsec);
    sb_free(&path);
    return found ? 0 : -1;
}

/* $XDG_CACHE_HOME/wrrfig/gnuplot-version (or ~/.cache/...); NULL when
 * neither is set. Caller frees. */
static char *cache_path(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    strbuf b = STRBUF_INIT;
    if (xdg && *xdg == '/')
        sb_printf(&b, "%s/wrrfig/gnuplot-version", xdg);
    else if (home && *home == '/')
        sb_printf(&b, "%s/.cache/wrrfig/gnuplot-version", home);
    else
        return NULL;
    return sb_take(&b);
}

static char *probe_version(void)
{
    char tmpl[] = "/tmp/wrrfig-gpver-XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0)
        return NULL;
    close(fd);
    char *argv[] = {(char *)gnuplot_program(), "--version", NULL};
    int rc = run_program(argv, tmpl, NULL, 10);
    char *text = NULL;
    size_t len = 0;
    if (rc == 0 && read_file(tmpl, &text, &len, NULL) == 0 && len > 0 && !memchr(text, '\0', len)) {
        while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
            text[--len] = '\0';
        if (strchr(text, '\n') || len == 0) { /* one line, or it is not a version */
            free(text);
            text = NULL;
        }
    } else {
        free(text);
        text = NULL;
    }
    unlink(tmpl);
    return text;
}

/* Running `gnuplot --version` costs 20 ms or more before the first figure
 * can start, so the answer is kept per gnuplot binary (program_key) in the
 * user's cache directory. A cache that cannot be read or written only costs
 * the probe. */
char *gnuplot_version(void)
{
    char key[1400];
    if (program_key(key, sizeof key) != 0)
        return NULL;
    char *cp = cache_path(), *text = NULL;
    size_t len = 0;
    if (cp && read_file(cp, &text, &len, NULL) == 0) {
        size_t kl = strlen(key);
        char *nl = len > kl ? strchr(text + kl + 1, '\n') : NULL;
        if (!strncmp(text, key, kl) && text[kl] == '\n' && nl && nl[1] == '\0' && nl > text + kl + 1) {
            *nl = '\0';
            char *v = xstrdup(text + kl + 1);
            free(text);
            free(cp);
            return v;
        }
    }
    free(text);
    char *v = probe_version();
    if (v && cp) {
        strbuf b = STRBUF_INIT, dir = STRBUF_INIT;
        sb_printf(&b, "%s\n%s\n", key, v);
        sb_puts(&dir, cp);
        *strrchr(dir.s, '/') = '\0';
        if (make_dirs(dir.s, NULL) == 0)
            atomic_write(cp, b.s, b.len, NULL);
        sb_free(&b);
        sb_free(&dir);
    }
    free(cp);
    return v;
}

/* Last non-empty line of a log file, for a one-line reason. */
static void last_line(const char *path, char *out, size_t n)
{
    char *text = NULL;
    size_t len = 0;
    out[0] = '\0';
    if (read_file(path, &text, &len, NULL) != 0)
        return;
    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' '))
        text[--len] = '\0';
    char *nl = strrchr(text, '\n');
    snprintf(out, n, "%s", nl ? nl + 1 : text);
    free(text);
}

const char *render_ext(const char *fmt)
{
    return strcmp(fmt, "png1x") == 0 ? "png" : fmt;
}

/* Is a rendered file complete? gnuplot writes the end of each format last,
 * so a truncated file (a kill, a full disk) lacks it. */
static int render_complete(const char *path, const char *fmt)
{
    char *text = NULL;
    size_t len = 0;
    if (read_file(path, &text, &len, NULL) != 0)
        return 0;
    int ok = len > 0;
    if (ok && strcmp(fmt, "svg") == 0) {
        while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' '))
            len--;
        ok = len >= 6 && memcmp(text + len - 6, "</svg>", 6) == 0;
    } else if (ok && strcmp(fmt, "png") == 0) {
        ok = len >= 20 && memcmp(text, "\x89PNG", 4) == 0 && memcmp(text + len - 8, "IEND", 4) == 0;
    } else if (ok && strcmp(fmt, "pdf") == 0) {
        ok = len >= 10 && memcmp(text, "%PDF", 4) == 0 && strstr(text + (len > 64 ? len - 64 : 0), "%%EOF");
    }
    free(text);
    return ok;
}

/* gnuplot 5.4.4's SVG terminal escapes < and & in text but writes "]]>"
 * as it is, which XML forbids in content: a label with it made an SVG that
 * is not well-formed. Its SVGs hold no CDATA section, so every "]]>" is
 * text and "]]&gt;" means the same. 0, or -1 when the file cannot be
 * rewritten. */
static int svg_fix_cdata_end(const char *path)
{
    char *text = NULL;
    size_t len = 0;
    if (read_file(path, &text, &len, NULL) != 0)
        return -1;
    if (!strstr(text, "]]>")) {
        free(text);
        return 0;
    }
    strbuf b = STRBUF_INIT;
    for (const char *p = text; *p;) {
        const char *q = strstr(p, "]]>");
        if (!q) {
            sb_puts(&b, p);
            break;
        }
        sb_add(&b, p, (size_t)(q - p));
        sb_puts(&b, "]]&gt;");
        p = q + 3;
    }
    wf_error err;
    int rc = atomic_write(path, b.s, b.len, &err);
    sb_free(&b);
    free(text);
    return rc;
}

/* Checks the files a render wrote, normalises PDF dates, and removes them
 * all when anything failed. ok says whether gnuplot itself succeeded. */
int render_finish(const char *prefix, const char *formats, int ok, wf_error *reason)
{
    char *fmts = xstrdup(formats);
    char *save = NULL;
    for (char *tok = strtok_r(fmts, " ,", &save); tok; tok = strtok_r(NULL, " ,", &save)) {
        strbuf tmp = STRBUF_INIT;
        sb_printf(&tmp, "%s.%s", prefix, render_ext(tok));
        if (ok && !render_complete(tmp.s, render_ext(tok))) {
            wf_errorf(reason, "gnuplot wrote no complete %s output", tok);
            ok = 0;
        }
        if (ok && strcmp(tok, "svg") == 0 && svg_fix_cdata_end(tmp.s) != 0) {
            wf_errorf(reason, "cannot rewrite %s", tmp.s);
            ok = 0;
        }
        if (ok && strcmp(tok, "pdf") == 0 && pdf_normalise_file(tmp.s) != 0) {
            wf_errorf(reason, "cannot normalise the dates of %s", tmp.s);
            ok = 0;
        }
        sb_free(&tmp);
    }
    if (!ok) /* leftovers of a failed render never keep a final name */
        for (char *tok = strtok_r(strcpy(fmts, formats), " ,", &save); tok; tok = strtok_r(NULL, " ,", &save)) {
            strbuf tmp = STRBUF_INIT;
            sb_printf(&tmp, "%s.%s", prefix, render_ext(tok));
            unlink(tmp.s);
            sb_free(&tmp);
        }
    free(fmts);
    return ok ? 0 : -1;
}

int render_figure(const char *gp_path, const char *prefix, const char *formats, double timeout, wf_error *reason)
{
    strbuf logp = STRBUF_INIT, expr = STRBUF_INIT;
    sb_printf(&logp, "%s.log", prefix);
    /* The output prefix is a path, not data, but quote it all the same. */
    sb_puts(&expr, "wrrfig_formats=");
    gp_quote(&expr, formats);
    sb_puts(&expr, "; wrrfig_output=");
    gp_quote(&expr, prefix);
    char *argv[] = {(char *)gnuplot_program(), "-e", expr.s, (char *)gp_path, NULL};
    /* Reproducible-builds convention: cairo versions that honour it write
     * this fixed date into PDFs instead of the time of the build. */
    if (!getenv("SOURCE_DATE_EPOCH"))
        setenv("SOURCE_DATE_EPOCH", "0", 0);
    /* The PNG encoder, as for the server (gpserver_png_encoder). This runs
     * in a figure's worker, whose only child is this gnuplot. */
    char *enc = gpserver_png_encoder();
    if (enc) {
        const char *old = getenv("LD_PRELOAD");
        if (!old || !strstr(old, enc)) {
            strbuf pre = STRBUF_INIT;
            sb_printf(&pre, "%s%s%s", old && *old ? old : "", old && *old ? ":" : "", enc);
            setenv("LD_PRELOAD", pre.s, 1);
            sb_free(&pre);
        }
        free(enc);
    }
    int rc = run_program(argv, NULL, logp.s, timeout);
    int ok = 0;
    if (rc == -3)
        wf_errorf(reason, "cannot run %s (install gnuplot: apt-get install gnuplot-nox)", gnuplot_program());
    else if (rc == -2)
        wf_errorf(reason, "gnuplot did not finish within %.0f s", timeout);
    else if (rc != 0) {
        char line[512];
        last_line(logp.s, line, sizeof line);
        wf_errorf(reason, "gnuplot failed (status %d): %s", rc, line);
    } else {
        ok = 1;
    }
    ok = render_finish(prefix, formats, ok, reason) == 0;
    unlink(logp.s);
    sb_free(&logp);
    sb_free(&expr);
    return ok ? 0 : -1;
}
