/*
 * tests/unit/test_country_table.c — invariants of the generated country table
 * (extension/core/country_table.h, from extension/core/gen/countries.txt).
 *
 * Codes are unique in every scheme, values sort in alpha-3 order, every
 * two-letter code that means one country in ISO and another in FIPS is read
 * by each scheme its own way, every name reads back as its country (names
 * shared on purpose as ambiguous), and the Sahel countries carry the codes the
 * conflict datasets use.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "country.h"

static sn_country
must_parse(const char *s)
{
	sn_country	c = SN_COUNTRY_INVALID;
	sn_error	err;

	sn_error_clear(&err);
	if (!sn_country_parse(s, strlen(s), &c, &err))
		fail_msg("\"%s\" does not parse: %s", s, err.message);
	return c;
}

static const char *
iso3_of(sn_country c)
{
	const sn_country_info *i = sn_country_info_of(c);

	return i ? i->iso3 : "(none)";
}

static void
table_size_and_order(void **state)
{
	size_t		n = sn_country_count();

	/* 249 ISO 3166-1 entries plus Kosovo */
	assert_int_equal(n, 250);
	for (size_t i = 0; i < n; i++)
	{
		const sn_country_info *c = sn_country_at(i);

		assert_non_null(c);
		assert_int_equal(strlen(c->iso3), 3);
		assert_int_equal(strlen(c->iso2), 2);
		for (int k = 0; k < 3; k++)
			assert_true(c->iso3[k] >= 'A' && c->iso3[k] <= 'Z');
		for (int k = 0; k < 2; k++)
			assert_true(c->iso2[k] >= 'A' && c->iso2[k] <= 'Z');
		assert_int_equal(sn_country_value_at(i), sn_country_pack(c->iso3));
		assert_int_equal(sn_country_index_of(sn_country_value_at(i)), (int) i);
		assert_ptr_equal(sn_country_info_of(sn_country_value_at(i)), c);
		if (i > 0)
		{
			assert_true(strcmp(sn_country_at(i - 1)->iso3, c->iso3) < 0);
			assert_true(sn_country_value_at(i - 1) < sn_country_value_at(i));
		}
	}
	assert_null(sn_country_at(n));
	assert_int_equal(sn_country_value_at(n), SN_COUNTRY_INVALID);
	/* values that are not countries */
	assert_int_equal(sn_country_index_of(sn_country_pack("AAA")), -1);
	assert_int_equal(sn_country_index_of(SN_COUNTRY_INVALID), -1);
	assert_int_equal(sn_country_index_of(26 * 26 * 26), -1);
	assert_null(sn_country_info_of(sn_country_pack("ZZZ")));
	assert_int_equal(sn_country_pack("m1i"), SN_COUNTRY_INVALID);
	assert_int_equal(sn_country_pack("mli"), sn_country_pack("MLI"));
}

static void
codes_are_unique_in_every_scheme(void **state)
{
	size_t		n = sn_country_count();

	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
		{
			const sn_country_info *a = sn_country_at(i),
					   *b = sn_country_at(j);

			assert_string_not_equal(a->iso2, b->iso2);
			assert_string_not_equal(a->iso3, b->iso3);
			if (a->numeric)
				assert_int_not_equal(a->numeric, b->numeric);
			if (a->gw)
				assert_int_not_equal(a->gw, b->gw);
			if (a->cow)
				assert_int_not_equal(a->cow, b->cow);
			{
				const char *fa[2] = {a->fips, a->fips_alt};
				const char *fb[2] = {b->fips, b->fips_alt};

				for (int x = 0; x < 2; x++)
					for (int y = 0; y < 2; y++)
						if (fa[x] && fb[y] && strcmp(fa[x], fb[y]) == 0)
							fail_msg("FIPS %s is both %s and %s", fa[x], a->iso3, b->iso3);
			}
		}
}

