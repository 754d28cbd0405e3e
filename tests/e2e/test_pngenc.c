/* core/preload/gp_pngenc.c: the PNG encoder the host preloads into gnuplot
 * writes the very bytes cairo writes. gnuplot draws test scripts (made-up
 * pictures, no data) once plainly and once with the encoder; every PNG must
 * be identical, and the encoder must have written the ones it takes (the
 * rest, transparent or tiny, go to cairo). The fuller check is
 * tests/e2e/test_reference_outputs.c: every PNG of a build on the shipped
 * data, written by the encoder, against the hashes of cairo's files. */
#include "testutil.h"

#define ENCODER WF_BUILD_DIR "/lib/wrrfig/gp-pngenc.so"

/* Pictures with flat areas, gradients, text and lines (every filter type
 * wins somewhere), at odd and at the build's sizes. */
static const char *const pictures[] = {
    "set terminal pngcairo size 517,333 font 'DejaVu Sans,9' background rgb 'white'\n"
    "set output 'a.png'\nset samples 400\nset title 'sin, cos & tan'\n"
    "plot sin(x) lw 2, cos(3*x) with impulses, tan(x)/10 with points pt 7\n",
    "set terminal pngcairo size 2000,1200 fontscale 1.5 linewidth 2 background rgb 'white'\n"
    "set output 'b.png'\nset pm3d map\nset isosamples 120\nset palette rgb 33,13,10\n"
    "splot sin(x*y/10)*cos(x)\n",
    "set terminal pngcairo size 1000,600 background rgb '#fafafa'\nset output 'c.png'\n"
    "set style fill solid 0.8 noborder\nset boxwidth 0.6\n"
    "plot '+' using 1:(sin($1)**2) with boxes lc rgb '#0072b2', '' using 1:(0.5) with lines dt 2\n",
    "set terminal pngcairo size 1000,600 font 'DejaVu Sans,11' fontscale 0.75 background rgb 'white'\n"
    "set output 'f.png'\nset title 'Een titel met tekst' font ',13'\nset grid ytics lc rgb '#dddddd'\n"
    "set style fill solid 0.9 noborder\nset yrange [-0.6:7.6]\nset xrange [0:2500]\n"
    "plot '+' using ($0*300+150):($0):(150):(0.35):yticlabels(sprintf('groep %d', $0)) every ::0::7 "
    "with boxxyerror lc rgb '#e69f00' notitle, '' using ($0*300+300):($0):(sprintf('%.0f', $0*300)) every ::0::7 "
    "with labels left offset 0.5,0 notitle\n",
    /* transparent: cairo writes RGBA, the encoder hands it over */
    "set terminal pngcairo size 400,300 transparent\nset output 'd.png'\nplot x**2\n",
    /* too small for the encoder (libpng shrinks the zlib window) */
    "set terminal pngcairo size 40,30 background rgb 'white'\nset output 'e.png'\nplot x\n",
};
static const char *const names[] = {"a.png", "b.png", "c.png", "f.png", "d.png", "e.png"};
enum { N = sizeof pictures / sizeof *pictures, TAKEN = 4 };

static void render(const char *dir, bool with_encoder, char **err)
{
    char cmd[2400];
    snprintf(cmd, sizeof cmd, "cd '%s' && %s gnuplot '%s/pictures.gp'", dir,
             with_encoder ? "WRRFIG_FAST_PNG_TRACE=1 LD_PRELOAD='" ENCODER "'" : "WRRFIG_FAST_PNG_TRACE=1", dir);
    char *const argv[] = {(char *)"/bin/sh", (char *)"-c", cmd, NULL};
    int rc = tu_run(argv, NULL, err);
    if (rc != 0)
        fail_msg("gnuplot failed (%d): %s", rc, *err ? *err : "");
}

static void test_same_bytes_as_cairo(void **state)
{
    (void)state;
    if (access(ENCODER, R_OK) != 0)
        fail_msg("%s is not built", ENCODER);
    char *plain = tu_tempdir("pngenc-cairo"), *fast = tu_tempdir("pngenc-fast");
    strbuf all = STRBUF_INIT;
    for (int i = 0; i < N; i++)
        sb_puts(&all, pictures[i]);
    const char *dirs[2] = {plain, fast};
    char *errs[2] = {NULL, NULL};
    for (int k = 0; k < 2; k++) {
        char p[1100];
        snprintf(p, sizeof p, "%s/pictures.gp", dirs[k]);
        tu_write(p, all.s);
        render(dirs[k], k == 1, &errs[k]);
    }
    /* plain gnuplot has no encoder to trace; with it, exactly the opaque,
     * large enough pictures were written by it */
    assert_null(strstr(errs[0] ? errs[0] : "", "gp-pngenc"));
    int taken = 0;
    for (const char *e = errs[1] ? errs[1] : ""; (e = strstr(e, "gp-pngenc: wrote ")); e++)
        taken++;
    assert_int_equal(taken, TAKEN);
    assert_non_null(strstr(errs[1], "gp-pngenc: wrote 517x333"));
    assert_non_null(strstr(errs[1], "gp-pngenc: wrote 2000x1200"));
    for (int i = 0; i < N; i++) {
        char a[1100], b[1100];
        snprintf(a, sizeof a, "%s/%s", plain, names[i]);
        snprintf(b, sizeof b, "%s/%s", fast, names[i]);
        size_t la = 0, lb = 0;
        char *x = tu_read(a, &la), *y = tu_read(b, &lb);
        if (!x || !y || la < 8 || la != lb || memcmp(x, y, la) != 0)
            fail_msg("%s: %zu bytes from cairo, %zu from the encoder, and they differ", names[i], la, lb);
        free(x);
        free(y);
    }
    free(errs[0]);
    free(errs[1]);
    sb_free(&all);
    tu_rmrf(plain);
    tu_rmrf(fast);
    free(plain);
    free(fast);
}

/* A build preloads it into its gnuplot (found beside build/bin), and
 * WRRFIG_FAST_PNG=0 turns it off. gnuplot's stderr lines are the figure's
 * warnings in the build output. */
static void test_build_uses_it(void **state)
{
    (void)state;
    char *dir = tu_tempdir("pngenc-build");
    setenv("WRRFIG_FAST_PNG_TRACE", "1", 1);
    for (int off = 0; off < 2; off++) {
        if (off)
            setenv("WRRFIG_FAST_PNG", "0", 1);
        char *out = NULL, *err = NULL;
        int rc = tu_wrrfig(&out, &err, "build", "fig-1-2", "--out", dir, "--format", "png1x", "--force", NULL);
        if (rc != 0)
            fail_msg("build failed (%d): %s", rc, err ? err : "");
        bool traced = tu_contains(err ? err : "", "gp-pngenc: wrote 1000x600");
        if (traced == (bool)off)
            fail_msg("WRRFIG_FAST_PNG%s: the encoder %s; stderr: %s", off ? "=0" : " unset",
                     traced ? "ran" : "did not run", err ? err : "");
        free(out);
        free(err);
    }
    unsetenv("WRRFIG_FAST_PNG");
    unsetenv("WRRFIG_FAST_PNG_TRACE");
    tu_rmrf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_bytes_as_cairo),
        cmocka_unit_test(test_build_uses_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
