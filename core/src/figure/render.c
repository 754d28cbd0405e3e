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

int render_figure(const char *gp_path, const char *out_dir, const char *id, const char *formats,
                  double timeout, wf_error *reason)
{
    strbuf prefix = STRBUF_INIT, logp = STRBUF_INIT, expr = STRBUF_INIT;
    sb_printf(&prefix, "%s/.%s.render.%ld", out_dir, id, (long)getpid());
    sb_printf(&logp, "%s.log", prefix.s);
    /* The output prefix is a path, not data, but quote it all the same. */
    sb_puts(&expr, "wrrfig_formats=");
    gp_quote(&expr, formats);
    sb_puts(&expr, "; wrrfig_output=");
    gp_quote(&expr, prefix.s);
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
        strbuf tmp = STRBUF_INIT, fin = STRBUF_INIT;
        const char *ext = strcmp(tok, "png1x") == 0 ? "png" : tok; /* the 1x PNG has the same name */
        sb_printf(&tmp, "%s.%s", prefix.s, ext);
        sb_printf(&fin, "%s/%s.%s", out_dir, id, ext);
        struct stat st;
        if (ok && (stat(tmp.s, &st) != 0 || st.st_size == 0)) {
            wf_errorf(reason, "gnuplot wrote no %s output", tok);
            ok = 0;
        }
        if (ok && strcmp(tok, "pdf") == 0 && pdf_normalise_file(tmp.s) != 0) {
            wf_errorf(reason, "cannot normalise the dates of %s", tmp.s);
            ok = 0;
        }
        if (ok && rename(tmp.s, fin.s) != 0) {
            wf_errorf(reason, "cannot rename %s to %s", tmp.s, fin.s);
            ok = 0;
        }
        unlink(tmp.s); /* leftovers of a failed render never keep a final name */
        sb_free(&tmp);
        sb_free(&fin);
    }
    free(fmts);
    unlink(logp.s);
    sb_free(&prefix);
    sb_free(&logp);
    sb_free(&expr);
    return ok ? 0 : -1;
}
