/* Regression (#4): gp_quote's output was misread by gnuplot 5.4.4 when the
 * text started with ' or held '' (616 of 2,800 short token strings were
 * syntax errors; "'s-Gravenhage: bron CBS" among them). Every string of up
 * to three tokens over an alphabet of the characters gnuplot treats
 * specially is quoted, printed by the real gnuplot, and must come back
 * byte for byte. */
#include "testutil.h"

#include "figure/gpwrite.h"
#include "figure/build.h"

static const char *const tokens[] = {"'",  "''", "\"", "\\", "`", "@", "$", "a", " ", "\n",
                                     "#",  ";",  "{",  "}",  "%", "\t", "\r", "\x01", "\xc3\xa9", "."};
#define NTOK (sizeof tokens / sizeof *tokens)

/* Runs gnuplot on script; its print output (stderr) into *out. */
static int run_gnuplot(const char *script, char **out)
{
    char sp[] = "/tmp/wrrfig-test-gpq-XXXXXX";
    int fd = mkstemp(sp);
    close(fd);
    tu_write(sp, script);
    char *argv[] = {(char *)gnuplot_program(), sp, NULL};
    char ep[] = "/tmp/wrrfig-test-gpqerr-XXXXXX";
    int efd = mkstemp(ep);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(efd, 2);
        execvp(argv[0], argv);
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    close(efd);
    *out = tu_read(ep, NULL);
    unlink(sp);
    unlink(ep);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

/* The strings, each printed between markers so a mismatch names it. */
static void roundtrip(const char *const *strs, size_t n)
{
    strbuf script = STRBUF_INIT, want = STRBUF_INIT;
    for (size_t i = 0; i < n; i++) {
        sb_printf(&script, "print '<%zu>'.", i);
        gp_quote(&script, strs[i]);
        sb_puts(&script, ".'</>'\n");
        sb_printf(&want, "<%zu>%s</>\n", i, strs[i]);
    }
    char *got = NULL;
    int rc = run_gnuplot(script.s, &got);
    if (rc != 0 || strcmp(got, want.s) != 0) {
        /* Find the first string that did not come back. */
        size_t k = 0;
        const char *g = got ? got : "";
        for (; k < n; k++) {
            char head[64];
            snprintf(head, sizeof head, "<%zu>", k);
            const char *at = strstr(g, head);
            strbuf one = STRBUF_INIT;
            sb_printf(&one, "<%zu>%s</>\n", k, strs[k]);
            int ok = at && strncmp(at, one.s, one.len) == 0;
            sb_free(&one);
            if (!ok)
                break;
        }
        strbuf q = STRBUF_INIT;
        gp_quote(&q, k < n ? strs[k] : "");
        fail_msg("gnuplot rc %d; string %zu did not survive; quoted as: %s\ngnuplot said: %.400s", rc, k, q.s,
                 got ? got : "");
    }
    free(got);
    sb_free(&script);
    sb_free(&want);
}

static void test_all_short_token_strings(void **state)
{
    (void)state;
    size_t cap = NTOK * NTOK * NTOK + NTOK * NTOK + NTOK + 1, n = 0;
    char **strs = calloc(cap, sizeof *strs);
    strs[n++] = strdup("");
    for (size_t a = 0; a < NTOK; a++) {
        strbuf b = STRBUF_INIT;
        sb_puts(&b, tokens[a]);
        strs[n++] = sb_take(&b);
        for (size_t c = 0; c < NTOK; c++) {
            strbuf d = STRBUF_INIT;
            sb_printf(&d, "%s%s", tokens[a], tokens[c]);
            strs[n++] = sb_take(&d);
            for (size_t e = 0; e < NTOK; e++) {
                strbuf f = STRBUF_INIT;
                sb_printf(&f, "%s%s%s", tokens[a], tokens[c], tokens[e]);
                strs[n++] = sb_take(&f);
            }
        }
    }
    roundtrip((const char *const *)strs, n);
    for (size_t i = 0; i < n; i++)
        free(strs[i]);
    free(strs);
}

/* The names and source lines of the report that failed before. */
static void test_known_strings(void **state)
{
    (void)state;
    static const char *const strs[] = {
        "'s-Gravenhage",
        "'s-Hertogenbosch",
        "'s-Gravenhage: bron CBS",
        "Bron: CBS, nieuwsbericht 2025/28 'Immigranten van de laatste 10 jaar blijven langer in Nederland'",
        "''",
        "'''",
        "it's",
        "end'",
        "a'b'c", "x'y''z'w", "'t Hooft's ''s-Gravenhage''",
        "Evil `touch /tmp/wrrfig-pwned-marker` it's \"dq\" @macro {a}^b_c\nsecond line",
        "\\n is not a newline; $0 is not a column; %s is not a format",
    };
    roundtrip(strs, sizeof strs / sizeof *strs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_short_token_strings),
        cmocka_unit_test(test_known_strings),
    };
    return cmocka_run_group_tests_name("gnuplot quoting round trip", tests, NULL, NULL);
}
