/*
 * tests/unit/test_country_crosswalk.c — our country table against the
 * published code lists in $SN_SHARED_DATA/codes/ (read at run time, never
 * copied into the project; each test is skipped with a message when the
 * files are absent).
 *
 *   country_crosswalk.csv      every row: codes compared with ours, every
 *                              name read back; each difference is printed
 *                              with its reason and must be a known one
 *   country_name_variants.csv  every variant reads as the expected country
 *   fips_iso2_collisions.csv   every code reads as ISO by the text input and
 *                              as FIPS by sn_country_from_code
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "country.h"

/* ---- a small CSV reader (RFC 4180 quoting) ------------------------------ */

#define MAX_FIELDS 32
#define MAX_ROWS 400

typedef struct csv
{
	char	   *text;
	int			nrows;
	int			nfields;
	char	   *header[MAX_FIELDS];
	char	   *rows[MAX_ROWS][MAX_FIELDS];
} csv;

static char *
data_path(const char *name)
{
	static char path[1024];
	const char *dir = getenv("SN_SHARED_DATA");

	snprintf(path, sizeof(path), "%s/codes/%s", dir && *dir ? dir : "../shared/data", name);
	return path;
}

/* Parse the file in place; NULL if it cannot be read. */
static csv *
csv_read(const char *name)
{
	FILE	   *f = fopen(data_path(name), "rb");
	csv		   *c;
	long		size;
	char	   *p,
			   *out;
	int			field = 0;
	char	  **row;

	if (!f)
		return NULL;
	c = calloc(1, sizeof(csv));
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, 0, SEEK_SET);
	c->text = malloc(size + 1);
	assert_int_equal(fread(c->text, 1, size, f), (size_t) size);
	c->text[size] = '\0';
	fclose(f);

	row = c->header;
	p = out = c->text;
	row[0] = out;
	while (*p)
	{
		if (*p == '"')
		{
			p++;
			while (*p && !(*p == '"' && p[1] != '"'))
			{
				if (*p == '"')
					p++;
				*out++ = *p++;
			}
			if (*p)
				p++;
			continue;
		}
		if (*p == ',' || *p == '\n' || *p == '\r')
		{
			bool		eol = *p != ',';

			if (*p == '\r' && p[1] == '\n')
				p++;
			p++;
			*out++ = '\0';
			if (!eol)
			{
				assert_true(field + 1 < MAX_FIELDS);
				row[++field] = out;
				continue;
			}
			if (row == c->header)
				c->nfields = field + 1;
			else
				c->nrows++;
			assert_true(c->nrows < MAX_ROWS);
			row = c->rows[c->nrows];
			field = 0;
			row[0] = out;
			if (!*p)
				break;
			continue;
		}
		*out++ = *p++;
	}
	*out = '\0';
	return c;
}

static const char *
col(csv *c, int r, const char *name)
{
	for (int i = 0; i < c->nfields; i++)
		if (strcmp(c->header[i], name) == 0)
			return c->rows[r][i] ? c->rows[r][i] : "";
	fail_msg("no column %s", name);
	return "";
}

static void
csv_free(csv *c)
{
	free(c->text);
	free(c);
}

#define SKIP_IF_ABSENT(c, name) \
	do { \
		if ((c) == NULL) { \
			printf("SKIP: %s not found (set SN_SHARED_DATA to the shared data folder)\n", \
				   data_path(name)); \
			skip(); \
		} \
	} while (0)

/* ---- helpers ------------------------------------------------------------ */

static const sn_country_info *
by_text(const char *s)
{
	sn_country	c;
	sn_error	err;

	sn_error_clear(&err);
	if (!sn_country_parse(s, strlen(s), &c, &err))
		return NULL;
	return sn_country_info_of(c);
}

static const char *
status_of(const char *s)
{
	sn_country	c;
	static sn_error err;

	sn_error_clear(&err);
	if (sn_country_parse(s, strlen(s), &c, &err))
		return sn_country_info_of(c)->iso3;
	return err.status == SN_ERR_AMBIGUOUS ? "ambiguous" : "unknown";
}

/*
 * The differences we expect, with their reasons.  Every one must be seen,
 * and no other may appear.
 */
typedef struct known_difference
{
	const char *entity;			/* iso3, or the file's name for rows without */
	const char *field;
	const char *theirs;
	const char *ours;
	const char *reason;
	bool		seen;
} known_difference;

