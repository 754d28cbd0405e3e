/* wrrfig site: the static gallery and reviewer site (core/src/site/). */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "site/site.h"

static const char site_usage[] =
    "usage: wrrfig site [--out DIR] [--en DIR] [--claims FILE] [--report FILE]\n"
    "Writes a static site into DIR (default out) from the outputs already there: the Dutch build in DIR\n"
    "(wrrfig build --out DIR), the English build in DIR/en (wrrfig --lang en build --out DIR/en) and the\n"
    "claim report DIR/claims.json (wrrfig check --format json). Pages: DIR/index.html, DIR/claims.html,\n"
    "DIR/fig/<id>.html, each also in English (.en.html); input sidecars are copied to DIR/site/data/.\n"
    "All links are relative: the site works from file:// and from any static server.\n"
    "  --out DIR        the Dutch build, and where the site is written\n"
    "  --en DIR         the English build (default DIR/en)\n"
    "  --claims FILE    claims in wrrfig check's JSON (default DIR/claims.json; absent: no claims shown)\n"
    "  --report FILE    the report's text; each claim then shows its passage (a few lines around it)\n";

int cli_site(wf_app *a, int argc, char **argv)
{
    site_opts o = {0};
    o.out_dir = "out";
    o.data_dir = a->data_dir;
    o.figures_dir = a->figures_dir;
    o.reg = &a->reg;
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i];
        int has = i + 1 < argc;
        if (!strcmp(s, "--help") || !strcmp(s, "-h")) {
            fputs(site_usage, stdout);
            return EXIT_OK;
        } else if (!strcmp(s, "--out") && has)
            o.out_dir = argv[++i];
        else if (!strcmp(s, "--en") && has)
            o.en_dir = argv[++i];
        else if (!strcmp(s, "--claims") && has)
            o.claims_file = argv[++i];
        else if (!strcmp(s, "--report") && has)
            o.report_file = argv[++i];
        else {
            fprintf(stderr, "wrrfig site: unexpected argument '%s'\n\n%s", s, site_usage);
            return EXIT_USAGE;
        }
    }
    site_stats st;
    wf_error err;
    if (site_generate(&o, &st, &err) != 0) {
        fprintf(stderr, "wrrfig site: %s\n", err.msg);
        return EXIT_FAILED;
    }
    printf("site: %s/index.html: %zu figures (%zu of the report; %zu drawn, %zu NO-DATA, %zu not built), "
           "%zu claims, %zu pages, %zu sidecars\n",
           o.out_dir, st.figures, st.report_figures, st.ready, st.nodata, st.not_built, st.claims, st.pages,
           st.sidecars);
    return EXIT_OK;
}
