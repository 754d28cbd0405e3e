/* The build's classification check (figure/classcheck.c) on CONSTRUCTED
 * sidecars: a spec's expected classification against each input's. */
#include "testutil.h"

#include "figure/classcheck.h"

static void put_sidecar(const char *data, const char *table, const char *cls)
{
    char cmd[700];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/t'", data);
    assert_int_equal(system(cmd), 0);
    char p[700], body[300];
    snprintf(p, sizeof p, "%s/%s.meta.json", data, table);
    if (cls)
        snprintf(body, sizeof body, "{\"title\": \"CONSTRUCTED\", \"classification\": \"%s\"}\n", cls);
    else
        snprintf(body, sizeof body, "{\"title\": \"CONSTRUCTED\"}\n");
    tu_write(p, body);
}

static void test_classification(void **state)
{
    (void)state;
    char *data = tu_tempdir("classcheck");
    put_sidecar(data, "t/old", "migratieachtergrond");
    put_sidecar(data, "t/new", "herkomst");
    put_sidecar(data, "t/none", NULL);
    char *both[] = {"t/old", "t/none", NULL}, *mixed[] = {"t/none", "t/new", NULL};
    cJSON *want_old = cJSON_Parse("{\"classification\": \"migratieachtergrond\"}");
    cJSON *nothing = cJSON_Parse("{}"), *bad = cJSON_Parse("{\"classification\": \"allochtoon\"}");
    wf_error r = {{0}};
    assert_int_equal(figure_classification_check(data, want_old, both, &r), 0);
    assert_int_equal(figure_classification_check(data, nothing, mixed, &r), 0); /* the spec declares none */
    assert_int_equal(figure_classification_check(data, want_old, mixed, &r), -1);
    assert_contains(r.msg, "input 't/new' is classified by herkomst (its sidecar), but this figure expects "
                           "migratieachtergrond");
    assert_contains(r.msg, "/crosswalks/herkomst-to-migratieachtergrond.json (not there)");
    /* the crosswalk exists, but the table was not imported through it */
    char cmd[700];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/crosswalks' && touch '%s/crosswalks/herkomst-to-migratieachtergrond.json'",
             data, data);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(figure_classification_check(data, want_old, mixed, &r), -1);
    assert_contains(r.msg, "(it exists: add it to the mapping and re-import)");
    assert_int_equal(figure_classification_check(data, bad, both, &r), -1);
    assert_contains(r.msg, "spec: $.classification: expected");
    cJSON_Delete(want_old);
    cJSON_Delete(nothing);
    cJSON_Delete(bad);
    tu_rmrf(data);
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_classification),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
