/*
 * tests/unit/test_gazetteer.c — names with references, their forms, and the
 * longest-match selection (gazetteer.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "country.h"
#include "gazetteer.h"
#include "unit_helpers.h"

static void
add(sn_gazetteer *g, const char *name, sn_ref_kind kind, int64_t id, int32_t country, uint32_t flags)
{
	sn_gazetteer_ref r = {kind, id, country};
	sn_error	err;

	assert_true(sn_gazetteer_add(g, name, strlen(name), &r, flags, &err));
}

/* A name and its reference, as add() takes them. */
typedef struct test_name
{
	const char *name;
	sn_ref_kind kind;
	int64_t		id;
	int32_t		country;
	uint32_t	flags;
} test_name;

/* A gazetteer of names[0..n), built. */
static sn_gazetteer *
built(const test_name *names, size_t n)
{
	sn_gazetteer *g = sn_gazetteer_new(NULL);
	sn_error	err;

	assert_non_null(g);
	for (size_t i = 0; i < n; i++)
		add(g, names[i].name, names[i].kind, names[i].id, names[i].country, names[i].flags);
	assert_true(sn_gazetteer_build(g, &err));
	return g;
}

#define BUILT(names) built((names), UNIT_LENGTH(names))

/* Mentions as "surface=P12" or "surface=A3" (with /country when set), space-separated. */
static const char *
find(const sn_gazetteer *g, const char *text)
{
	static char buf[2048];
	sn_name_mentions m = {0};
	sn_error	err;
	size_t		o = 0;

	buf[0] = '\0';
	assert_true(sn_gazetteer_find(g, text, strlen(text), NULL, NULL, NULL, &m, &err));
	for (size_t i = 0; i < m.n; i++)
	{
		const sn_name_mention *x = &m.items[i];

		o += snprintf(buf + o, sizeof(buf) - o, "%s%.*s=%c%lld", i ? " " : "",
					  (int) (x->end_byte - x->start_byte), text + x->start_byte,
					  x->ref.kind == SN_REF_PLACE ? 'P' : 'A', (long long) x->ref.id);
		if (x->ref.country >= 0)
			o += snprintf(buf + o, sizeof(buf) - o, "/%d", x->ref.country);
	}
	sn_name_mentions_free(NULL, &m);
	return buf;
}

static sn_gazetteer *
sahel(void)
{
	static const test_name names[] = {
		{"Chad", SN_REF_PLACE, 1, 148, 0},
		{"Tchad", SN_REF_PLACE, 1, 148, SN_NAME_LANG_FR},
		{"Lake Chad", SN_REF_PLACE, 2, -1, 0},
		{"Lake Chad region", SN_REF_PLACE, 3, -1, 0},
		{"Burkina", SN_REF_PLACE, 4, 854, 0},
		{"Burkina Faso", SN_REF_PLACE, 4, 854, 0},
		{"Niger", SN_REF_PLACE, 5, 562, 0},
		{"Nigeria", SN_REF_PLACE, 6, 566, 0},
		{"Mali", SN_REF_PLACE, 7, 466, 0},
		{"Malian", SN_REF_PLACE, 7, 466, SN_NAME_DEMONYM | SN_NAME_LANG_EN},
		{"malien", SN_REF_PLACE, 7, 466, SN_NAME_DEMONYM | SN_NAME_LANG_FR},
		{"French", SN_REF_PLACE, 8, 250, SN_NAME_DEMONYM | SN_NAME_LANG_EN},
		{"fran\xc3\xa7" "ais", SN_REF_PLACE, 8, 250, SN_NAME_DEMONYM | SN_NAME_LANG_FR},
		{"France", SN_REF_PLACE, 8, 250, 0},
		{"France", SN_REF_ACTOR, 1, 250, 0},
		{"French armed forces", SN_REF_ACTOR, 2, 250, 0},
		{"al-Qaeda", SN_REF_ACTOR, 3, -1, 0},
		{"ISIL", SN_REF_ACTOR, 4, -1, 0},
		{"UN", SN_REF_ACTOR, 5, -1, 0},
		{"United Nations", SN_REF_ACTOR, 5, -1, 0},
		{"Bamako", SN_REF_PLACE, 9, 466, 0},
		{"Bamako", SN_REF_ACTOR, 6, 466, 0},
		/* the same place from the country type, mapped to the same id: one mention */
		{"Mali", SN_REF_PLACE, 7, 466, 0},
	};

	return BUILT(names);
}