static known_difference known[] = {
	{"SSD", "fips", "", "OD", "FIPS 10-4/GEC code of South Sudan since 2011 (GDELT uses it); the file's FIPS table predates it", false},
	{"CUW", "fips", "", "UC", "GEC code of Curaçao since 2010 (GeoNames)", false},
	{"SXM", "fips", "", "NN", "GEC code of Sint Maarten since 2010 (GeoNames)", false},
	{"MAF", "fips", "", "RN", "GEC code of Saint Martin (GeoNames)", false},
	{"VNM", "gwn", "815", "816", "GW 815 is Vietnam before 1893; modern Vietnam is 816 (DRV, 1954-)", false},
	{"YEM", "gwn", "", "678", "Gleditsch-Ward code unified Yemen 678, continuing the Yemen Arab Republic", false},
	{"SRB", "cown", "", "345", "COW keeps Serbia under 345 (Yugoslavia/Serbia, 1878-)", false},
	{"COG", "iso_name_en", "Congo (the)", "ambiguous", "\"Congo\" alone names two countries: rejected with both as candidates", false},
	{"COG", "iso_name_fr", "Congo (le)", "ambiguous", "\"Congo\" alone names two countries: rejected with both as candidates", false},
	{"COG", "un_name_fr", "Congo", "ambiguous", "\"Congo\" alone names two countries: rejected with both as candidates", false},
	{"Yemen Arab Republic", "gwn", "678", "YEM", "GW continues the Yemen Arab Republic as unified Yemen (678)", false},
	{"Yugoslavia", "cown", "345", "SRB", "COW continues Yugoslavia as Serbia (345)", false},
	{"Yugoslavia", "gwn", "345", "SRB", "UCDP keeps GW 345 for Serbia after 2006: read as Serbia, which continues Yugoslavia (Serbia's own GW number stays 340)", false},
	{"Kosovo", "iso2", "", "XK", "user-assigned code XK used by the EU and GeoNames (the file gives it as GENC XK only)", false},
};

static int	unexpected;

static void
difference(const char *entity, const char *field, const char *theirs, const char *ours)
{
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(known[i].entity, entity) == 0 && strcmp(known[i].field, field) == 0 &&
			strcmp(known[i].theirs, theirs) == 0 && strcmp(known[i].ours, ours) == 0)
		{
			printf("  %-20s %-12s file \"%s\", ours \"%s\": %s\n",
				   entity, field, theirs, ours, known[i].reason);
			known[i].seen = true;
			return;
		}
	printf("  UNEXPECTED %-20s %-12s file \"%s\", ours \"%s\"\n", entity, field, theirs, ours);
	unexpected++;
}

static void
compare_code(const char *entity, const char *field, const char *theirs, const char *ours)
{
	if (strcmp(theirs, ours) != 0)
		difference(entity, field, theirs, ours);
}

static void
number_text(char *buf, int v)
{
	if (v)
		sprintf(buf, "%d", v);
	else
		buf[0] = '\0';
}

/* A number from the file, without leading zeros, as text ("" if blank). */
static const char *
normal_number(const char *s)
{
	static char buf[16];

	if (!*s)
		return "";
	snprintf(buf, sizeof(buf), "%ld", strtol(s, NULL, 10));
	return buf;
}

/* ---- tests -------------------------------------------------------------- */

static void
crosswalk_rows(void **state)
{
	csv		   *c = csv_read("country_crosswalk.csv");
	static const char *name_cols[] = {"name_en", "name_fr", "iso_name_en", "iso_name_fr", "un_name_fr"};
	int			with_iso = 0,
				without = 0;

	SKIP_IF_ABSENT(c, "country_crosswalk.csv");
	unexpected = 0;
	printf("country_crosswalk.csv: differences with our table, and why\n");
	for (int r = 0; r < c->nrows; r++)
	{
		const char *iso3 = col(c, r, "iso3");
		const sn_country_info *ours;
		char		buf[16];
		const char *entity;

		if (*iso3)
		{
			sn_country v;
			sn_error	err;

			with_iso++;
			sn_error_clear(&err);
			if (!sn_country_from_code(SN_COUNTRY_SCHEME_ISO3, iso3, 3, &v, &err))
				fail_msg("%s is not in our table", iso3);
			ours = sn_country_info_of(v);
			entity = iso3;
			compare_code(entity, "iso2", col(c, r, "iso2"), ours->iso2);
		}
		else
		{
			/* former states and other entities without an ISO code */
			const char *name = col(c, r, "name_en");
			const sn_country_info *named = by_text(name);

			without++;
			entity = name;
			if (strcmp(col(c, r, "genc2c"), "XK") == 0)
			{
				ours = sn_country_info_of(sn_country_pack("XKX"));
				assert_ptr_equal(named, ours);
				compare_code(entity, "iso2", col(c, r, "iso2"), ours->iso2);
			}
			else
			{
				sn_country	v;
				sn_error	err;

				/* not a country of the type: neither its name nor its numbers */
				if (named)
					difference(entity, "name_en", name, named->iso3);
				sn_error_clear(&err);
				if (*col(c, r, "gwn") &&
					sn_country_from_number(SN_COUNTRY_SCHEME_GW, atoi(col(c, r, "gwn")), &v, &err))
					difference(entity, "gwn", col(c, r, "gwn"), sn_country_info_of(v)->iso3);
				if (*col(c, r, "cown") &&
					sn_country_from_number(SN_COUNTRY_SCHEME_COW, atoi(col(c, r, "cown")), &v, &err))
					difference(entity, "cown", col(c, r, "cown"), sn_country_info_of(v)->iso3);
				if (*col(c, r, "fips") &&
					sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, col(c, r, "fips"), 2, &v, &err))
					difference(entity, "fips", col(c, r, "fips"), sn_country_info_of(v)->iso3);
				continue;
			}
		}
		number_text(buf, ours->numeric);
		compare_code(entity, "isonum", normal_number(col(c, r, "isonum")), buf);
		compare_code(entity, "fips", col(c, r, "fips"), ours->fips ? ours->fips : "");
		number_text(buf, ours->gw);
		compare_code(entity, "gwn", normal_number(col(c, r, "gwn")), buf);
		number_text(buf, ours->cow);
		compare_code(entity, "cown", normal_number(col(c, r, "cown")), buf);
		for (size_t k = 0; k < sizeof(name_cols) / sizeof(name_cols[0]); k++)
		{
			const char *n = col(c, r, name_cols[k]);
			const char *got;

			if (!*n)
				continue;
			got = status_of(n);
			if (strcmp(got, ours->iso3) != 0)
				difference(entity, name_cols[k], n, got);
		}
	}
	printf("  (%d rows with an ISO code, %d without)\n", with_iso, without);
	assert_int_equal(with_iso, 249);
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (!known[i].seen)
		{
			printf("  known difference not seen: %s %s\n", known[i].entity, known[i].field);
			unexpected++;
		}
	csv_free(c);
	assert_int_equal(unexpected, 0);
}

