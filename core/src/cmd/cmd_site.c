/* wrrfig site: the static gallery and reviewer site (core/src/site/). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "site/site.h"

int cmd_site(wf_app *a, int argc, char **argv)
{
    site_opts o = {0};
    o.out_dir = "out";
    const wf_option opts[] = {
        WF_OPT_STRING('o', "out", &o.out_dir, "DIR", "the Dutch build, and where the site is written (default out)"),
        WF_OPT_STRING(0, "en", &o.en_dir, "DIR", "the English build (default DIR/en)"),
        WF_OPT_STRING(0, "claims", &o.claims_file, "FILE",
                      "claims as wrrfig check writes them (default DIR/claims.json; absent: no claims shown)"),
        WF_OPT_STRING(0, "report", &o.report_file, "FILE",
                      "the report's text: each claim then shows its passage (its line and two each side)"),
        WF_OPT_END,
    };
    static const wf_usage usage = {
        "site", "",
        "Writes a static site into DIR from the outputs already there: the Dutch build in DIR (wrrfig build\n"
        "--out DIR), the English build in DIR/en (wrrfig --lang en build --out DIR/en) and the claims in\n"
        "DIR/claims.json (wrrfig check). Pages: DIR/index.html, DIR/claims.html and DIR/fig/<id>.html, each also\n"
        "in English (.en.html); the input sidecars are copied to DIR/site/data/. All links are relative: the site\n"
        "works from file:// and from any static server.\n",
        0, 0, NULL};
    char **pos;
    int n_pos, rc;
    if (wf_cmd_parse(a, &usage, opts, argc, argv, &pos, &n_pos, &rc) != 0)
        return rc;
    free(pos);
    o.data_dir = a->data_dir;
    o.figures_dir = a->figures_dir;
    o.reg = &a->reg;
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