/* The sahel() gazetteer, built once for all the tests */
static sn_gazetteer *sahel_g;

static int
build_sahel(void **state)
{
	sahel_g = sahel();
	return 0;
}

static int
free_sahel(void **state)
{
	sn_gazetteer_free(sahel_g);
	return 0;
}

/* What find() gives for text in the sahel() gazetteer. */
static const char *
in_sahel(const char *text)
{
	return find(sahel_g, text);
}

static void
longest_match_wins(void **state)
{
	static const unit_case cases[] = {
		{"the Lake Chad region and Lake Chad in Chad", "Lake Chad region=P3 Lake Chad=P2 Chad=P1/148"},
		{"Burkina Faso, or Burkina.", "Burkina Faso=P4/854 Burkina=P4/854"},
		{"French armed forces and French troops", "French armed forces=A2/250 French=P8/250"},
	};

	assert_cases(in_sahel, cases);
}

static void
word_boundaries(void **state)
{
	assert_string_equal(in_sahel("Nigeria and Niger, Nigerian, Somalia, Malibu"),
						"Nigeria=P6/566 Niger=P5/562");
}

static void
possessives_brackets_hyphens(void **state)
{
	assert_string_equal(in_sahel("Mali's junta, Mali\xe2\x80\x99s army, al-Qaeda-linked (ISIL) groups"),
						"Mali=P7/466 Mali=P7/466 al-Qaeda=A3 ISIL=A4");
}

static void
several_references(void **state)
{
	static const unit_case cases[] = {
		/* a place and an actor: places first */
		{"France said", "France=P8/250 France=A1/250"},
		{"BAMAKO -", "BAMAKO=P9/466 BAMAKO=A6/466"},
	};

	assert_cases(in_sahel, cases);
}

/*
 * Every reference comes back whole, whether or not it fits in the matcher's
 * payload (ids from 0 to 2^46 - 1 and countries below 0xFFFF do; the rest is
 * looked up): the extremes of both ranges, and past them.
 */
static void
references_come_back_whole(void **state)
{
	static const test_name refs[] = {
		{"Alpha", SN_REF_PLACE, 0, -1, 0},
		{"Bravo", SN_REF_ACTOR, (INT64_C(1) << 46) - 1, 0xFFFE, 0},
		{"Charlie", SN_REF_PLACE, INT64_C(1) << 46, 466, 0},
		{"Delta", SN_REF_ACTOR, INT64_MAX, -1, 0},
		{"Echo", SN_REF_PLACE, -7, 0, 0},
		{"Foxtrot", SN_REF_ACTOR, 12, 0xFFFF, 0},
		{"Golf", SN_REF_PLACE, 13, INT32_MAX, 0},
		{"Hotel", SN_REF_ACTOR, INT64_MIN, INT32_MIN, 0},
	};
	const size_t n = UNIT_LENGTH(refs);
	sn_gazetteer *g = BUILT(refs);
	sn_name_mentions m = {0};
	sn_error	err;
	const char *text = "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel";

	assert_true(sn_gazetteer_find(g, text, strlen(text), NULL, NULL, NULL, &m, &err));
	assert_int_equal(m.n, n);
	for (size_t i = 0; i < n; i++)
	{
		assert_int_equal(m.items[i].end_byte - m.items[i].start_byte, strlen(refs[i].name));
		assert_int_equal(m.items[i].ref.kind, refs[i].kind);
		assert_true(m.items[i].ref.id == refs[i].id);
		assert_int_equal(m.items[i].ref.country, refs[i].country);
	}
	sn_name_mentions_free(NULL, &m);
	sn_gazetteer_free(g);
}

static void
acronyms_want_capitals(void **state)
{
	static const unit_case cases[] = {
		{"un soldat de l'ONU et du UN, Un, un", "UN=A5"},
		{"the isil and the United Nations", "United Nations=A5"},
	};

	assert_cases(in_sahel, cases);
}

static void
proper_nouns_want_a_capital(void **state)
{
	static const test_name names[] = {
		{"Grenade", SN_REF_PLACE, 1, 308, SN_NAME_CAPITALISED | SN_NAME_LANG_FR},
		{"R\xc3\xa9union", SN_REF_PLACE, 2, 638, SN_NAME_CAPITALISED},
	};
	sn_gazetteer *g = BUILT(names);

	assert_string_equal(find(g, "une grenade, la r\xc3\xa9union, la Grenade, \xc3\x89" "tat de R\xc3\xa9UNION, GRENADE"),
						"Grenade=P1/308 R\xc3\xa9UNION=P2/638 GRENADE=P1/308");
	sn_gazetteer_free(g);
}

