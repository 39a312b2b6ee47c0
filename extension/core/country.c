/*
 * extension/core/country.c
 *
 * The country table and its lookups: by code in every scheme and by name.
 * See country.h for the value, the iteration API and the matching rules.
 */
#include "country.h"
#include "sn_binary.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "country_table.h"

/* ------------------------------------------------------------------------
 * Indexes, built once on first use.
 * ------------------------------------------------------------------------ */

#define CODE3_SPACE (26 * 26 * 26)
#define CODE2_SPACE (26 * 26)
#define NUMBER_SPACE 1000

typedef struct name_key
{
	const char *key;
	uint16_t	country;
} name_key;

static bool initialised = false;
static int16_t by_code3[CODE3_SPACE];
static int16_t by_iso2[CODE2_SPACE];
static int16_t by_fips[CODE2_SPACE];
static int16_t by_numeric[NUMBER_SPACE];
static int16_t by_gw[NUMBER_SPACE];
static int16_t by_cow[NUMBER_SPACE];

/* Folded keys of every name; at most 3 bytes per input byte plus a NUL. */
static name_key name_keys[SN_COUNTRY_NAME_COUNT];
#if SN_COUNTRY_NAME_COUNT * 2 > 4096
#error "KEY_HASH_SIZE must be at least twice the number of names"
#endif
static size_t name_key_count;
static char key_pool[SN_COUNTRY_NAME_COUNT * 3 * 64];

/* Open addressing over distinct keys: slot -> first index in name_keys. */
#define KEY_HASH_SIZE 4096
static int16_t key_hash_table[KEY_HASH_SIZE];

/* FNV-1a */
static uint32_t
key_hash(const char *k)
{
	uint32_t	h = 2166136261u;

	for (; *k; k++)
		h = (h ^ (unsigned char) *k) * 16777619u;
	return h;
}

static int
code2_slot(const char *c)
{
	char		a = c[0] & ~0x20,
				b = c[1] & ~0x20;

	if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z')
		return -1;
	return (a - 'A') * 26 + (b - 'A');
}

sn_country
sn_country_pack(const char *c)
{
	int			v = 0;

	for (int i = 0; i < 3; i++)
	{
		char		ch = c[i];

		if (ch >= 'a' && ch <= 'z')
			ch -= 'a' - 'A';
		if (ch < 'A' || ch > 'Z')
			return SN_COUNTRY_INVALID;
		v = v * 26 + (ch - 'A');
	}
	return (sn_country) v;
}

static int
compare_name_keys(const void *a, const void *b)
{
	const name_key *x = a,
			   *y = b;
	int			c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return (int) x->country - (int) y->country;
}

