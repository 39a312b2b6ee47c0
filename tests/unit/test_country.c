/*
 * tests/unit/test_country.c — reading countries: codes, names, keys, errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "country.h"
#include "unit_helpers.h"

static const char *
parsed(const char *s)
{
	static char buf[8];
	sn_country	c;
	sn_error	err;

	sn_error_clear(&err);
	if (!sn_country_parse(s, strlen(s), &c, &err))
	{
		snprintf(buf, sizeof(buf), "E%d", (int) err.status);
		return buf;
	}
	return sn_country_info_of(c)->iso3;
}

static sn_error last_err;

static bool
parse_fails(const char *s, size_t len, sn_status status)
{
	sn_country	c = SN_COUNTRY_INVALID;

	sn_error_clear(&last_err);
	if (sn_country_parse(s, len, &c, &last_err))
		return false;
	return last_err.status == status && c == SN_COUNTRY_INVALID;
}

static bool
syntax_error(const char *s, size_t len)
{
	return parse_fails(s, len, SN_ERR_SYNTAX);
}

static bool
not_found(const char *s, size_t len)
{
	return parse_fails(s, len, SN_ERR_NOT_FOUND);
}

static void
codes(void **state)
{
	static const unit_case cases[] = {
		{"ML", "MLI"},
		{"ml", "MLI"},
		{"Ml", "MLI"},
		{"MLI", "MLI"},
		{"mli", "MLI"},
		{" \tMLI\n", "MLI"},
		{"466", "MLI"},
		{"0466", "MLI"},
		{"4", "AFG"},
		{"004", "AFG"},
		{"XK", "XKX"},
		{"XKX", "XKX"},
		/* two letters are ISO, never FIPS */
		{"NG", "NGA"},
		{"CD", "COD"},
		{"BF", "BFA"},
		/* three letters that are not a code may still be a name */
		{"UAE", "ARE"},
		{"DRC", "COD"},
		{"RDC", "COD"},
		{"CAR", "CAF"},
		{"USA", "USA"},
		{"UK", "GBR"},
	};

	assert_cases(parsed, cases);
}

static void
names(void **state)
{
	static const unit_case cases[] = {
		{"Mali", "MLI"},
		{"MALI", "MLI"},
		{"C\xc3\xb4te d'Ivoire", "CIV"},
		{"C\xc3\xb4te d\xe2\x80\x99Ivoire", "CIV"},
		{"Cote d'Ivoire", "CIV"},
		{"Cote d Ivoire", "CIV"},
		{"cote-d-ivoire", "CIV"},
		{"Ivory Coast", "CIV"},
		{"Russian Federation", "RUS"},
		{"Burkina", "BFA"},
		{"DR Congo", "COD"},
		{"Tchad", "TCD"},
		{"Guinea", "GIN"},
		{"Guin\xc3\xa9" "e-Bissau", "GNB"},
		{"Equatorial Guinea", "GNQ"},
		{"Papua New Guinea", "PNG"},
		{"Niger", "NER"},
		{"Nigeria", "NGA"},
		{"Nig\xc3\xa9ria", "NGA"},
		{"Sudan", "SDN"},
		{"South Sudan", "SSD"},
		{"Soudan du Sud", "SSD"},
		{"Mauritanie", "MRT"},
		{"Dominica", "DMA"},
		{"Dominican Republic", "DOM"},
		{"R\xc3\xa9publique dominicaine", "DOM"},
		/* reading rules: comma order, brackets, slashes, "the", "St." */
		{"Korea, Republic of", "KOR"},
		{"Korea, Democratic People's Republic of", "PRK"},
		{"Gambia, The", "GMB"},
		{"the Gambia", "GMB"},
		{"Niger (the)", "NER"},
		{"Bolivia (Plurinational State of)", "BOL"},
		{"Congo (the Democratic Republic of the)", "COD"},
		{"Falkland Islands [Malvinas]", "FLK"},
		{"Falkland (les \xc3\x8eles)/Malouines (les \xc3\x8eles)", "FLK"},
		{"St Lucia", "LCA"},
		{"Ste-Lucie", "LCA"},
		{"Trinidad & Tobago", "TTO"},
		{"Trinit\xc3\xa9-et-Tobago", "TTO"},
	};

	assert_cases(parsed, cases);
}

