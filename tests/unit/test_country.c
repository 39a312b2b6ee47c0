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

#define key(s) rewritten(sn_country_name_key, (s))

static void
codes(void **state)
{
	assert_string_equal(parsed("ML"), "MLI");
	assert_string_equal(parsed("ml"), "MLI");
	assert_string_equal(parsed("Ml"), "MLI");
	assert_string_equal(parsed("MLI"), "MLI");
	assert_string_equal(parsed("mli"), "MLI");
	assert_string_equal(parsed(" \tMLI\n"), "MLI");
	assert_string_equal(parsed("466"), "MLI");
	assert_string_equal(parsed("0466"), "MLI");
	assert_string_equal(parsed("4"), "AFG");
	assert_string_equal(parsed("004"), "AFG");
	assert_string_equal(parsed("XK"), "XKX");
	assert_string_equal(parsed("XKX"), "XKX");
	/* two letters are ISO, never FIPS */
	assert_string_equal(parsed("NG"), "NGA");
	assert_string_equal(parsed("CD"), "COD");
	assert_string_equal(parsed("BF"), "BFA");
	/* three letters that are not a code may still be a name */
	assert_string_equal(parsed("UAE"), "ARE");
	assert_string_equal(parsed("DRC"), "COD");
	assert_string_equal(parsed("RDC"), "COD");
	assert_string_equal(parsed("CAR"), "CAF");
	assert_string_equal(parsed("USA"), "USA");
	assert_string_equal(parsed("UK"), "GBR");
}