static void
demonym_forms(void **state)
{
	static const unit_case cases[] = {
		{"Malians and Malian soldiers", "Malians=P7/466 Malian=P7/466"},
		{"l'arm\xc3\xa9" "e malienne, les Maliens, des soldats maliens, "
		 "la force fran\xc3\xa7" "aise, les Fran\xc3\xa7" "ais, les Frenchs",
		 "malienne=P7/466 Maliens=P7/466 maliens=P7/466 "
		 "fran\xc3\xa7" "aise=P8/250 Fran\xc3\xa7" "ais=P8/250"},
		{"le Tchad et le TCHAD", "Tchad=P1/148 TCHAD=P1/148"},
	};

	assert_cases(in_sahel, cases);
}

static int32_t
country_code(const char *alpha3)
{
	sn_country	c;
	sn_error	err;

	assert_true(sn_country_from_code(SN_COUNTRY_SCHEME_ISO3, alpha3, 3, &c, &err));
	return (int32_t) c;
}

static void
country_type_names(void **state)
{
	sn_gazetteer *g = sn_gazetteer_new(NULL);
	sn_country_place niger = {country_code("NER"), 5};
	sn_error	err;
	char		expected[128];

	assert_non_null(g);
	assert_true(sn_gazetteer_add_country_names(g, &niger, 1, &err));
	assert_true(sn_gazetteer_build(g, &err));
	/* a country with a row in places is that place; the others have no id */
	snprintf(expected, sizeof(expected), "Niger=P5/%d Mali=P0/%d Tchad=P0/%d",
			 country_code("NER"), country_code("MLI"), country_code("TCD"));
	assert_string_equal(find(g, "Niger, Mali and Tchad"), expected);
	/* written with a capital only: "niger" in lower case is no country */
	assert_string_equal(find(g, "the niger and the chad"), "");
	sn_gazetteer_free(g);
}

static void
stats_and_errors(void **state)
{
	sn_gazetteer *g = sn_gazetteer_new(NULL);
	sn_gazetteer_ref r = {SN_REF_PLACE, 1, -1};
	sn_matcher_stats st;
	sn_name_mentions m = {0};
	sn_error	err;

	assert_false(sn_gazetteer_add(g, "bad\xc3", 4, &r, 0, &err));
	assert_int_equal(err.status, SN_ERR_SYNTAX);
	assert_false(sn_gazetteer_find(g, "x", 1, NULL, NULL, NULL, &m, &err));
	assert_true(sn_gazetteer_add(g, "Malian", 6, &r, SN_NAME_DEMONYM, &err));
	/* Malian, Malians, Malianne? no: -an takes -e, -es in French: Maliane, Malianes */
	assert_int_equal(sn_gazetteer_names(g), 4);
	assert_true(sn_gazetteer_build(g, &err));
	assert_false(sn_gazetteer_add(g, "Mali", 4, &r, 0, &err));
	sn_gazetteer_stats(g, &st);
	assert_int_equal(st.keys, 4);
	assert_false(sn_gazetteer_find(g, "Mali\xff", 5, NULL, NULL, NULL, &m, &err));
	assert_int_equal(err.status, SN_ERR_SYNTAX);
	sn_name_mentions_free(NULL, &m);
	sn_gazetteer_free(g);
}

/*
 * A name with an apostrophe between two words is found with it and without it
 * (the name key drops apostrophes); text keeps its apostrophes as gaps, so a
 * name still ends before a possessive or after an elision.
 */
static void
apostrophes_in_names(void **state)
{
	static const test_name names[] = {
		{"N\xe2\x80\x99" "Djam\xc3\xa9na", SN_REF_PLACE, 1, 148, 0},
		{"Abe\xc3\xaf" "bara", SN_REF_PLACE, 2, 466, 0},
		{"M\xc3\xa9naka", SN_REF_PLACE, 3, 466, 0},
	};
	sn_gazetteer *g = BUILT(names);

	assert_string_equal(find(g, "in N'Djamena, NDjamena and N\xe2\x80\x98" "DJAMENA"),
						"N'Djamena=P1/148 NDjamena=P1/148 N\xe2\x80\x98" "DJAMENA=P1/148");
	assert_string_equal(find(g, "le cercle d\xe2\x80\x99" "Abeibara, Menaka's market, MENAKA"),
						"Abeibara=P2/466 Menaka=P3/466 MENAKA=P3/466");
	sn_gazetteer_free(g);
}