static void
ambiguous_names(void **state)
{
	assert_true(parse_fails("Congo", 5, SN_ERR_AMBIGUOUS));
	assert_non_null(strstr(last_err.message, "\"Congo\""));
	assert_non_null(strstr(last_err.hint, "COD"));
	assert_non_null(strstr(last_err.hint, "COG"));
	assert_true(parse_fails("KOREA", 5, SN_ERR_AMBIGUOUS));
	assert_non_null(strstr(last_err.hint, "KOR (South Korea) or PRK (North Korea)"));
	assert_true(parse_fails("Virgin Islands", 14, SN_ERR_AMBIGUOUS));
	assert_true(parse_fails("Cor\xc3\xa9" "e", 6, SN_ERR_AMBIGUOUS));
	assert_true(parse_fails("Saint-Martin", 12, SN_ERR_AMBIGUOUS));

	/* the candidate list, for callers that want it */
	{
		sn_country	cand[SN_COUNTRY_MAX_CANDIDATES];
		int			n = sn_country_match_name("congo", 5, cand, SN_COUNTRY_MAX_CANDIDATES);

		assert_int_equal(n, 2);
		assert_string_equal(sn_country_info_of(cand[0])->iso3, "COD");
		assert_string_equal(sn_country_info_of(cand[1])->iso3, "COG");
		/* max bounds what is stored, not the count */
		assert_int_equal(sn_country_match_name("congo", 5, cand, 1), 2);
		assert_int_equal(sn_country_match_name("atlantis", 8, cand, SN_COUNTRY_MAX_CANDIDATES), 0);
		/* codes are not names */
		assert_int_equal(sn_country_match_name("MLI", 3, cand, SN_COUNTRY_MAX_CANDIDATES), 0);
	}
}

static void
unknown_and_bad_input(void **state)
{
	assert_texts(syntax_error, true, "", "   ");
	assert_true(parse_fails("Atlantis", 8, SN_ERR_NOT_FOUND));
	assert_non_null(strstr(last_err.message, "\"Atlantis\""));
	assert_true(parse_fails("ZZ", 2, SN_ERR_NOT_FOUND));
	assert_string_equal(last_err.hint, "");
	/* a FIPS code given to the text input: refused, with the way to read it */
	assert_true(parse_fails("UV", 2, SN_ERR_NOT_FOUND));
	assert_non_null(strstr(last_err.hint, "country_from_fips"));
	assert_non_null(strstr(last_err.hint, "BFA"));
	assert_texts(not_found, true, "ZZZ", "999", "0", "99999999999999999999999", "-466", "+466", "4 66",
				 "...", "the");
	assert_true(parse_fails("Mali\0", 5, SN_ERR_SYNTAX));
	assert_texts(syntax_error, true, "Mal\xc3", "\xff\xfe",
	/* invalid bytes where a reading rule would drop them ("A (B)" read as "A") */
				 "Mali (\xff)", "Congo (Fa\x94\x94)");
	/* very long input is unknown, and quoted cut short */
	{
		char		big[5000];

		memset(big, 'a', sizeof(big));
		assert_true(parse_fails(big, sizeof(big), SN_ERR_NOT_FOUND));
		assert_true(strlen(last_err.message) < SN_ERROR_MESSAGE_LEN);
		memcpy(big, "Mali", 4);
		memset(big + 4, ' ', sizeof(big) - 4);
		big[sizeof(big) - 1] = '\0';
		/* surrounding spaces are trimmed before the length limit applies */
		assert_string_equal(parsed(big), "MLI");
		big[3000] = 'x';
		assert_true(parse_fails(big, strlen(big), SN_ERR_NOT_FOUND));
	}
}

static void
suggestions_for_misspelt_names(void **state)
{
	sn_country	c;

	assert_true(parse_fails("Nigerr", 6, SN_ERR_NOT_FOUND));
	assert_string_equal(last_err.hint, "Did you mean Niger (NER)?");
	assert_true(parse_fails("Mauritanya", 10, SN_ERR_NOT_FOUND));
	assert_string_equal(last_err.hint, "Did you mean Mauritania (MRT)?");
	assert_true(parse_fails("Burkina Fasso", 13, SN_ERR_NOT_FOUND));
	assert_non_null(strstr(last_err.hint, "Burkina Faso (BFA)"));
	/* nothing near: the general hint */
	assert_true(parse_fails("Gondwana", 8, SN_ERR_NOT_FOUND));
	assert_non_null(strstr(last_err.hint, "countries()"));
	/* short keys get no guesses */
	assert_true(parse_fails("Mal", 3, SN_ERR_NOT_FOUND));
	assert_null(strstr(last_err.hint, "Did you mean"));
	/* without an error record: just the answer */
	assert_false(sn_country_parse("Nigerr", 6, &c, NULL));
	assert_false(sn_country_parse("Congo", 5, &c, NULL));
	assert_false(sn_country_parse("", 0, &c, NULL));
	assert_true(sn_country_parse("Niger", 5, &c, NULL));
	assert_string_equal(sn_country_info_of(c)->iso3, "NER");
}