void
sn_country_init(void)
{
	size_t		pool_used = 0;

	if (initialised)
		return;

	memset(by_code3, 0xFF, sizeof(by_code3));
	memset(by_iso2, 0xFF, sizeof(by_iso2));
	memset(by_fips, 0xFF, sizeof(by_fips));
	memset(by_numeric, 0xFF, sizeof(by_numeric));
	memset(by_gw, 0xFF, sizeof(by_gw));
	memset(by_cow, 0xFF, sizeof(by_cow));

	for (int i = 0; i < SN_COUNTRY_TABLE_COUNT; i++)
	{
		const sn_country_info *c = &sn_country_table[i];

		by_code3[sn_country_pack(c->iso3)] = (int16_t) i;
		by_iso2[code2_slot(c->iso2)] = (int16_t) i;
		if (c->fips)
			by_fips[code2_slot(c->fips)] = (int16_t) i;
		if (c->fips_alt)
			by_fips[code2_slot(c->fips_alt)] = (int16_t) i;
		if (c->numeric)
			by_numeric[c->numeric] = (int16_t) i;
		if (c->gw)
			by_gw[c->gw] = (int16_t) i;
		if (c->cow)
			by_cow[c->cow] = (int16_t) i;
	}
	/* former states' numbers that datasets use for their successor state */
	for (int i = 0; i < SN_COUNTRY_HISTORIC_COUNT; i++)
	{
		const sn_country_historic *h = &sn_country_historic_table[i];
		int16_t		successor;

		if (!h->successor)
			continue;
		successor = by_code3[sn_country_pack(h->successor)];
		if (h->scheme == SN_COUNTRY_SCHEME_GW && by_gw[h->number] < 0)
			by_gw[h->number] = successor;
		else if (h->scheme == SN_COUNTRY_SCHEME_COW && by_cow[h->number] < 0)
			by_cow[h->number] = successor;
	}

	name_key_count = 0;
	for (int j = 0; j < SN_COUNTRY_NAME_COUNT; j++)
	{
		const sn_country_name *n = &sn_country_name_table[j];
		size_t		room = sizeof(key_pool) - pool_used;
		size_t		klen = sn_country_name_key(n->text, strlen(n->text),
											   key_pool + pool_used, room);

		/* the unit tests check that every name has a key that fits */
		if (klen == (size_t) -1 || klen == 0 || klen >= room)
			continue;
		name_keys[name_key_count].key = key_pool + pool_used;
		name_keys[name_key_count].country = (uint16_t) n->country;
		name_key_count++;
		pool_used += klen + 1;
	}
	qsort(name_keys, name_key_count, sizeof(name_key), compare_name_keys);

	/* one entry per (key, country) */
	if (name_key_count > 1)
	{
		size_t		w = 1;

		for (size_t r = 1; r < name_key_count; r++)
		{
			if (strcmp(name_keys[r].key, name_keys[w - 1].key) == 0 &&
				name_keys[r].country == name_keys[w - 1].country)
				continue;
			name_keys[w++] = name_keys[r];
		}
		name_key_count = w;
	}

	/* the hash index: one slot per distinct key, at its first entry */
	memset(key_hash_table, 0xFF, sizeof(key_hash_table));
	for (size_t r = 0; r < name_key_count; r++)
	{
		uint32_t	h;

		if (r > 0 && strcmp(name_keys[r].key, name_keys[r - 1].key) == 0)
			continue;
		h = key_hash(name_keys[r].key) & (KEY_HASH_SIZE - 1);
		while (key_hash_table[h] >= 0)
			h = (h + 1) & (KEY_HASH_SIZE - 1);
		key_hash_table[h] = (int16_t) r;
	}
	initialised = true;
}

/* ------------------------------------------------------------------------
 * Iteration.
 * ------------------------------------------------------------------------ */

size_t
sn_country_count(void)
{
	return SN_COUNTRY_TABLE_COUNT;
}

const sn_country_info *
sn_country_at(size_t i)
{
	return i < SN_COUNTRY_TABLE_COUNT ? &sn_country_table[i] : NULL;
}

sn_country
sn_country_value_at(size_t i)
{
	return i < SN_COUNTRY_TABLE_COUNT ? sn_country_pack(sn_country_table[i].iso3)
		: SN_COUNTRY_INVALID;
}

int
sn_country_index_of(sn_country c)
{
	if (c >= CODE3_SPACE)
		return -1;
	sn_country_init();
	return by_code3[c];
}

const sn_country_info *
sn_country_info_of(sn_country c)
{
	int			i = sn_country_index_of(c);

	return i < 0 ? NULL : &sn_country_table[i];
}

size_t
sn_country_name_count(void)
{
	return SN_COUNTRY_NAME_COUNT;
}

const sn_country_name *
sn_country_name_at(size_t j)
{
	return j < SN_COUNTRY_NAME_COUNT ? &sn_country_name_table[j] : NULL;
}

const char *
sn_country_region(const sn_country_info *info)
{
	return sn_country_region_names[info->region];
}

const char *
sn_country_continent(const sn_country_info *info)
{
	return sn_country_continent_names[info->region];
}