/*
 * A name stored without an apostrophe is found where the text writes one
 * ("Ndjamena" in "N’Djaména"), since name_key() makes them one name, at the
 * text's own offsets (characters and bytes, far into a long text too); a
 * possessive or an elision still ends or begins a name, and a name stored
 * with the apostrophe is one mention, not two.
 */
static void
apostrophes_in_text(void **state)
{
	static const test_name names[] = {
		{"Ndjamena", SN_REF_PLACE, 1, 148, 0},
		{"Azawad", SN_REF_PLACE, 3, 466, 0},
		{"Mali", SN_REF_PLACE, 4, 466, 0},
		{"Tin Akoff", SN_REF_PLACE, 5, 854, 0},
		{"N'Djamena", SN_REF_PLACE, 6, 148, 0},
	};
	sn_gazetteer *g = BUILT(names);
	sn_name_mentions m = {0};
	sn_error	err;
	char		text[4096];
	size_t		n = 0;

	assert_string_equal(find(g, "R\xc3\xa9" "fugi\xc3\xa9" "s \xc3\xa0 N\xe2\x80\x99" "Dja\xcc\x81" "mena, "
							 "d\xe2\x80\x99" "Azawad, Mali\xe2\x80\x99" "s army, N'DJAMENA's camps; l'Azawad, Tin-Akoff"),
						"N\xe2\x80\x99" "Dja\xcc\x81" "mena=P1/148 N\xe2\x80\x99" "Dja\xcc\x81" "mena=P6/148 "
						"Azawad=P3/466 Mali=P4/466 N'DJAMENA=P1/148 N'DJAMENA=P6/148 Azawad=P3/466 Tin-Akoff=P5/854");

	/* far into a text, in two windows: offsets in characters and bytes */
	for (int i = 0; i < 300; i++)
		n += (size_t) snprintf(text + n, sizeof(text) - n, "\xc3\xa9 ");
	n += (size_t) snprintf(text + n, sizeof(text) - n, "N\xe2\x80\x99" "Djamena ");
	for (int i = 0; i < 400; i++)
		n += (size_t) snprintf(text + n, sizeof(text) - n, "x ");
	n += (size_t) snprintf(text + n, sizeof(text) - n, "n'djamena.");
	assert_true(sn_gazetteer_find(g, text, n, NULL, NULL, NULL, &m, &err));
	assert_int_equal(m.n, 4);		/* two places at each: Ndjamena, and N'Djamena itself */
	for (size_t i = 0; i < 2; i++)
	{
		assert_int_equal(m.items[i].ref.id, i == 0 ? 1 : 6);
		assert_int_equal(m.items[i].start_char, 600);
		assert_int_equal(m.items[i].end_char, 609);
		assert_int_equal(m.items[i].start_byte, 900);
		assert_int_equal(m.items[i].end_byte, 911);
		assert_int_equal(m.items[2 + i].start_char, 1410);
		assert_int_equal(m.items[2 + i].end_char, 1419);
		assert_int_equal(m.items[2 + i].start_byte, 1712);
		assert_int_equal(m.items[2 + i].end_byte, 1721);
	}
	sn_name_mentions_free(NULL, &m);
	sn_gazetteer_free(g);
}

/*
 * A word of the grammar that is also a village ("De" and "La", Burkina Faso)
 * is found only written with a capital and not where a sentence begins, and
 * the rule for what may be a place name takes it only so written.
 */
static void
function_word_names(void **state)
{
	static const test_name names[] = {
		{"De", SN_REF_PLACE, 1, 854, 0},
		{"La", SN_REF_PLACE, 2, 854, 0},
		{"Dori", SN_REF_PLACE, 3, 854, 0},
	};
	sn_gazetteer *g = BUILT(names);

	assert_string_equal(find(g, "De nombreux civils ont fui De et Dori. La route de Dori vers La "
							 "est coup\xc3\xa9" "e ; \xc2\xab" "De\xc2\xbb reste vide.\nLa nuit, DE"),
						"De=P1/854 Dori=P3/854 Dori=P3/854 La=P2/854 DE=P1/854");

	assert_texts(sn_is_place_name, true, "De", "DE", "D\xc3\xa9", "To", "La Tapoa", "Thebes");
	assert_texts(sn_is_place_name, false, "de", "d\xc3\xa9", "the", "The", "A", "L'", " ", "--", "");
	sn_gazetteer_free(g);
}

