/* PDF date normalisation: cairo 1.16 writes the build time as
 * /CreationDate; it is replaced in place by a date of the same length, so
 * the xref offsets stay valid. */
#include "testutil.h"

#include "figure/pdfnorm.h"

static void test_creation_date_rewritten_same_length(void **state)
{
    (void)state;
    char pdf[] = "%PDF-1.5\n<< /Producer (cairo 1.16.0) /CreationDate (D:20261201112322Z) >>\nstartxref\n42\n";
    size_t len = strlen(pdf);
    assert_int_equal(pdf_normalise_dates(pdf, len, 0), 1);
    assert_int_equal(strlen(pdf), len);
    assert_non_null(strstr(pdf, "/CreationDate (D:19700101000000Z)"));
    assert_non_null(strstr(pdf, "startxref\n42\n"));
}

static void test_zone_offset_and_moddate(void **state)
{
    (void)state;
    char pdf[] = "/CreationDate (D:20240326091942+01'00') /ModDate (D:20240326091942-05'30')";
    size_t len = strlen(pdf);
    assert_int_equal(pdf_normalise_dates(pdf, len, 86400), 2);
    assert_string_equal(pdf, "/CreationDate (D:19700102000000+00'00') /ModDate (D:19700102000000+00'00')");
}

static void test_other_text_untouched(void **state)
{
    (void)state;
    char pdf[] = "/CreationDate (not a date) /Title (D:20240326091942Z)";
    char copy[sizeof pdf];
    memcpy(copy, pdf, sizeof pdf);
    assert_int_equal(pdf_normalise_dates(pdf, strlen(pdf), 0), 0);
    assert_string_equal(pdf, copy);
    /* a truncated date at the end of the buffer is left alone */
    char cut[] = "/CreationDate (D:2024";
    assert_int_equal(pdf_normalise_dates(cut, strlen(cut), 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_creation_date_rewritten_same_length),
        cmocka_unit_test(test_zone_offset_and_moddate),
        cmocka_unit_test(test_other_text_untouched),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