static void
every_code_reads_back(void **state)
{
	for (size_t i = 0; i < sn_country_count(); i++)
	{
		const sn_country_info *c = sn_country_at(i);
		sn_country	v = sn_country_value_at(i),
					got;
		sn_error	err;
		char		num[8];

		sn_error_clear(&err);
		assert_int_equal(must_parse(c->iso2), v);
		assert_int_equal(must_parse(c->iso3), v);
		assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_ISO2, c->iso2, 2, &got, &err));
		assert_int_equal(got, v);
		assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_ISO3, c->iso3, 3, &got, &err));
		assert_int_equal(got, v);
		if (c->numeric)
		{
			snprintf(num, sizeof(num), "%d", c->numeric);
			assert_int_equal(must_parse(num), v);
			snprintf(num, sizeof(num), "%03d", c->numeric);
			assert_int_equal(must_parse(num), v);
			assert_true(sn_country_from_number(SN_COUNTRY_SCHEME_NUMERIC, c->numeric, &got, &err));
			assert_int_equal(got, v);
		}
		if (c->fips)
		{
			assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, c->fips, 2, &got, &err));
			assert_int_equal(got, v);
		}
		if (c->fips_alt)
		{
			assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, c->fips_alt, 2, &got, &err));
			assert_int_equal(got, v);
		}
		if (c->gw)
		{
			assert_true(sn_country_from_number(SN_COUNTRY_SCHEME_GW, c->gw, &got, &err));
			assert_int_equal(got, v);
		}
		if (c->cow)
		{
			assert_true(sn_country_from_number(SN_COUNTRY_SCHEME_COW, c->cow, &got, &err));
			assert_int_equal(got, v);
		}
		/* region and continent are always known (Antarctica: continent only) */
		assert_non_null(sn_country_continent(c));
		if (strcmp(c->iso3, "ATA") != 0)
			assert_non_null(sn_country_region(c));
	}
}

/*
 * Every two-letter code that both schemes use for different countries is
 * read as ISO by the text input and as FIPS by sn_country_from_code.
 */
static void
fips_iso_collisions_resolve_by_scheme(void **state)
{
	int			collisions = 0;

	for (size_t i = 0; i < sn_country_count(); i++)
	{
		const sn_country_info *f = sn_country_at(i);
		const char *codes[2] = {f->fips, f->fips_alt};

		for (int k = 0; k < 2; k++)
		{
			sn_country	got;
			sn_error	err;

			if (!codes[k])
				continue;
			sn_error_clear(&err);
			if (sn_country_from_code(SN_COUNTRY_SCHEME_ISO2, codes[k], 2, &got, &err))
			{
				if (got == sn_country_value_at(i))
					continue;	/* same country in both schemes */
				collisions++;
				/* the text input is ISO */
				assert_int_equal(must_parse(codes[k]), got);
			}
			else
			{
				/*
				 * Not an ISO code: the text input refuses it and says what it
				 * is in FIPS, unless it is also a name of the same country
				 * (UK, exceptionally reserved in ISO for the United Kingdom).
				 */
				if (sn_country_parse(codes[k], 2, &got, &err))
					assert_int_equal(got, sn_country_value_at(i));
				else
				{
					assert_int_equal(err.status, SN_ERR_NOT_FOUND);
					assert_non_null(strstr(err.hint, "country_from_fips"));
					assert_non_null(strstr(err.hint, f->iso3));
				}
			}
			assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, codes[k], 2, &got, &err));
			assert_int_equal(got, sn_country_value_at(i));
		}
	}
	/* as many as the published collision list has (69) */
	assert_int_equal(collisions, 69);

	/* the ones that matter in the Sahel */
	{
		sn_country	got;
		sn_error	err;

		sn_error_clear(&err);
		assert_string_equal(iso3_of(must_parse("NG")), "NGA");
		assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, "NG", 2, &got, &err));
		assert_string_equal(iso3_of(got), "NER");
		assert_string_equal(iso3_of(must_parse("CD")), "COD");
		assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, "CD", 2, &got, &err));
		assert_string_equal(iso3_of(got), "TCD");
		assert_string_equal(iso3_of(must_parse("NE")), "NER");
		assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, "NE", 2, &got, &err));
		assert_string_equal(iso3_of(got), "NIU");
		assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, "UV", 2, &got, &err));
		assert_string_equal(iso3_of(got), "BFA");
		assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, "CG", 2, &got, &err));
		assert_string_equal(iso3_of(got), "COD");
		assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, "CF", 2, &got, &err));
		assert_string_equal(iso3_of(got), "COG");
	}
}

