/*
 * tests/bench/annotate_core.c — the core of annotate() alone, on one core:
 * the same gazetteer and the same reports as tests/bench/annotate.sql, read
 * without PostgreSQL, so that the benchmark can tell the matcher's and the
 * phrase readers' share of annotate()'s time from the database's (reading
 * the rows, forming the result rows).
 *
 *   annotate_core NAMES REPORTS PUBLISHED REPS
 *
 * NAMES: COPY text of annotate_names() (kind, ref_id, country, name,
 * demonym, lang), turned into a gazetteer as the extension does
 * (extension/pg/annotate.c), the country type's names included.  REPORTS:
 * COPY text, one report per line.  PUBLISHED: YYYY-MM-DD, what relative dates
 * resolve against.  Prints one line: megabytes, reports, mentions, the
 * median and best of REPS runs over every report, in ms, and a digest of
 * the mentions (FNV-1a over each one's kind, positions and reference, in
 * order; taken in a pass of its own, not timed), so that a change to the
 * core's speed can be checked to find the same mentions without the
 * database.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "annotate.h"
#include "annotate_readers.h"
#include "country.h"
#include "edtf.h"
#include "estimate.h"
#include "gazetteer.h"

static void
die(const char *what, const char *detail)
{
	fprintf(stderr, "annotate_core: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	exit(1);
}

static void *
checked_realloc(void *p, size_t size)
{
	void	   *q = realloc(p, size);

	if (q == NULL)
		die("out of memory", NULL);
	return q;
}

/*
 * Undo COPY's text escapes in place (\\, \n, \r, \t, \b, \f, \v); returns the
 * new length.  Octal and hex escapes are not produced by COPY TO for UTF-8
 * text, so they are refused rather than guessed.
 */
static size_t
copy_unescape(char *s, size_t len)
{
	size_t		o = 0;

	for (size_t i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c == '\\' && i + 1 < len)
		{
			switch (s[++i])
			{
				case '\\':
					c = '\\';
					break;
				case 'n':
					c = '\n';
					break;
				case 'r':
					c = '\r';
					break;
				case 't':
					c = '\t';
					break;
				case 'b':
					c = '\b';
					break;
				case 'f':
					c = '\f';
					break;
				case 'v':
					c = '\v';
					break;
				default:
					die("unexpected escape in COPY text", s);
			}
		}
		s[o++] = c;
	}
	return o;
}

/* Split a COPY text line into its fields (NULL for \N); returns how many. */
static int
copy_fields(char *line, char **fields, int max)
{
	int			n = 0;
	char	   *p = line;

	while (n < max)
	{
		char	   *tab = strchr(p, '\t');

		if (tab)
			*tab = '\0';
		fields[n++] = strcmp(p, "\\N") == 0 ? NULL : p;
		if (!tab)
			break;
		p = tab + 1;
	}
	return n;
}

static char *
read_line(FILE *f, char **buf, size_t *cap, size_t *len)
{
	ssize_t		n = getline(buf, cap, f);

	if (n < 0)
		return NULL;
	if (n > 0 && (*buf)[n - 1] == '\n')
		(*buf)[--n] = '\0';
	*len = (size_t) n;
	return *buf;
}

static sn_gazetteer *
load_gazetteer(const char *path)
{
	FILE	   *f = fopen(path, "r");
	sn_gazetteer *g = sn_gazetteer_new(NULL);
	sn_country_place *country_places = NULL;
	size_t		ncountry_places = 0;
	char	   *line = NULL;
	size_t		cap = 0,
				len;
	sn_error	err;

	if (f == NULL)
		die("cannot open", path);
	if (g == NULL)
		die("out of memory", NULL);
	while (read_line(f, &line, &cap, &len))
	{
		char	   *field[6];
		sn_gazetteer_ref ref;
		uint32_t	flags = 0;
		sn_lang		lang;
		size_t		name_len;

		if (copy_fields(line, field, 6) != 6)
			die("a line of names without six fields", line);
		if (field[0] == NULL)
			continue;
		ref.id = field[1] ? strtoll(field[1], NULL, 10) : 0;
		ref.country = -1;
		if (field[2])
		{
			sn_country	c;

			if (!sn_country_from_code(SN_COUNTRY_SCHEME_ISO3, field[2], strlen(field[2]), &c, &err))
				die(err.message, NULL);
			ref.country = (int32_t) c;
		}
		if (strcmp(field[0], "country") == 0)
		{
			if (ref.country < 0 || ref.id == 0)
				continue;
			country_places = checked_realloc(country_places,
											 (ncountry_places + 1) * sizeof(*country_places));
			country_places[ncountry_places].country = ref.country;
			country_places[ncountry_places].place_id = ref.id;
			ncountry_places++;
			continue;
		}
		if (field[3] == NULL)
			continue;
		ref.kind = strcmp(field[0], "actor") == 0 ? SN_REF_ACTOR : SN_REF_PLACE;
		if (field[4] && strcmp(field[4], "t") == 0)
			flags |= SN_NAME_DEMONYM;
		if (field[5] && sn_lang_from_string(field[5], strlen(field[5]), &lang))
			flags |= lang == SN_LANG_FR ? SN_NAME_LANG_FR : SN_NAME_LANG_EN;
		name_len = copy_unescape(field[3], strlen(field[3]));
		if (!sn_gazetteer_add(g, field[3], name_len, &ref, flags, &err) && err.status != SN_ERR_SYNTAX)
			die(err.message, NULL);
	}
	if (!sn_gazetteer_add_country_names(g, country_places, ncountry_places, &err) ||
		!sn_gazetteer_build(g, &err))
		die(err.message, NULL);
	free(country_places);
	free(line);
	fclose(f);
	return g;
}