const sn_country_historic *
sn_country_find_historic(sn_country_scheme scheme, long number, const char *code)
{
	for (int i = 0; i < SN_COUNTRY_HISTORIC_COUNT; i++)
	{
		const sn_country_historic *h = &sn_country_historic_table[i];

		if (h->scheme != scheme)
			continue;
		if (scheme == SN_COUNTRY_SCHEME_FIPS)
		{
			if (code && code2_slot(code) >= 0 && code2_slot(code) == code2_slot(h->code))
				return h;
		}
		else if (h->number == number)
			return h;
	}
	return NULL;
}

/* ------------------------------------------------------------------------
 * Name keys.
 * ------------------------------------------------------------------------ */

/* Append len bytes to out (snprintf-style accounting). */
static void
key_append(char *out, size_t outsize, size_t *pos, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
	{
		if (*pos + 1 < outsize)
			out[*pos] = s[i];
		(*pos)++;
	}
}

/* A finished word: dropped, rewritten or appended. */
#define WORD_MAX 16
static void
key_word(char *out, size_t outsize, size_t *pos, const char *w, size_t wlen,
		 size_t wstart, bool spilled)
{
	static const char *const dropped[] = {"the", "and", "et", "le", "la", "les", "l"};

	if (spilled)
		return;					/* a long word was written as it came */
	for (size_t i = 0; i < sizeof(dropped) / sizeof(dropped[0]); i++)
		if (wlen == strlen(dropped[i]) && memcmp(w, dropped[i], wlen) == 0)
			return;
	if (wlen == 2 && memcmp(w, "st", 2) == 0)
		key_append(out, outsize, pos, "saint", 5);
	else if (wlen == 3 && memcmp(w, "ste", 3) == 0)
		key_append(out, outsize, pos, "sainte", 6);
	else
		key_append(out, outsize, pos, w, wlen);
	(void) wstart;
}

size_t
sn_country_name_key(const char *s, size_t len, char *out, size_t outsize)
{
	size_t		pos = 0;
	size_t		i = 0;
	char		word[WORD_MAX];
	size_t		wlen = 0;
	bool		spilled = false;	/* current word too long to be special */

	while (i < len)
	{
		uint32_t	cp;
		uint32_t	folded[SN_FOLD_MAX];
		unsigned char b = (unsigned char) s[i];
		int			n;
		int			nf;

		/* ASCII fast path: the same as folding, for the bytes names use */
		if (b != 0 && b < 0x80)
		{
			bool		alnum = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9');

			if (b >= 'A' && b <= 'Z')
			{
				b += 'a' - 'A';
				alnum = true;
			}
			i++;
			if (alnum)
			{
				if (spilled)
					key_append(out, outsize, &pos, (const char *) &b, 1);
				else if (wlen + 1 > WORD_MAX)
				{
					key_append(out, outsize, &pos, word, wlen);
					key_append(out, outsize, &pos, (const char *) &b, 1);
					spilled = true;
					wlen = 0;
				}
				else
					word[wlen++] = (char) b;
			}
			else if (wlen > 0 || spilled)
			{
				key_word(out, outsize, &pos, word, wlen, 0, spilled);
				wlen = 0;
				spilled = false;
			}
			continue;
		}
		n = sn_decode_fold(s + i, len - i, &cp, folded, &nf);
		if (n == 0 || cp == 0)
			return (size_t) -1;
		i += n;
		for (int k = 0; k < nf; k++)
		{
			if (sn_is_word_char(folded[k]))
			{
				char		enc[4];
				int			elen = sn_utf8_encode(folded[k], enc);

				if (spilled)
					key_append(out, outsize, &pos, enc, elen);
				else if (wlen + elen > WORD_MAX)
				{
					/* too long for a stop word: write what we have */
					key_append(out, outsize, &pos, word, wlen);
					key_append(out, outsize, &pos, enc, elen);
					spilled = true;
					wlen = 0;
				}
				else
				{
					memcpy(word + wlen, enc, elen);
					wlen += elen;
				}
			}
			else if (wlen > 0 || spilled)
			{
				key_word(out, outsize, &pos, word, wlen, 0, spilled);
				wlen = 0;
				spilled = false;
			}
		}
	}
	if (wlen > 0 || spilled)
		key_word(out, outsize, &pos, word, wlen, 0, spilled);
	if (outsize > 0)
		out[pos < outsize ? pos : outsize - 1] = '\0';
	return pos;
}

