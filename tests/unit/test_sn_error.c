/*
 * tests/unit/test_sn_error.c — the core's error reporting contract.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "sn_error.h"

static void
set_fills_status_position_and_message(void **state)
{
	sn_error	err;

	sn_error_clear(&err);
	assert_int_equal(err.status, SN_OK);
	assert_false(sn_error_set(&err, SN_ERR_SYNTAX, 3,
							  "invalid input syntax for type estimate: \"%s\"", "abc"));
	assert_int_equal(err.status, SN_ERR_SYNTAX);
	assert_int_equal(err.position, 3);
	assert_string_equal(err.message, "invalid input syntax for type estimate: \"abc\"");
	assert_string_equal(err.hint, "");
	sn_error_hint(&err, "write %s", "~1000");
	assert_string_equal(err.hint, "write ~1000");
}

static void
set_clears_an_earlier_hint(void **state)
{
	sn_error	err;

	sn_error_clear(&err);
	sn_error_set(&err, SN_ERR_AMBIGUOUS, -1, "first");
	sn_error_hint(&err, "a hint");
	sn_error_set(&err, SN_ERR_RANGE, -1, "second");
	assert_string_equal(err.hint, "");
	assert_string_equal(err.message, "second");
}

static void
long_messages_are_truncated_not_overrun(void **state)
{
	sn_error	err;
	char		big[2000];

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	sn_error_set(&err, SN_ERR_SYNTAX, 0, "bad: %s", big);
	assert_int_equal(strlen(err.message), SN_ERROR_MESSAGE_LEN - 1);
}

static void
quote_input_keeps_short_input_whole(void **state)
{
	char		buf[16];

	assert_string_equal(sn_quote_input(buf, sizeof(buf), "about 1,000", 11), "about 1,000");
}

static void
quote_input_cuts_long_input_on_a_character_boundary(void **state)
{
	char		buf[8];

	/* "ééééé" is ten bytes; four bytes fit before "...", i.e. two characters */
	assert_string_equal(sn_quote_input(buf, sizeof(buf), "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 10),
						"\xc3\xa9\xc3\xa9...");
	/* an odd cut point backs up to the start of the character */
	assert_string_equal(sn_quote_input(buf, sizeof(buf), "a\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 9),
						"a\xc3\xa9...");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(set_fills_status_position_and_message),
		cmocka_unit_test(set_clears_an_earlier_hint),
		cmocka_unit_test(long_messages_are_truncated_not_overrun),
		cmocka_unit_test(quote_input_keeps_short_input_whole),
		cmocka_unit_test(quote_input_cuts_long_input_on_a_character_boundary),
	};

	return cmocka_run_group_tests_name("sn_error", tests, NULL, NULL);
}