static void
names_are_grouped_and_read_back(void **state)
{
	size_t		total = 0;

	for (size_t i = 0; i < sn_country_count(); i++)
	{
		const sn_country_info *c = sn_country_at(i);
		int			short_en = 0,
					short_fr = 0;

		assert_int_equal(c->first_name, (int) total);
		assert_true(c->name_count >= 2);
		total += c->name_count;
		/* the English names come first, each language's short name first */
		assert_string_equal(sn_country_name_at(c->first_name)->text, c->name_en);
		for (int j = c->first_name; j < c->first_name + c->name_count; j++)
		{
			const sn_country_name *n = sn_country_name_at(j);
			sn_country	cand[SN_COUNTRY_MAX_CANDIDATES];
			int			k;
			char		key[256];
			size_t		klen = sn_country_name_key(n->text, strlen(n->text), key, sizeof(key));

			assert_int_equal(n->country, i);
			assert_true(klen > 0 && klen < sizeof(key));
			if (n->flags & SN_COUNTRY_NAME_SHORT)
			{
				assert_false(n->flags & SN_COUNTRY_NAME_SHARED);
				if (n->lang == SN_LANG_EN)
				{
					short_en++;
					assert_string_equal(n->text, c->name_en);
				}
				else
				{
					short_fr++;
					assert_string_equal(n->text, c->name_fr);
				}
			}
			k = sn_country_match_name(n->text, strlen(n->text), cand, SN_COUNTRY_MAX_CANDIDATES);
			if (n->flags & SN_COUNTRY_NAME_SHARED)
			{
				bool		mine = false;

				if (k < 2)
					fail_msg("shared name \"%s\" of %s is not ambiguous", n->text, c->iso3);
				for (int x = 0; x < k && x < SN_COUNTRY_MAX_CANDIDATES; x++)
					mine |= cand[x] == sn_country_value_at(i);
				assert_true(mine);
			}
			else
			{
				/* the full text input, where codes come first, reads it back */
				sn_country	got = must_parse(n->text);

				if (got != sn_country_value_at(i))
					fail_msg("name \"%s\" of %s reads as %s", n->text, c->iso3, iso3_of(got));
			}
		}
		assert_int_equal(short_en, 1);
		assert_int_equal(short_fr, 1);
	}
	assert_int_equal(total, sn_country_name_count());
	assert_null(sn_country_name_at(total));
}

static void
sahel_codes(void **state)
{
	static const struct
	{
		const char *name,
				   *iso2,
				   *iso3;
		int			numeric;
		const char *fips;
		int			gw,
					cow;
		const char *region;
	}			sahel[] = {
		{"Mali", "ML", "MLI", 466, "ML", 432, 432, "Western Africa"},
		{"Niger", "NE", "NER", 562, "NG", 436, 436, "Western Africa"},
		{"Burkina Faso", "BF", "BFA", 854, "UV", 439, 439, "Western Africa"},
		{"Chad", "TD", "TCD", 148, "CD", 483, 483, "Middle Africa"},
		{"Mauritania", "MR", "MRT", 478, "MR", 435, 435, "Western Africa"},
		{"Nigeria", "NG", "NGA", 566, "NI", 475, 475, "Western Africa"},
		{"Senegal", "SN", "SEN", 686, "SG", 433, 433, "Western Africa"},
		{"Algeria", "DZ", "DZA", 12, "AG", 615, 615, "Northern Africa"},
		{"Libya", "LY", "LBY", 434, "LY", 620, 620, "Northern Africa"},
		{"Sudan", "SD", "SDN", 729, "SU", 625, 625, "Northern Africa"},
		{"South Sudan", "SS", "SSD", 728, "OD", 626, 626, "Eastern Africa"},
		{"France", "FR", "FRA", 250, "FR", 220, 220, "Western Europe"},
		{"Russia", "RU", "RUS", 643, "RS", 365, 365, "Eastern Europe"},
	};

	for (size_t i = 0; i < sizeof(sahel) / sizeof(sahel[0]); i++)
	{
		const sn_country_info *c = sn_country_info_of(must_parse(sahel[i].name));

		assert_non_null(c);
		assert_string_equal(c->iso2, sahel[i].iso2);
		assert_string_equal(c->iso3, sahel[i].iso3);
		assert_int_equal(c->numeric, sahel[i].numeric);
		assert_string_equal(c->fips, sahel[i].fips);
		assert_int_equal(c->gw, sahel[i].gw);
		assert_int_equal(c->cow, sahel[i].cow);
		assert_string_equal(sn_country_region(c), sahel[i].region);
		assert_string_equal(sn_country_continent(c), strcmp(c->iso3, "FRA") == 0 ||
							strcmp(c->iso3, "RUS") == 0 ? "Europe" : "Africa");
	}
	/* the known gaps of the usual crosswalks */
	assert_int_equal(sn_country_info_of(must_parse("Vietnam"))->gw, 816);
	assert_int_equal(sn_country_info_of(must_parse("Yemen"))->gw, 678);
	assert_int_equal(sn_country_info_of(must_parse("Yemen"))->cow, 679);
	assert_int_equal(sn_country_info_of(must_parse("Serbia"))->cow, 345);
	assert_int_equal(sn_country_info_of(must_parse("Serbia"))->gw, 340);
	assert_string_equal(sn_country_info_of(must_parse("Kosovo"))->iso2, "XK");
	assert_string_equal(sn_country_info_of(must_parse("Kosovo"))->fips, "KV");
	assert_int_equal(sn_country_info_of(must_parse("Kosovo"))->numeric, 0);
	assert_string_equal(sn_country_info_of(must_parse("Curacao"))->fips, "UC");
	assert_string_equal(sn_country_info_of(must_parse("Sint Maarten"))->fips, "NN");
	assert_string_equal(sn_country_info_of(must_parse("MAF"))->fips, "RN");
}