/* The range of name_keys equal to key: returns its length, sets *first. */
static size_t
find_key(const char *key, size_t *first)
{
	uint32_t	h;
	size_t		lo;

	sn_country_init();
	h = key_hash(key) & (KEY_HASH_SIZE - 1);
	for (;;)
	{
		int			slot = key_hash_table[h];

		if (slot < 0)
			return 0;
		if (strcmp(name_keys[slot].key, key) == 0)
			break;
		h = (h + 1) & (KEY_HASH_SIZE - 1);
	}
	lo = (size_t) key_hash_table[h];
	*first = lo;
	{
		size_t		hi = lo + 1;

		while (hi < name_key_count && strcmp(name_keys[hi].key, key) == 0)
			hi++;
		return hi - lo;
	}
}

static int
collect(const char *key, sn_country *candidates, int max)
{
	size_t		first;
	size_t		n = find_key(key, &first);

	for (size_t k = 0; k < n && (int) k < max; k++)
		candidates[k] = sn_country_pack(sn_country_table[name_keys[first + k].country].iso3);
	return (int) n;
}

/* Candidates for the key of s (0 when s has no key). */
static int
match_key_of(const char *s, size_t len, sn_country *candidates, int max)
{
	char		key[SN_COUNTRY_MAX_INPUT * 3 + 8];
	size_t		klen = sn_country_name_key(s, len, key, sizeof(key));

	if (klen == (size_t) -1 || klen == 0 || klen >= sizeof(key))
		return 0;
	return collect(key, candidates, max);
}

/* Candidates for key(a) followed by key(b): "Korea, Republic of" as "Republic of Korea". */
static int
match_swapped(const char *a, size_t alen, const char *b, size_t blen,
			  sn_country *candidates, int max)
{
	char		key[SN_COUNTRY_MAX_INPUT * 3 + 8];
	size_t		k1 = sn_country_name_key(a, alen, key, sizeof(key));
	size_t		k2;

	if (k1 == (size_t) -1 || k1 >= sizeof(key))
		return 0;
	k2 = sn_country_name_key(b, blen, key + k1, sizeof(key) - k1);
	if (k2 == (size_t) -1 || k1 + k2 == 0 || k1 + k2 >= sizeof(key))
		return 0;
	return collect(key, candidates, max);
}

static bool
is_open(char c)
{
	return c == '(' || c == '[';
}

static bool
is_close(char c)
{
	return c == ')' || c == ']';
}

/*
 * The reading rules, in order: the name as written; "A, B" as "B A" (World
 * Bank and ISO list order); "A (B)" as "B A" ("Congo (the Democratic
 * Republic of the)"); "A (B)" as "A" ("Niger (the)", "Falkland Islands
 * [Malvinas]"); "A/B" when every part names the same country.
 */