static void
names(void **state)
{
	assert_string_equal(parsed("Mali"), "MLI");
	assert_string_equal(parsed("MALI"), "MLI");
	assert_string_equal(parsed("C\xc3\xb4te d'Ivoire"), "CIV");
	assert_string_equal(parsed("C\xc3\xb4te d\xe2\x80\x99Ivoire"), "CIV");
	assert_string_equal(parsed("Cote d'Ivoire"), "CIV");
	assert_string_equal(parsed("Cote d Ivoire"), "CIV");
	assert_string_equal(parsed("cote-d-ivoire"), "CIV");
	assert_string_equal(parsed("Ivory Coast"), "CIV");
	assert_string_equal(parsed("Russian Federation"), "RUS");
	assert_string_equal(parsed("Burkina"), "BFA");
	assert_string_equal(parsed("DR Congo"), "COD");
	assert_string_equal(parsed("Tchad"), "TCD");
	assert_string_equal(parsed("Guinea"), "GIN");
	assert_string_equal(parsed("Guin\xc3\xa9" "e-Bissau"), "GNB");
	assert_string_equal(parsed("Equatorial Guinea"), "GNQ");
	assert_string_equal(parsed("Papua New Guinea"), "PNG");
	assert_string_equal(parsed("Niger"), "NER");
	assert_string_equal(parsed("Nigeria"), "NGA");
	assert_string_equal(parsed("Nig\xc3\xa9ria"), "NGA");
	assert_string_equal(parsed("Sudan"), "SDN");
	assert_string_equal(parsed("South Sudan"), "SSD");
	assert_string_equal(parsed("Soudan du Sud"), "SSD");
	assert_string_equal(parsed("Mauritanie"), "MRT");
	assert_string_equal(parsed("Dominica"), "DMA");
	assert_string_equal(parsed("Dominican Republic"), "DOM");
	assert_string_equal(parsed("R\xc3\xa9publique dominicaine"), "DOM");
	/* reading rules: comma order, brackets, slashes, "the", "St." */
	assert_string_equal(parsed("Korea, Republic of"), "KOR");
	assert_string_equal(parsed("Korea, Democratic People's Republic of"), "PRK");
	assert_string_equal(parsed("Gambia, The"), "GMB");
	assert_string_equal(parsed("the Gambia"), "GMB");
	assert_string_equal(parsed("Niger (the)"), "NER");
	assert_string_equal(parsed("Bolivia (Plurinational State of)"), "BOL");
	assert_string_equal(parsed("Congo (the Democratic Republic of the)"), "COD");
	assert_string_equal(parsed("Falkland Islands [Malvinas]"), "FLK");
	assert_string_equal(parsed("Falkland (les \xc3\x8eles)/Malouines (les \xc3\x8eles)"), "FLK");
	assert_string_equal(parsed("St Lucia"), "LCA");
	assert_string_equal(parsed("Ste-Lucie"), "LCA");
	assert_string_equal(parsed("Trinidad & Tobago"), "TTO");
	assert_string_equal(parsed("Trinit\xc3\xa9-et-Tobago"), "TTO");
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
	assert_true(parse_fails("", 0, SN_ERR_SYNTAX));
	assert_true(parse_fails("   ", 3, SN_ERR_SYNTAX));
	assert_true(parse_fails("Atlantis", 8, SN_ERR_NOT_FOUND));
	assert_non_null(strstr(last_err.message, "\"Atlantis\""));
	assert_true(parse_fails("ZZ", 2, SN_ERR_NOT_FOUND));
	assert_string_equal(last_err.hint, "");
	/* a FIPS code given to the text input: refused, with the way to read it */
	assert_true(parse_fails("UV", 2, SN_ERR_NOT_FOUND));
	assert_non_null(strstr(last_err.hint, "country_from_fips"));
	assert_non_null(strstr(last_err.hint, "BFA"));
	assert_true(parse_fails("ZZZ", 3, SN_ERR_NOT_FOUND));
	assert_true(parse_fails("999", 3, SN_ERR_NOT_FOUND));
	assert_true(parse_fails("0", 1, SN_ERR_NOT_FOUND));
	assert_true(parse_fails("99999999999999999999999", 23, SN_ERR_NOT_FOUND));
	assert_true(parse_fails("-466", 4, SN_ERR_NOT_FOUND));
	assert_true(parse_fails("+466", 4, SN_ERR_NOT_FOUND));
	assert_true(parse_fails("4 66", 4, SN_ERR_NOT_FOUND));
	assert_true(parse_fails("...", 3, SN_ERR_NOT_FOUND));
	assert_true(parse_fails("the", 3, SN_ERR_NOT_FOUND));
	assert_true(parse_fails("Mali\0", 5, SN_ERR_SYNTAX));
	assert_true(parse_fails("Mal\xc3", 4, SN_ERR_SYNTAX));
	assert_true(parse_fails("\xff\xfe", 2, SN_ERR_SYNTAX));
	/* invalid bytes where a reading rule would drop them ("A (B)" read as "A") */
	assert_true(parse_fails("Mali (\xff)", 8, SN_ERR_SYNTAX));
	assert_true(parse_fails("Congo (Fa\x94\x94)", 13, SN_ERR_SYNTAX));
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
	assert_string_equal(key("C\xc3\xb4te d\xe2\x80\x99Ivoire"), "cotedivoire");
	assert_string_equal(key("  COTE  D IVOIRE "), "cotedivoire");
	assert_string_equal(key("The United Kingdom"), "unitedkingdom");
	assert_string_equal(key("St. Kitts & Nevis"), "saintkittsnevis");
	assert_string_equal(key("Saint-Kitts-et-Nevis"), "saintkittsnevis");
	assert_string_equal(key("L'Afghanistan"), "afghanistan");
	assert_string_equal(key("La R\xc3\xa9union"), "reunion");
	/* folding comes first: "Thé" is the dropped word "the" */
	assert_string_equal(key("Th\xc3\xa9 Mali"), "mali");
	assert_string_equal(key("Stuttgart"), "stuttgart");
	assert_string_equal(key("a-very-long-word-that-exceeds-sixteen-bytes"), "averylongwordthatexceedssixteenbytes");
	assert_string_equal(key("abcdefghijklmnopqrstuvwxyz"), "abcdefghijklmnopqrstuvwxyz");
	assert_string_equal(key(""), "");
	assert_string_equal(key("..."), "");
	/* snprintf-style length, truncation, invalid UTF-8 */
	{
		char		small[4];

		assert_int_equal(sn_country_name_key("Mauritania", 10, small, sizeof(small)), 10);
		assert_string_equal(small, "mau");
		assert_int_equal(sn_country_name_key("Mali", 4, NULL, 0), 4);
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