static void
former_states_are_not_countries(void **state)
{
	static const struct
	{
		sn_country_scheme scheme;
		long		number;
	}			former[] = {
		{SN_COUNTRY_SCHEME_GW, 255}, {SN_COUNTRY_SCHEME_GW, 815}, {SN_COUNTRY_SCHEME_GW, 265},
		{SN_COUNTRY_SCHEME_COW, 678}, {SN_COUNTRY_SCHEME_COW, 260}, {SN_COUNTRY_SCHEME_GW, 680},
		{SN_COUNTRY_SCHEME_COW, 315},
	};

	for (size_t i = 0; i < sizeof(former) / sizeof(former[0]); i++)
	{
		sn_country	got;
		sn_error	err;

		sn_error_clear(&err);
		assert_false(sn_country_from_number(former[i].scheme, former[i].number, &got, &err));
		assert_int_equal(err.status, SN_ERR_NOT_FOUND);
		assert_non_null(strstr(err.hint, "former state"));
		assert_non_null(sn_country_find_historic(former[i].scheme, former[i].number, NULL));
	}
	/* and no historic code is also a current one: it is rejected, or read as
	 * its successor when it has one */
	for (long v = 1; v < 1000; v++)
	{
		static const sn_country_scheme schemes[] = {SN_COUNTRY_SCHEME_GW, SN_COUNTRY_SCHEME_COW};

		for (size_t k = 0; k < 2; k++)
		{
			const sn_country_historic *h = sn_country_find_historic(schemes[k], v, NULL);
			sn_country	got;
			sn_error	err;

			if (!h)
				continue;
			sn_error_clear(&err);
			if (h->successor)
			{
				assert_true(sn_country_from_number(schemes[k], v, &got, &err));
				assert_string_equal(sn_country_info_of(got)->iso3, h->successor);
				/* the successor keeps its own number in the scheme */
				assert_int_not_equal(schemes[k] == SN_COUNTRY_SCHEME_GW ? sn_country_info_of(got)->gw
									 : sn_country_info_of(got)->cow, v);
			}
			else
				assert_false(sn_country_from_number(schemes[k], v, &got, &err));
		}
	}
}

/* UCDP codes the Yugoslav era, and Serbia after 2006, with GW 345: read as
 * Serbia, whose own GW number stays 340. */
static void
gw_345_reads_as_serbia(void **state)
{
	sn_country	got;
	sn_error	err;

	sn_error_clear(&err);
	assert_true(sn_country_from_number(SN_COUNTRY_SCHEME_GW, 345, &got, &err));
	assert_string_equal(sn_country_info_of(got)->iso3, "SRB");
	assert_true(sn_country_from_number(SN_COUNTRY_SCHEME_GW, 340, &got, &err));
	assert_string_equal(sn_country_info_of(got)->iso3, "SRB");
	assert_int_equal(sn_country_info_of(got)->gw, 340);
	assert_true(sn_country_from_number(SN_COUNTRY_SCHEME_COW, 345, &got, &err));
	assert_string_equal(sn_country_info_of(got)->iso3, "SRB");
	assert_non_null(sn_country_find_historic(SN_COUNTRY_SCHEME_GW, 345, NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table_size_and_order),
		cmocka_unit_test(codes_are_unique_in_every_scheme),
		cmocka_unit_test(every_code_reads_back),
		cmocka_unit_test(fips_iso_collisions_resolve_by_scheme),
		cmocka_unit_test(gw_345_reads_as_serbia),
		cmocka_unit_test(names_are_grouped_and_read_back),
		cmocka_unit_test(sahel_codes),
		cmocka_unit_test(former_states_are_not_countries),
	};

	return cmocka_run_group_tests_name("country_table", tests, NULL, NULL);
}