int
sn_country_match_name(const char *s, size_t len, sn_country *candidates, int max)
{
	int			n;
	const char *comma;
	const char *paren;
	const char *slash;

	if (len > SN_COUNTRY_MAX_INPUT)
		return 0;
	n = match_key_of(s, len, candidates, max);
	if (n > 0)
		return n;

	comma = memchr(s, ',', len);
	if (comma && !memchr(comma + 1, ',', len - (comma + 1 - s)))
	{
		n = match_swapped(comma + 1, len - (comma + 1 - s), s, comma - s, candidates, max);
		if (n > 0)
			return n;
	}

	paren = NULL;
	for (size_t i = 0; i < len && !paren; i++)
		if (is_open(s[i]))
			paren = s + i;
	if (paren)
	{
		char		plain[SN_COUNTRY_MAX_INPUT + 1];
		char		inner[SN_COUNTRY_MAX_INPUT + 1];
		size_t		plen = 0,
					ilen = 0;
		int			depth = 0,
					groups = 0;

		for (size_t i = 0; i < len; i++)
		{
			if (is_open(s[i]))
			{
				if (depth++ == 0)
					groups++;
			}
			else if (is_close(s[i]) && depth > 0)
				depth--;
			else if (depth == 0)
				plain[plen++] = s[i];
			else
				inner[ilen++] = s[i];
		}
		if (groups == 1)
		{
			n = match_swapped(inner, ilen, plain, plen, candidates, max);
			if (n > 0)
				return n;
		}
		n = match_key_of(plain, plen, candidates, max);
		if (n > 0)
			return n;
	}

	slash = memchr(s, '/', len);
	if (slash)
	{
		sn_country	first = SN_COUNTRY_INVALID;
		const char *p = s;
		const char *end = s + len;

		while (p <= end)
		{
			const char *q = memchr(p, '/', end - p);
			sn_country	c;

			if (!q)
				q = end;
			if (sn_country_match_name(p, q - p, &c, 1) != 1 ||
				(first != SN_COUNTRY_INVALID && c != first))
				return 0;
			first = c;
			p = q + 1;
		}
		if (max > 0)
			candidates[0] = first;
		return 1;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Codes.
 * ------------------------------------------------------------------------ */

static const char *
scheme_label(sn_country_scheme scheme)
{
	switch (scheme)
	{
		case SN_COUNTRY_SCHEME_ISO2:
			return "ISO 3166-1 alpha-2 code";
		case SN_COUNTRY_SCHEME_ISO3:
			return "ISO 3166-1 alpha-3 code";
		case SN_COUNTRY_SCHEME_NUMERIC:
			return "ISO 3166-1 numeric code";
		case SN_COUNTRY_SCHEME_FIPS:
			return "FIPS 10-4 country code";
		case SN_COUNTRY_SCHEME_GW:
			return "Gleditsch-Ward country number";
		case SN_COUNTRY_SCHEME_COW:
			return "Correlates of War country number";
	}
	return "country code";
}

static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && (**s == ' ' || **s == '\t' || **s == '\n' || **s == '\r'))
	{
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t' ||
						(*s)[*len - 1] == '\n' || (*s)[*len - 1] == '\r'))
		(*len)--;
}

static bool
found(int idx, sn_country *out)
{
	if (idx < 0)
		return false;
	*out = sn_country_pack(sn_country_table[idx].iso3);
	return true;
}

/* Hint for a two-letter code that is not what the caller's scheme expected. */
static void
hint_other_two_letter(sn_error *err, const char *code, sn_country_scheme asked)
{
	int			slot = code2_slot(code);
	char		c[3] = {code[0] & ~0x20, code[1] & ~0x20, 0};

	if (slot < 0)
		return;
	if (asked == SN_COUNTRY_SCHEME_ISO2 && by_fips[slot] >= 0)
	{
		const sn_country_info *f = &sn_country_table[by_fips[slot]];

		sn_error_hint(err, "\"%s\" is the FIPS 10-4 code (used by GDELT) of %s (%s): "
					  "read FIPS codes with country_from_fips().", c, f->name_en, f->iso3);
	}
	else if (asked == SN_COUNTRY_SCHEME_FIPS && by_iso2[slot] >= 0)
	{
		const sn_country_info *f = &sn_country_table[by_iso2[slot]];

		sn_error_hint(err, "\"%s\" is the ISO 3166-1 alpha-2 code of %s (%s): "
					  "cast ISO codes to country instead.", c, f->name_en, f->iso3);
	}
}