/* A check of row r of a data file: the number of wrong findings it printed. */
typedef int (*row_check) (csv *c, int r);

/*
 * Every row of the data file name checked by check, none wrong; the file has
 * min_rows to max_rows rows (what they are: what).  The test is skipped when
 * the file is absent.
 */
static void
check_each_row(const char *name, const char *what, row_check check, int min_rows, int max_rows)
{
	csv		   *c = csv_read(name);
	int			bad = 0;

	SKIP_IF_ABSENT(c, name);
	for (int r = 0; r < c->nrows; r++)
		bad += check(c, r);
	printf("%s: %d %s, %d wrong\n", name, c->nrows, what, bad);
	assert_in_range(c->nrows, min_rows, max_rows);
	csv_free(c);
	assert_int_equal(bad, 0);
}

static int
name_variant_row(csv *c, int r)
{
	const char *v = col(c, r, "variant");
	const char *want = col(c, r, "expected_iso3");
	const char *got = status_of(v);
	const sn_country_info *i;

	if (strcmp(got, want) != 0)
	{
		printf("  variant \"%s\": expected %s, got %s\n", v, want, got);
		return 1;
	}
	/* and COW, where the file gives one */
	i = by_text(v);
	if (*col(c, r, "expected_cown") && atoi(col(c, r, "expected_cown")) != i->cow)
	{
		printf("  variant \"%s\": COW %s, ours %d\n", v, col(c, r, "expected_cown"), i->cow);
		return 1;
	}
	return 0;
}

static void
name_variants(void **state)
{
	check_each_row("country_name_variants.csv", "variants", name_variant_row, 99, INT_MAX);
}

static int
fips_iso_collision_row(csv *c, int r)
{
	const char *code = col(c, r, "code");
	const sn_country_info *fips_means = by_text(col(c, r, "fips_meaning"));
	const sn_country_info *iso_means = by_text(col(c, r, "iso2_meaning"));
	sn_country	v;
	sn_error	err;
	int			bad = 0;

	sn_error_clear(&err);
	if (!fips_means || !iso_means)
	{
		printf("  %s: cannot read \"%s\" / \"%s\"\n", code,
			   col(c, r, "fips_meaning"), col(c, r, "iso2_meaning"));
		return 1;
	}
	if (by_text(code) != iso_means)
	{
		printf("  %s as text: expected %s (ISO)\n", code, iso_means->iso3);
		bad++;
	}
	if (!sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, code, strlen(code), &v, &err) ||
		sn_country_info_of(v) != fips_means)
	{
		printf("  %s as FIPS: expected %s\n", code, fips_means->iso3);
		bad++;
	}
	return bad;
}

static void
fips_iso_collisions(void **state)
{
	check_each_row("fips_iso2_collisions.csv", "codes", fips_iso_collision_row, 69, 69);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(crosswalk_rows),
		cmocka_unit_test(name_variants),
		cmocka_unit_test(fips_iso_collisions),
	};

	return cmocka_run_group_tests_name("country_crosswalk", tests, NULL, NULL);
}