static void
codes_by_scheme(void **state)
{
	sn_country	c;
	sn_error	err;

	sn_error_clear(&err);
	assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, "ng", 2, &c, &err));
	assert_string_equal(sn_country_info_of(c)->iso3, "NER");
	assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, " OD ", 4, &c, &err));
	assert_string_equal(sn_country_info_of(c)->iso3, "SSD");
	assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, "GZ", 2, &c, &err));
	assert_string_equal(sn_country_info_of(c)->iso3, "PSE");
	assert_false(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, "XX", 2, &c, &err));
	assert_int_equal(err.status, SN_ERR_NOT_FOUND);
	sn_error_clear(&err);
	/* an ISO code given as FIPS: the hint says so */
	assert_false(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, "SS", 2, &c, &err));
	assert_non_null(strstr(err.hint, "SSD"));
	sn_error_clear(&err);
	assert_false(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, "NT", 2, &c, &err));
	assert_non_null(strstr(err.hint, "Netherlands Antilles"));
	sn_error_clear(&err);
	assert_false(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, "MLI", 3, &c, &err));
	assert_false(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, "", 0, &c, &err));
	assert_false(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, "1A", 2, &c, &err));
	assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_GW, "432", 3, &c, &err));
	assert_string_equal(sn_country_info_of(c)->iso3, "MLI");
	assert_false(sn_country_from_code(SN_COUNTRY_SCHEME_GW, "43a", 3, &c, &err));
	assert_true(sn_country_from_number(SN_COUNTRY_SCHEME_COW, 255, &c, &err));
	assert_string_equal(sn_country_info_of(c)->iso3, "DEU");
	assert_true(sn_country_from_number(SN_COUNTRY_SCHEME_GW, 260, &c, &err));
	assert_string_equal(sn_country_info_of(c)->iso3, "DEU");
	assert_false(sn_country_from_number(SN_COUNTRY_SCHEME_GW, -1, &c, &err));
	assert_false(sn_country_from_number(SN_COUNTRY_SCHEME_GW, 0, &c, &err));
	assert_false(sn_country_from_number(SN_COUNTRY_SCHEME_GW, 1000, &c, &err));
	assert_false(sn_country_from_number(SN_COUNTRY_SCHEME_GW, 2147483647L, &c, &err));
	sn_error_clear(&err);
	assert_false(sn_country_from_number(SN_COUNTRY_SCHEME_FIPS, 1, &c, &err));
	assert_int_equal(err.status, SN_ERR_INVALID_PARAMETER);
}

static void
name_keys(void **state)
{
	static const unit_case cases[] = {
		{"C\xc3\xb4te d\xe2\x80\x99Ivoire", "cotedivoire"},
		{"  COTE  D IVOIRE ", "cotedivoire"},
		{"The United Kingdom", "unitedkingdom"},
		{"St. Kitts & Nevis", "saintkittsnevis"},
		{"Saint-Kitts-et-Nevis", "saintkittsnevis"},
		{"L'Afghanistan", "afghanistan"},
		{"La R\xc3\xa9union", "reunion"},
		/* folding comes first: "Thé" is the dropped word "the" */
		{"Th\xc3\xa9 Mali", "mali"},
		{"Stuttgart", "stuttgart"},
		{"a-very-long-word-that-exceeds-sixteen-bytes", "averylongwordthatexceedssixteenbytes"},
		{"abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz"},
		{"", ""},
		{"...", ""},
	};

	assert_rewrites(sn_country_name_key, cases);
	/* snprintf-style length, truncation, invalid UTF-8 */
	assert_truncates(sn_country_name_key, "Mauritania", "mauritania");
	assert_int_equal(sn_country_name_key("Mali", 4, NULL, 0), 4);
	{
		char		small[4];

		assert_int_equal(sn_country_name_key("Ma\xc3", 3, small, sizeof(small)), (size_t) -1);
	}
}

static void
iteration_api(void **state)
{
	/* what a gazetteer builder does: every name with its language */
	size_t		en = 0,
				fr = 0,
				shared = 0;
	bool		seen_tchad = false,
				seen_burkina = false;

	for (size_t j = 0; j < sn_country_name_count(); j++)
	{
		const sn_country_name *n = sn_country_name_at(j);
		const sn_country_info *c = sn_country_at(n->country);

		assert_non_null(c);
		if (n->lang == SN_LANG_EN)
			en++;
		else
			fr++;
		if (n->flags & SN_COUNTRY_NAME_SHARED)
			shared++;
		if (strcmp(n->text, "Tchad") == 0)
		{
			seen_tchad = true;
			assert_int_equal(n->lang, SN_LANG_FR);
			assert_string_equal(c->iso3, "TCD");
		}
		if (strcmp(n->text, "Burkina") == 0 && n->lang == SN_LANG_EN)
			seen_burkina = true;
	}
	assert_true(seen_tchad && seen_burkina);
	assert_true(en >= 250 && fr >= 250);
	assert_true(shared >= 8);
	sn_country_init();			/* idempotent */
	assert_string_equal(parsed("Mali"), "MLI");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(codes),
		cmocka_unit_test(names),
		cmocka_unit_test(ambiguous_names),
		cmocka_unit_test(unknown_and_bad_input),
		cmocka_unit_test(suggestions_for_misspelt_names),
		cmocka_unit_test(codes_by_scheme),
		cmocka_unit_test(name_keys),
		cmocka_unit_test(iteration_api),
	};

	return cmocka_run_group_tests_name("country", tests, NULL, NULL);
}