bool
sn_country_from_code(sn_country_scheme scheme, const char *s, size_t len,
					 sn_country *out, sn_error *err)
{
	char		q[64];
	const sn_country_historic *h;

	sn_country_init();
	trim(&s, &len);
	switch (scheme)
	{
		case SN_COUNTRY_SCHEME_ISO2:
		case SN_COUNTRY_SCHEME_FIPS:
			if (len == 2 && code2_slot(s) >= 0)
			{
				int			slot = code2_slot(s);

				if (found(scheme == SN_COUNTRY_SCHEME_ISO2 ? by_iso2[slot] : by_fips[slot], out))
					return true;
				sn_error_set(err, SN_ERR_NOT_FOUND, 0, "unknown %s: \"%s\"",
							 scheme_label(scheme), sn_quote_input(q, sizeof(q), s, len));
				if ((h = sn_country_find_historic(scheme, 0, s)) != NULL)
					sn_error_hint(err, "\"%c%c\" stands for a former entity: %s.", s[0] & ~0x20, s[1] & ~0x20, h->name);
				else
					hint_other_two_letter(err, s, scheme);
				return false;
			}
			break;
		case SN_COUNTRY_SCHEME_ISO3:
			if (len == 3)
			{
				sn_country v = sn_country_pack(s);

				if (v != SN_COUNTRY_INVALID && found(by_code3[v], out))
					return true;
			}
			break;
		case SN_COUNTRY_SCHEME_NUMERIC:
		case SN_COUNTRY_SCHEME_GW:
		case SN_COUNTRY_SCHEME_COW:
			{
				long		v = 0;
				size_t		i;

				for (i = 0; i < len && s[i] >= '0' && s[i] <= '9' && v < 100000; i++)
					v = v * 10 + (s[i] - '0');
				if (len > 0 && i == len)
					return sn_country_from_number(scheme, v, out, err);
			}
			break;
	}
	return sn_error_set(err, SN_ERR_NOT_FOUND, 0, "unknown %s: \"%s\"",
						scheme_label(scheme), sn_quote_input(q, sizeof(q), s, len));
}

bool
sn_country_from_number(sn_country_scheme scheme, long number, sn_country *out, sn_error *err)
{
	const int16_t *map;
	const sn_country_historic *h;

	sn_country_init();
	switch (scheme)
	{
		case SN_COUNTRY_SCHEME_NUMERIC:
			map = by_numeric;
			break;
		case SN_COUNTRY_SCHEME_GW:
			map = by_gw;
			break;
		case SN_COUNTRY_SCHEME_COW:
			map = by_cow;
			break;
		default:
			return sn_error_set(err, SN_ERR_INVALID_PARAMETER, -1,
								"%s is not a numeric scheme", scheme_label(scheme));
	}
	if (number > 0 && number < NUMBER_SPACE && found(map[number], out))
		return true;
	sn_error_set(err, SN_ERR_NOT_FOUND, -1, "unknown %s: %ld", scheme_label(scheme), number);
	if ((h = sn_country_find_historic(scheme, number, NULL)) != NULL)
		sn_error_hint(err, "%ld stands for a former state without an ISO 3166-1 code: %s.",
					  number, h->name);
	return false;
}

/* ------------------------------------------------------------------------
 * Suggestions for unknown names: the nearest keys by edit distance.
 * ------------------------------------------------------------------------ */