typedef struct reports
{
	char	  **text;
	size_t	   *len;
	size_t		n;
	size_t		bytes;
} reports;

static void
load_reports(const char *path, reports *r)
{
	FILE	   *f = fopen(path, "r");
	char	   *line = NULL;
	size_t		cap = 0,
				len;

	if (f == NULL)
		die("cannot open", path);
	memset(r, 0, sizeof(*r));
	while (read_line(f, &line, &cap, &len))
	{
		r->text = checked_realloc(r->text, (r->n + 1) * sizeof(*r->text));
		r->len = checked_realloc(r->len, (r->n + 1) * sizeof(*r->len));
		r->len[r->n] = copy_unescape(line, len);
		r->text[r->n] = checked_realloc(NULL, r->len[r->n] + 1);
		memcpy(r->text[r->n], line, r->len[r->n]);
		r->bytes += r->len[r->n];
		r->n++;
	}
	free(line);
	fclose(f);
}

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* FNV-1a, 64 bits, over n bytes, on from h */
static uint64_t
fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * UINT64_C(0x100000001b3);
	return h;
}

/* The digest of every mention of every report (see the header) */
static uint64_t
mentions_digest(const reports *r, const sn_annotate_options *opt)
{
	uint64_t	h = UINT64_C(0xcbf29ce484222325);

	for (size_t i = 0; i < r->n; i++)
	{
		sn_mentions m = {0};
		sn_error	err;

		if (!sn_annotate(r->text[i], r->len[i], opt, &m, &err))
			die(err.message, NULL);
		for (size_t k = 0; k < m.n; k++)
		{
			const sn_mention *x = &m.items[k];
			int64_t		f[7] = {(int64_t) i, x->kind, (int64_t) x->start_char,
				(int64_t) x->end_char, (int64_t) x->start_byte, x->ref.id, x->ref.country};

			h = fnv1a(h, f, sizeof(f));
			if (x->kind == SN_MENTION_QUANTITY || x->kind == SN_MENTION_DATE)
			{
				/* the value as its type writes it */
				char		buf[256];
				sn_estimate e;
				sn_edtf		d;
				size_t		n;

				if (x->kind == SN_MENTION_QUANTITY)
				{
					memcpy(&e, x->value.bytes, sizeof(e));
					n = sn_estimate_format(&e, buf);
				}
				else
				{
					memcpy(&d, x->value.bytes, sizeof(d));
					n = sn_edtf_format(&d, buf, sizeof(buf));
				}
				h = fnv1a(h, buf, n < sizeof(buf) ? n : sizeof(buf));
			}
		}
		sn_mentions_free(opt, &m);
	}
	return h;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	sn_gazetteer *g;
	reports		r;
	sn_civil_date published;
	sn_annotate_options opt;
	int			reps;
	double	   *ms;
	size_t		mentions = 0;

	if (argc != 5 || sscanf(argv[3], "%lld-%d-%d", (long long *) &published.year,
							&published.month, &published.day) != 3 ||
		(reps = atoi(argv[4])) < 1)
		die("usage: annotate_core NAMES REPORTS YYYY-MM-DD REPS", NULL);
	g = load_gazetteer(argv[1]);
	load_reports(argv[2], &r);

	memset(&opt, 0, sizeof(opt));
	opt.lang = SN_LANG_EN;
	opt.gazetteer = g;
	sn_annotate_use_readers(&opt, &published);

	ms = checked_realloc(NULL, reps * sizeof(double));
	for (int k = 0; k < reps; k++)
	{
		double		t0 = now_ms();

		mentions = 0;
		for (size_t i = 0; i < r.n; i++)
		{
			sn_mentions m = {0};
			sn_error	err;

			if (!sn_annotate(r.text[i], r.len[i], &opt, &m, &err))
				die(err.message, NULL);
			mentions += m.n;
			sn_mentions_free(&opt, &m);
		}
		ms[k] = now_ms() - t0;
	}
	qsort(ms, reps, sizeof(double), cmp_double);
	printf("%.4f %zu %zu %.3f %.3f %016llx\n", r.bytes / 1e6, r.n, mentions, ms[reps / 2], ms[0],
		   (unsigned long long) mentions_digest(&r, &opt));

	for (size_t i = 0; i < r.n; i++)
		free(r.text[i]);
	free(r.text);
	free(r.len);
	free(ms);
	sn_gazetteer_free(g);
	return 0;
}