/*
 * A delta (names added and removed over a built base) finds exactly what a
 * gazetteer built from the resulting names finds: random sequences of
 * changes over names whose keys and forms overlap (same key written two
 * ways, demonyms, acronyms, one name for several references, references too
 * large to pack into a payload, repeated entries), compared on random texts.
 */
typedef struct delta_entry
{
	int			name;
	sn_ref_kind kind;
	int64_t		id;
	uint32_t	flags;
} delta_entry;

static const char *const delta_names[] = {
	"Gao", "Gao region", "GAO", "Tessit", "Lake Chad", "lake  chad", "Chad", "Malian",
	"U.N.", "U.N", "UN", "Menaka", "Ménaka", "Lake Chad region", "al-Qaeda", "al Qaeda",
	"Niger", "Nigerian", "Timbuktu", "Tombouctou", "N'Djamena", "NDjamena", "Mali's",
};
#define NDELTA_NAMES (sizeof(delta_names) / sizeof(delta_names[0]))

static uint64_t delta_rng = 88172645463325252ull;

static unsigned
delta_rand(unsigned n)
{
	delta_rng ^= delta_rng << 13;
	delta_rng ^= delta_rng >> 7;
	delta_rng ^= delta_rng << 17;
	return (unsigned) (delta_rng % n);
}

static sn_gazetteer_ref
delta_ref(const delta_entry *e)
{
	sn_gazetteer_ref r;

	r.kind = e->kind;
	/* ids 4 and up are too large to pack: their references live in the gazetteer */
	r.id = e->id < 4 ? e->id : ((int64_t) 1 << 50) + e->id;
	r.country = e->id % 3 == 0 ? -1 : (int32_t) (e->id * 7);
	return r;
}

static delta_entry
delta_random_entry(void)
{
	static const uint32_t flag_choices[] = {0, 0, SN_NAME_DEMONYM, SN_NAME_LANG_FR,
	SN_NAME_CAPITALISED, SN_NAME_NO_ACRONYM, SN_NAME_DEMONYM | SN_NAME_LANG_EN};
	delta_entry e;

	e.name = (int) delta_rand(NDELTA_NAMES);
	e.kind = delta_rand(3) == 0 ? SN_REF_ACTOR : SN_REF_PLACE;
	e.id = (int64_t) delta_rand(6);
	e.flags = flag_choices[delta_rand(sizeof(flag_choices) / sizeof(flag_choices[0]))];
	return e;
}

static void
delta_give(sn_gazetteer *g, const delta_entry *e, bool removed, bool any_country)
{
	sn_gazetteer_ref r = delta_ref(e);
	const char *n = delta_names[e->name];
	sn_error	err;

	if (any_country)
		r.country = SN_GAZETTEER_ANY_COUNTRY;
	if (removed)
		assert_true(sn_gazetteer_remove(g, n, strlen(n), &r, e->flags, &err));
	else
		assert_true(sn_gazetteer_add(g, n, strlen(n), &r, e->flags, &err));
}