/* Levenshtein distance of a and b, or max + 1 if it exceeds max. */
static int
bounded_distance(const char *a, size_t la, const char *b, size_t lb, int max)
{
	int			row[SN_COUNTRY_MAX_INPUT * 3 + 8];

	if (la > lb ? la - lb > (size_t) max : lb - la > (size_t) max)
		return max + 1;
	if (lb + 1 > sizeof(row) / sizeof(row[0]))
		return max + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int) j;
	for (size_t i = 1; i <= la; i++)
	{
		int			diag = row[0],
					best;

		row[0] = (int) i;
		best = row[0];
		for (size_t j = 1; j <= lb; j++)
		{
			int			up = row[j];
			int			v = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			diag = up;
			row[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
	}
	return row[lb] <= max ? row[lb] : max + 1;
}

/*
 * Up to max countries whose names are nearest to s (at most 1 edit for keys
 * of 4-7 bytes, 2 beyond; none for shorter); returns how many.
 */
static int
suggest(const char *s, size_t len, sn_country *out, int max)
{
	char		key[SN_COUNTRY_MAX_INPUT * 3 + 8];
	size_t		klen = sn_country_name_key(s, len, key, sizeof(key));
	int			limit,
				n = 0;

	if (klen == (size_t) -1 || klen < 4 || klen >= sizeof(key))
		return 0;
	limit = klen < 8 ? 1 : 2;
	for (int d = 1; d <= limit && n == 0; d++)
		for (size_t r = 0; r < name_key_count; r++)
		{
			sn_country	c = sn_country_pack(sn_country_table[name_keys[r].country].iso3);
			bool		dup = false;

			if (bounded_distance(key, klen, name_keys[r].key, strlen(name_keys[r].key), d) != d)
				continue;
			for (int k = 0; k < n; k++)
				dup |= out[k] == c;
			if (!dup && n < max)
				out[n++] = c;
		}
	return n;
}

/* ------------------------------------------------------------------------
 * Text input.
 * ------------------------------------------------------------------------ */

static bool
all_ascii(const char *s, size_t len, bool (*pred) (uint32_t))
{
	for (size_t i = 0; i < len; i++)
		if (!pred((unsigned char) s[i]))
			return false;
	return len > 0;
}

static bool
all_ascii_bytes(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char) s[i] >= 0x80)
			return false;
	return true;
}

static bool
is_digit(uint32_t c)
{
	return sn_is_ascii_digit(c);
}

static bool
is_alpha(uint32_t c)
{
	return sn_is_ascii_alpha(c);
}

/*
 * A hint that lists countries: lead, then "A, B or C", then tail.  The first
 * shown of total countries are listed (an ambiguous name may have more
 * candidates than are kept), each as its code then its name, or its name then
 * its code; the list is cut where the hint is full.
 */
static void
hint_countries(sn_error *err, const char *lead, const sn_country *list, int shown, int total,
			   bool code_first, const char *tail)
{
	char		hint[SN_ERROR_HINT_LEN];
	size_t		hl = snprintf(hint, sizeof(hint), "%s", lead);

	for (int k = 0; k < shown && hl < sizeof(hint); k++)
	{
		const sn_country_info *c = sn_country_info_of(list[k]);

		hl += snprintf(hint + hl, sizeof(hint) - hl, "%s%s (%s)",
					   k == 0 ? "" : (k == total - 1 ? " or " : ", "),
					   code_first ? c->iso3 : c->name_en, code_first ? c->name_en : c->iso3);
	}
	if (hl < sizeof(hint))
		snprintf(hint + hl, sizeof(hint) - hl, "%s", tail);
	sn_error_hint(err, "%s", hint);
}

