#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "figure/build.h"
#include "util/fileio.h"
#include "figure/gpwrite.h"
#include "figure/pdfnorm.h"
#include "util/proc.h"
#include "util/strbuf.h"

const char *gnuplot_program(void)
{
    const char *g = getenv("WRRFIG_GNUPLOT");
    return (g && *g) ? g : "gnuplot";
}

char *gnuplot_version(void)
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
    if (rc == 0 && read_file(tmpl, &text, &len, NULL) == 0) {
        while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
            text[--len] = '\0';
    } else {
        free(text);
        text = NULL;
    }
    unlink(tmpl);
    return text;
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
    char *fmts = xstrdup(formats);
    char *save = NULL;
    for (char *tok = strtok_r(fmts, " ,", &save); tok; tok = strtok_r(NULL, " ,", &save)) {
        strbuf tmp = STRBUF_INIT;
        sb_printf(&tmp, "%s.%s", prefix, tok);
        if (ok && !render_complete(tmp.s, tok)) {
            wf_errorf(reason, "gnuplot wrote no complete %s output", tok);
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
            sb_printf(&tmp, "%s.%s", prefix, tok);
            unlink(tmp.s);
            sb_free(&tmp);
        }
    free(fmts);
    unlink(logp.s);
    sb_free(&logp);
    sb_free(&expr);
    return ok ? 0 : -1;
}