static void
delta_equals_rebuild(void **state)
{
	static const char *const fillers[] = {"the", "in", "near", "of", "-", "'s", ",", "(", ")"};
	int			texts_compared = 0;

	for (int iter = 0; iter < 400; iter++)
	{
		delta_entry live[80];
		int			nlive = (int) delta_rand(30);
		delta_entry changes[40];
		bool		removed[40],
					any[40];
		int			nchanges = 1 + (int) delta_rand(25);
		sn_gazetteer *base = sn_gazetteer_new(NULL),
				   *delta = sn_gazetteer_new(NULL),
				   *full = sn_gazetteer_new(NULL);
		sn_error	err;

		for (int i = 0; i < nlive; i++)
		{
			live[i] = delta_random_entry();
			delta_give(base, &live[i], false, false);
		}
		assert_true(sn_gazetteer_build(base, &err));
		for (int c = 0; c < nchanges; c++)
		{
			if (nlive > 0 && delta_rand(2) == 0)
			{
				int			k = (int) delta_rand((unsigned) nlive);

				changes[c] = live[k];
				removed[c] = true;
				any[c] = delta_rand(2) == 0;
				live[k] = live[--nlive];
			}
			else
			{
				changes[c] = delta_random_entry();
				removed[c] = false;
				any[c] = false;
				live[nlive++] = changes[c];
			}
			delta_give(delta, &changes[c], removed[c], any[c]);
		}
		assert_true(sn_gazetteer_build_delta(delta, base, &err));
		assert_int_equal(sn_gazetteer_delta_added(delta) + sn_gazetteer_delta_removed(delta),
						 (size_t) nchanges);
		for (int i = 0; i < nlive; i++)
			delta_give(full, &live[i], false, false);
		assert_true(sn_gazetteer_build(full, &err));

		for (int t = 0; t < 8; t++)
		{
			char		text[1024];
			size_t		o = 0;
			int			words = 1 + (int) delta_rand(12);
			char		expected[2048];

			for (int w = 0; w < words; w++)
			{
				const char *x = delta_rand(3) == 0 ? fillers[delta_rand(9)]
					: delta_names[delta_rand(NDELTA_NAMES)];
				unsigned	how = delta_rand(4);

				o += (size_t) snprintf(text + o, sizeof(text) - o, "%s", w ? " " : "");
				for (const char *p = x; *p && o + 1 < sizeof(text); p++)
					text[o++] = (how == 1 && *p >= 'a' && *p <= 'z') ? (char) (*p - 32)
						: (how == 2 && *p >= 'A' && *p <= 'Z') ? (char) (*p + 32) : *p;
				text[o] = '\0';
			}
			snprintf(expected, sizeof(expected), "%s", find(full, text));
			if (strcmp(expected, find(delta, text)) != 0)
				fail_msg("iteration %d, text \"%s\": rebuilt \"%s\", delta \"%s\"",
						 iter, text, expected, find(delta, text));
			texts_compared++;
		}
		sn_gazetteer_free(delta);
		sn_gazetteer_free(full);
		sn_gazetteer_free(base);
	}
	assert_int_equal(texts_compared, 400 * 8);
}

static void
delta_errors(void **state)
{
	sn_gazetteer *base = sn_gazetteer_new(NULL),
			   *d = sn_gazetteer_new(NULL),
			   *plain = sn_gazetteer_new(NULL);
	sn_gazetteer_ref r = {SN_REF_PLACE, 1, -1};
	sn_error	err;

	add(base, "Gao", SN_REF_PLACE, 1, -1, 0);
	/* a delta needs a built base */
	assert_false(sn_gazetteer_build_delta(d, base, &err));
	assert_true(sn_gazetteer_build(base, &err));
	/* removals cannot be built alone */
	assert_true(sn_gazetteer_remove(plain, "Gao", 3, &r, 0, &err));
	assert_false(sn_gazetteer_build(plain, &err));
	assert_non_null(strstr(err.message, "delta"));
	/* removing what the base lacks changes nothing */
	assert_true(sn_gazetteer_remove(d, "Tessit", 6, &r, 0, &err));
	assert_true(sn_gazetteer_remove(d, "Gao", 3, &r, 0, &err));
	assert_true(sn_gazetteer_remove(d, "Gao", 3, &r, 0, &err));
	assert_true(sn_gazetteer_build_delta(d, base, &err));
	assert_string_equal(find(d, "Gao and Tessit"), "");
	assert_string_equal(find(base, "Gao and Tessit"), "Gao=P1");
	assert_int_equal(sn_gazetteer_delta_replaced(d), 1);
	/* a delta is not a base */
	assert_false(sn_gazetteer_build_delta(plain, d, &err));
	sn_gazetteer_free(d);
	sn_gazetteer_free(plain);
	sn_gazetteer_free(base);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(longest_match_wins),
		cmocka_unit_test(word_boundaries),
		cmocka_unit_test(possessives_brackets_hyphens),
		cmocka_unit_test(several_references),
		cmocka_unit_test(references_come_back_whole),
		cmocka_unit_test(acronyms_want_capitals),
		cmocka_unit_test(demonym_forms),
		cmocka_unit_test(proper_nouns_want_a_capital),
		cmocka_unit_test(country_type_names),
		cmocka_unit_test(stats_and_errors),
		cmocka_unit_test(apostrophes_in_names),
		cmocka_unit_test(apostrophes_in_text),
		cmocka_unit_test(function_word_names),
		cmocka_unit_test(delta_equals_rebuild),
		cmocka_unit_test(delta_errors),
	};

	return cmocka_run_group_tests_name("gazetteer", tests, build_sahel, free_sahel);
}