bool
sn_country_parse(const char *s, size_t len, sn_country *out, sn_error *err)
{
	char		q[96];
	sn_country	cand[SN_COUNTRY_MAX_CANDIDATES];
	int			n;
	sn_error	scratch;
	bool		quiet = err == NULL;

	if (quiet)
	{
		err = &scratch;
		sn_error_clear(err);
	}
	sn_country_init();
	trim(&s, &len);
	if (len == 0)
		return sn_error_set(err, SN_ERR_SYNTAX, 0,
							"invalid input syntax for type country: \"\"");
	if (memchr(s, '\0', len))
		return sn_error_set(err, SN_ERR_SYNTAX, 0,
							"invalid input syntax for type country: NUL character");

	/* numbers are ISO 3166-1 numeric codes */
	if (all_ascii(s, len, is_digit))
	{
		long		v = 0;

		for (size_t i = 0; i < len && v < 100000; i++)
			v = v * 10 + (s[i] - '0');
		if (v > 0 && v < NUMBER_SPACE && found(by_numeric[v], out))
			return true;
		sn_error_set(err, SN_ERR_NOT_FOUND, 0, "unknown ISO 3166-1 numeric code: \"%s\"",
					 sn_quote_input(q, sizeof(q), s, len));
		sn_error_hint(err, "Numbers are read as ISO 3166-1 numeric codes; use "
					  "country_from_gw() or country_from_cow() for Gleditsch-Ward or "
					  "Correlates of War numbers.");
		return false;
	}

	if (len == 2 && all_ascii(s, len, is_alpha) && found(by_iso2[code2_slot(s)], out))
		return true;
	if (len == 3 && all_ascii(s, len, is_alpha) && found(by_code3[sn_country_pack(s)], out))
		return true;

	/*
	 * Invalid UTF-8 anywhere is an error, even where a reading rule would
	 * drop that part ("Congo (<invalid bytes>)" read as "Congo").
	 */
	if (!all_ascii_bytes(s, len) && sn_fold_string(s, len, NULL, 0) == (size_t) -1)
		return sn_error_set(err, SN_ERR_SYNTAX, -1,
							"invalid input syntax for type country: not valid UTF-8");
	n = sn_country_match_name(s, len, cand, SN_COUNTRY_MAX_CANDIDATES);
	if (n == 1)
	{
		*out = cand[0];
		return true;
	}
	if (n > 1)
	{
		sn_error_set(err, SN_ERR_AMBIGUOUS, 0, "ambiguous country name: \"%s\"",
					 sn_quote_input(q, sizeof(q), s, len));
		hint_countries(err, "It may mean ", cand, n < SN_COUNTRY_MAX_CANDIDATES ? n : SN_COUNTRY_MAX_CANDIDATES,
					   n, true, ": write the code or a fuller name.");
		return false;
	}

	if (len == 2 && all_ascii(s, len, is_alpha))
	{
		sn_error_set(err, SN_ERR_NOT_FOUND, 0, "unknown ISO 3166-1 alpha-2 code: \"%s\"",
					 sn_quote_input(q, sizeof(q), s, len));
		hint_other_two_letter(err, s, SN_COUNTRY_SCHEME_ISO2);
		return false;
	}
	sn_error_set(err, SN_ERR_NOT_FOUND, 0, "unknown country: \"%s\"",
				 sn_quote_input(q, sizeof(q), s, len));
	{
		sn_country	near[3];
		int			k = quiet ? 0 : suggest(s, len, near, 3);

		if (k > 0)
		{
			hint_countries(err, "Did you mean ", near, k, k, false, "?");
			return false;
		}
	}
	sn_error_hint(err, "Write an ISO 3166-1 code (alpha-2, alpha-3 or numeric) or an "
				  "English or French name; countries() lists them.");
	return false;
}

/* ------------------------------------------------------------------------
 * Binary form (send/receive)
 */

static const char country_layout[] =
	"A country is sent as the three upper-case ASCII letters of its ISO 3166-1 alpha-3 code.";

size_t
sn_country_encode(sn_country c, char out[SN_COUNTRY_BINARY_SIZE])
{
	memcpy(out, sn_country_info_of(c)->iso3, SN_COUNTRY_BINARY_SIZE);
	return SN_COUNTRY_BINARY_SIZE;
}

bool
sn_country_decode(const char *in, size_t len, sn_country *out, sn_error *err)
{
	sn_country	c;

	if (!sn_binary_check_length(err, "country", country_layout, len, SN_COUNTRY_BINARY_SIZE, false))
		return false;
	c = sn_country_pack(in);
	if (c == SN_COUNTRY_INVALID || ((in[0] | in[1] | in[2]) & 0x20) != 0 || !sn_country_is_valid(c))
		return sn_binary_error(err, "country", country_layout,
							   "not an upper-case ISO 3166-1 alpha-3 code of the table");
	*out = c;
	return true;
}
