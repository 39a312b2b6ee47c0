/*
 * extension/core/gazetteer.c
 *
 * Names with references, their running-text forms, and the longest-match
 * selection over the matcher's hits; see gazetteer.h.
 */
#include "gazetteer.h"

#include <stdlib.h>
#include <string.h>

#include "country.h"
#include "sn_words.h"

typedef struct gz_name
{
	const char *name;			/* in the arena */
	size_t		len;
	uint32_t	ref;			/* index into refs */
	uint32_t	flags;			/* SN_MATCHER_*, and GZ_REMOVED */
} gz_name;

/* In gz_name.flags of a delta: the form is removed, not added. */
#define GZ_REMOVED 0x80000000u

typedef struct gz_block
{
	struct gz_block *next;
	size_t		used;
	size_t		size;
	char		data[];
} gz_block;

struct sn_gazetteer
{
	sn_allocator alloc;
	gz_block   *arena;
	gz_name    *names;
	size_t		nnames;
	size_t		names_cap;
	sn_gazetteer_ref *refs;
	size_t		nrefs;
	size_t		refs_cap;
	sn_matcher *matcher;

	/*
	 * A delta (sn_gazetteer_build_delta): the gazetteer it changes, and the
	 * keys of base whose entries it replaces (sorted): hits of those keys in
	 * base are dropped, this gazetteer's matcher has the keys' entries as
	 * they are after the changes.
	 */
	const sn_gazetteer *base;
	uint32_t   *suppressed;
	size_t		nsuppressed;
	size_t		nadded;			/* names given to sn_gazetteer_add / _remove */
	size_t		nremoved;
};

/*
 * A matcher payload holds the reference itself when it fits, so that a hit
 * needs no look-up in refs (one cache miss per hit fewer, with names spread
 * over a large gazetteer): bit 63 set, the kind in bit 62, country + 1 in
 * bits 46..61, and the id, from 0 to 2^46 - 1, below.  Otherwise the payload
 * is the reference's index in refs, with bit 63 clear.
 */
/*
 * A name written without a capital letter ("civilians", "civils"): a common
 * noun, which names no country even when its actor belongs to one.  Kept
 * with the matcher's flags of the name (the matcher stores and returns them),
 * reported as sn_name_mention.common.
 */
#define GZ_COMMON_NOUN 0x0100u

/*
 * A name that is a word of the grammar (sn_name_function_word: "De", "La",
 * "To", villages): found only written with a capital and not at the start
 * of a sentence, where every such word has one ("De nombreux civils...").
 */
#define GZ_FUNCTION_WORD 0x0200u

/* Does the name hold no upper-case letter? */
static bool
common_noun(const char *name, size_t len)
{
	for (size_t i = 0; i < len; i++)
	{
		unsigned char b = (unsigned char) name[i];

		if (b >= 'A' && b <= 'Z')
			return false;
		if (b >= 0xC0 && sn_matcher_first_upper(name + i, len - i))
			return false;
	}
	return len > 0;
}

#define PAYLOAD_PACKED (UINT64_C(1) << 63)
#define PAYLOAD_KIND_SHIFT 62
#define PAYLOAD_COUNTRY_SHIFT 46
#define PAYLOAD_ID_MAX ((INT64_C(1) << PAYLOAD_COUNTRY_SHIFT) - 1)

static uint64_t
payload_of(const sn_gazetteer_ref *ref, uint32_t index)
{
	if (ref->id >= 0 && ref->id <= PAYLOAD_ID_MAX &&
		ref->country >= -1 && ref->country < 0xFFFF &&
		(ref->kind == SN_REF_PLACE || ref->kind == SN_REF_ACTOR))
		return PAYLOAD_PACKED | ((uint64_t) ref->kind << PAYLOAD_KIND_SHIFT) |
			((uint64_t) (ref->country + 1) << PAYLOAD_COUNTRY_SHIFT) | (uint64_t) ref->id;
	return index;
}

static inline sn_gazetteer_ref
ref_of(const sn_gazetteer *g, uint64_t payload)
{
	sn_gazetteer_ref r;

	if (!(payload & PAYLOAD_PACKED))
		return g->refs[payload];
	r.kind = (sn_ref_kind) ((payload >> PAYLOAD_KIND_SHIFT) & 1);
	r.country = (int32_t) ((payload >> PAYLOAD_COUNTRY_SHIFT) & 0xFFFF) - 1;
	r.id = (int64_t) (payload & (uint64_t) PAYLOAD_ID_MAX);
	return r;
}

static bool
gz_oom(sn_error *err)
{
	return sn_error_set(err, SN_ERR_INVALID_PARAMETER, -1,
						"out of memory while building the gazetteer");
}

/* Grow an array of elem-sized items, too small for need items, to hold them. */
static bool
gz_grow_to(const sn_allocator *a, void **arr, size_t *cap, size_t need, size_t elem)
{
	size_t		ncap = *cap ? *cap : 64;
	void	   *n;

	while (ncap < need)
		ncap *= 2;
	n = a->alloc(a->ctx, ncap * elem);
	if (!n)
		return false;
	if (*arr)
	{
		memcpy(n, *arr, *cap * elem);
		a->free(a->ctx, *arr);
	}
	*arr = n;
	*cap = ncap;
	return true;
}

/*
 * Grow an array of elem-sized items to hold at least need items; most
 * calls (one per hit of a scan) find the room there, without a call.
 */
static inline bool
gz_grow(const sn_allocator *a, void **arr, size_t *cap, size_t need, size_t elem)
{
	return need <= *cap || gz_grow_to(a, arr, cap, need, elem);
}

static const char *
gz_copy(sn_gazetteer *g, const char *s, size_t len, const char *suffix)
{
	size_t		sl = suffix ? strlen(suffix) : 0;
	size_t		need = len + sl + 1;
	char	   *out;

	if (!g->arena || g->arena->size - g->arena->used < need)
	{
		size_t		size = need > 60000 ? need : 60000;
		gz_block   *b = g->alloc.alloc(g->alloc.ctx, sizeof(gz_block) + size);

		if (!b)
			return NULL;
		b->next = g->arena;
		b->used = 0;
		b->size = size;
		g->arena = b;
	}
	out = g->arena->data + g->arena->used;
	memcpy(out, s, len);
	if (sl)
		memcpy(out + len, suffix, sl);
	out[len + sl] = '\0';
	g->arena->used += need;
	return out;
}

sn_gazetteer *
sn_gazetteer_new(const sn_allocator *alloc)
{
	const sn_allocator *a = alloc ? alloc : &sn_malloc_allocator;
	sn_gazetteer *g = a->alloc(a->ctx, sizeof(sn_gazetteer));

	if (!g)
		return NULL;
	memset(g, 0, sizeof(*g));
	g->alloc = *a;
	return g;
}

void
sn_gazetteer_free(sn_gazetteer *g)
{
	sn_allocator a;

	if (!g)
		return;
	a = g->alloc;
	sn_matcher_free(g->matcher);
	while (g->arena)
	{
		gz_block   *next = g->arena->next;

		a.free(a.ctx, g->arena);
		g->arena = next;
	}
	sn_free(&a, g->names);
	sn_free(&a, g->refs);
	sn_free(&a, g->suppressed);
	a.free(a.ctx, g);
}

/*
 * Is the name an acronym written in capitals: 2 to 8 characters, no space,
 * no lower-case letter, at least one upper-case letter?
 */
static bool
is_acronym(const char *s, size_t len)
{
	size_t		i = 0,
				chars = 0;
	bool		upper = false;

	while (i < len)
	{
		sn_folded_char c;

		if (sn_fold_at(s, len, i, &c) == 0)
			return false;
		if (c.nf > 0 && sn_is_space(c.f[0]))
			return false;
		if (c.nf > 0 && c.f[0] != c.cp && sn_is_word_char(c.f[0]) && c.cp < 0x2000)
			upper = true;
		chars++;
		i += c.n;
	}
	return upper && chars >= 2 && chars <= 8 && !sn_matcher_has_lower(s, len);
}

/* Is the folded first character at text[i] a word character? */
static bool
word_char_at(const char *text, size_t len, size_t i)
{
	sn_folded_char c;

	return i < len && sn_fold_at(text, len, i, &c) > 0 && c.nf > 0 && sn_is_word_char(c.f[0]);
}

/*
 * The name without the apostrophes that stand between two word characters
 * ("N’Djamena" -> "NDjamena"), written to out; returns its length, or 0 when
 * the name has no such apostrophe or does not fit.  The name key drops every
 * apostrophe (sn_name_key); text read by annotate() keeps them as gaps, so the
 * gazetteer holds both forms of such a name.
 */
static size_t
without_inner_apostrophes(const char *s, size_t len, char *out, size_t outsize)
{
	size_t		i = 0,
				o = 0;
	bool		dropped = false,
				prev_word = false;

	while (i < len)
	{
		sn_folded_char c;

		if (sn_fold_at(s, len, i, &c) == 0)
			return 0;
		if (c.nf == 1 && c.f[0] == '\'' && prev_word && i + c.n < len)
		{
			if (word_char_at(s, len, i + c.n))
			{
				dropped = true;
				i += c.n;
				continue;
			}
		}
		if (o + c.n >= outsize)
			return 0;
		memcpy(out + o, s + i, c.n);
		o += c.n;
		if (c.nf > 0)
			prev_word = sn_is_word_char(c.f[c.nf - 1]);
		i += c.n;
	}
	return dropped ? o : 0;
}

static bool
add_form(sn_gazetteer *g, const char *name, size_t len, const char *suffix,
		 uint32_t ref, uint32_t mflags)
{
	const char *copy = gz_copy(g, name, len, suffix);

	if (!copy)
		return false;
	if (!gz_grow(&g->alloc, (void **) &g->names, &g->names_cap, g->nnames + 1, sizeof(gz_name)))
		return false;
	g->names[g->nnames].name = copy;
	g->names[g->nnames].len = len + (suffix ? strlen(suffix) : 0);
	g->names[g->nnames].ref = ref;
	g->names[g->nnames].flags = mflags;
	g->nnames++;
	return true;
}

static bool
ends_with(const char *folded, size_t n, const char *suffix)
{
	size_t		sl = strlen(suffix);

	return n >= sl && memcmp(folded + n - sl, suffix, sl) == 0;
}

/*
 * The running-text forms of a demonym, as suffixes to append:
 *   English: the plural ("Malians"), except after s, x, z, sh, ch
 *            ("French", "Swiss" have none);
 *   French:  feminine and plurals: -en → -enne, -ens, -ennes ("malienne");
 *            -ais/-ois → -aise(s); -e → -es; -s/-x: none; else -e, -s, -es.
 */
static int
demonym_suffixes(const char *folded, size_t n, uint32_t flags, const char *out[4])
{
	int			k = 0;
	bool		en = (flags & SN_NAME_LANG_EN) || !(flags & SN_NAME_LANG_FR);
	bool		fr = (flags & SN_NAME_LANG_FR) || !(flags & SN_NAME_LANG_EN);
	char		last = n ? folded[n - 1] : '\0';

	if (!((last >= 'a' && last <= 'z') || (unsigned char) last >= 0x80))
		return 0;
	if (en && !(last == 's' || last == 'x' || last == 'z' ||
				ends_with(folded, n, "sh") || ends_with(folded, n, "ch")))
		out[k++] = "s";
	if (fr)
	{
		if (ends_with(folded, n, "en"))
		{
			out[k++] = "ne";
			if (!en)
				out[k++] = "s";
			out[k++] = "nes";
		}
		else if (ends_with(folded, n, "ais") || ends_with(folded, n, "ois"))
		{
			out[k++] = "e";
			out[k++] = "es";
		}
		else if (last == 'e')
		{
			if (!en)
				out[k++] = "s";
		}
		else if (last != 's' && last != 'x')
		{
			out[k++] = "e";
			if (!en)
				out[k++] = "s";
			out[k++] = "es";
		}
	}
	return k;
}

static bool
gz_add(sn_gazetteer *g, const char *name, size_t len,
	   const sn_gazetteer_ref *ref, uint32_t flags, bool removed, sn_error *err)
{
	uint32_t	mflags = 0;
	uint32_t	ri;

	sn_error_clear(err);
	if (g->matcher)
		return sn_error_set(err, SN_ERR_INVALID_PARAMETER, -1,
							"the gazetteer is already built");
	if (sn_fold_string(name, len, NULL, 0) == (size_t) -1)
	{
		char		q[64];

		return sn_error_set(err, SN_ERR_SYNTAX, -1, "invalid UTF-8 in name \"%s\"",
							sn_quote_input(q, sizeof(q), name, len));
	}
	if (!(flags & SN_NAME_NO_ACRONYM) && is_acronym(name, len))
		mflags |= SN_MATCHER_UPPER;
	if (flags & SN_NAME_CAPITALISED)
		mflags |= SN_MATCHER_CAPITAL;
	if (common_noun(name, len))
		mflags |= GZ_COMMON_NOUN;
	if (sn_name_function_word(name, len) != SN_NOT_FUNCTION_WORD)
		mflags |= SN_MATCHER_CAPITAL | GZ_FUNCTION_WORD;
	if (removed)
	{
		mflags |= GZ_REMOVED;
		g->nremoved++;
	}
	else
		g->nadded++;
	if (!gz_grow(&g->alloc, (void **) &g->refs, &g->refs_cap, g->nrefs + 1, sizeof(sn_gazetteer_ref)))
		return gz_oom(err);
	ri = (uint32_t) g->nrefs;
	g->refs[g->nrefs++] = *ref;
	if (!add_form(g, name, len, NULL, ri, mflags))
		return gz_oom(err);
	{
		char		joined[4 * SN_MATCHER_MAX_KEY];
		size_t		jn = without_inner_apostrophes(name, len, joined, sizeof(joined));

		if (jn > 0 && !add_form(g, joined, jn, NULL, ri, mflags))
			return gz_oom(err);
	}
	if ((flags & SN_NAME_DEMONYM) && !(mflags & SN_MATCHER_UPPER))
	{
		char		folded[256];
		size_t		n = sn_fold_string(name, len, folded, sizeof(folded));
		const char *suffixes[4];
		int			k;

		if (n < sizeof(folded))
		{
			/* trailing punctuation or space: no forms */
			k = demonym_suffixes(folded, n, flags, suffixes);
			for (int i = 0; i < k; i++)
				if (!add_form(g, name, len, suffixes[i], ri, mflags))
					return gz_oom(err);
		}
	}
	return true;
}

bool
sn_gazetteer_add(sn_gazetteer *g, const char *name, size_t len,
				 const sn_gazetteer_ref *ref, uint32_t flags, sn_error *err)
{
	return gz_add(g, name, len, ref, flags, false, err);
}

bool
sn_gazetteer_remove(sn_gazetteer *g, const char *name, size_t len,
					const sn_gazetteer_ref *ref, uint32_t flags, sn_error *err)
{
	return gz_add(g, name, len, ref, flags, true, err);
}

bool
sn_gazetteer_add_country_names(sn_gazetteer *g, const sn_country_place *places, size_t n,
							   sn_error *err)
{
	size_t		count = sn_country_name_count();

	for (size_t j = 0; j < count; j++)
	{
		const sn_country_name *cn = sn_country_name_at(j);
		sn_gazetteer_ref ref;

		ref.kind = SN_REF_PLACE;
		ref.id = 0;
		ref.country = sn_country_value_at(cn->country);
		for (size_t k = 0; k < n; k++)
			if (places[k].country == ref.country)
				ref.id = places[k].place_id;
		if (!sn_gazetteer_add(g, cn->text, strlen(cn->text), &ref,
							  SN_NAME_CAPITALISED | (cn->lang == SN_LANG_FR ? SN_NAME_LANG_FR : SN_NAME_LANG_EN),
							  err))
			return false;
	}
	return true;
}

bool
sn_gazetteer_build(sn_gazetteer *g, sn_error *err)
{
	sn_matcher_entry *e;

	sn_error_clear(err);
	if (g->matcher)
		return true;
	if (g->nremoved > 0)
		return sn_error_set(err, SN_ERR_INVALID_PARAMETER, -1,
							"a gazetteer with removed names is built as a delta of another");
	e = g->alloc.alloc(g->alloc.ctx, (g->nnames ? g->nnames : 1) * sizeof(sn_matcher_entry));
	if (!e)
		return gz_oom(err);
	for (size_t i = 0; i < g->nnames; i++)
	{
		e[i].name = g->names[i].name;
		e[i].len = g->names[i].len;
		e[i].payload = payload_of(&g->refs[g->names[i].ref], g->names[i].ref);
		e[i].flags = g->names[i].flags;
	}
	g->matcher = sn_matcher_build(e, g->nnames, &g->alloc, err);
	g->alloc.free(g->alloc.ctx, e);
	return g->matcher != NULL;
}

/* One form of a delta, with its key (for sorting forms by key). */
typedef struct gz_keyed
{
	size_t		off;			/* the key, in the key store */
	uint32_t	len;
	uint32_t	form;			/* in names */
} gz_keyed;

static const uint8_t *gz_key_store;	/* for gz_keyed_cmp (building is not re-entered) */

static int
gz_keyed_cmp(const void *pa, const void *pb)
{
	const gz_keyed *a = pa,
			   *b = pb;
	int			c;

	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	c = memcmp(gz_key_store + a->off, gz_key_store + b->off, a->len);
	if (c != 0)
		return c;
	return a->form < b->form ? -1 : a->form > b->form;
}

static int
u32_cmp(const void *pa, const void *pb)
{
	uint32_t	a = *(const uint32_t *) pa,
				b = *(const uint32_t *) pb;

	return a < b ? -1 : a > b;
}

static int	ref_cmp(const sn_gazetteer_ref *a, const sn_gazetteer_ref *b);

/* One (reference, flags) of a key, with the number of entries that give it. */
typedef struct gz_eff
{
	sn_gazetteer_ref ref;
	uint32_t	flags;
	int64_t		count;
} gz_eff;

/* What building a delta works with (sn_gazetteer_build_delta). */
typedef struct gz_delta_build
{
	const sn_allocator *a;
	gz_keyed   *items;			/* every form with a key, sorted by key */
	size_t		nitems;
	uint8_t    *store;			/* the items' keys */
	size_t		store_len;
	size_t		store_cap;
	gz_eff	   *eff;			/* the (reference, flags) of the key at hand */
	size_t		neff;
	size_t		eff_cap;
	sn_matcher_entry *entries;	/* the delta's matcher entries */
	sn_gazetteer_ref *refs;		/* and their references */
	size_t		nentries;
	size_t		entries_cap;
	size_t		refs_cap;
	size_t		supp_cap;		/* of the delta's suppressed */
} gz_delta_build;

/* Room in the key store for one more key; false when out of memory. */
static bool
reserve_key_space(gz_delta_build *b)
{
	size_t		nc;
	uint8_t    *ns;

	if (b->store_cap - b->store_len >= SN_MATCHER_MAX_KEY)
		return true;
	nc = b->store_cap ? b->store_cap * 2 : 16384;
	ns = b->a->alloc(b->a->ctx, nc);
	if (!ns)
		return false;
	if (b->store)
	{
		memcpy(ns, b->store, b->store_len);
		b->a->free(b->a->ctx, b->store);
	}
	b->store = ns;
	b->store_cap = nc;
	return true;
}

/*
 * Every form of the delta with its key, sorted by key (then by form), into
 * b->items, so that the forms of one key are together.  A name that no
 * matcher keeps (an empty key) is left out.
 */
static bool
sort_forms_by_key(gz_delta_build *b, const sn_gazetteer *d, sn_error *err)
{
	b->items = b->a->alloc(b->a->ctx, (d->nnames ? d->nnames : 1) * sizeof(gz_keyed));
	if (!b->items)
		return gz_oom(err);
	for (size_t i = 0; i < d->nnames; i++)
	{
		long		n;

		if (!reserve_key_space(b))
			return gz_oom(err);
		n = sn_matcher_key(d->names[i].name, d->names[i].len, b->store + b->store_len,
						   SN_MATCHER_MAX_KEY);
		if (n < 0)
		{
			char		q[64];

			return sn_error_set(err, SN_ERR_SYNTAX, -1, "invalid UTF-8 in name \"%s\"",
								sn_quote_input(q, sizeof(q), d->names[i].name, d->names[i].len));
		}
		if (n == 0)
			continue;
		b->items[b->nitems].off = b->store_len;
		b->items[b->nitems].len = (uint32_t) n;
		b->items[b->nitems].form = (uint32_t) i;
		b->nitems++;
		b->store_len += (size_t) n;
	}
	gz_key_store = b->store;
	qsort(b->items, b->nitems, sizeof(gz_keyed), gz_keyed_cmp);
	return true;
}

/* The end of the run of items from i that have item i's key. */
static size_t
key_run_end(const gz_delta_build *b, size_t i)
{
	const uint8_t *key = b->store + b->items[i].off;
	size_t		j = i;

	while (j < b->nitems && b->items[j].len == b->items[i].len &&
		   memcmp(b->store + b->items[j].off, key, b->items[i].len) == 0)
		j++;
	return j;
}

/*
 * The key's (reference, flags) r and flags among b->eff, added with a count
 * of 0 when not there yet; NULL when out of memory.
 */
static gz_eff *
eff_of(gz_delta_build *b, const sn_gazetteer_ref *r, uint32_t flags)
{
	for (size_t e = 0; e < b->neff; e++)
		if (ref_cmp(&b->eff[e].ref, r) == 0 && b->eff[e].flags == flags)
			return &b->eff[e];
	if (!gz_grow(b->a, (void **) &b->eff, &b->eff_cap, b->neff + 1, sizeof(gz_eff)))
		return NULL;
	b->eff[b->neff].ref = *r;
	b->eff[b->neff].flags = flags;
	b->eff[b->neff].count = 0;
	return &b->eff[b->neff++];
}

/*
 * The entries that base has for the key of item i, counted into b->eff;
 * the key is then one the delta replaces (d->suppressed).  None when base
 * does not know the key.
 */
static bool
count_base_entries(gz_delta_build *b, sn_gazetteer *d, const sn_gazetteer *base, size_t i)
{
	uint32_t	key_id,
				np;
	const sn_matcher_payload *pl;

	if (!sn_matcher_lookup(base->matcher, b->store + b->items[i].off, b->items[i].len,
						   &key_id, &pl, &np))
		return true;
	if (!gz_grow(b->a, (void **) &d->suppressed, &b->supp_cap, d->nsuppressed + 1, sizeof(uint32_t)))
		return false;
	d->suppressed[d->nsuppressed++] = key_id;
	for (uint32_t p = 0; p < np; p++)
	{
		sn_gazetteer_ref r = ref_of(base, pl[p].payload);
		gz_eff	   *x = eff_of(b, &r, pl[p].flags);

		if (!x)
			return false;
		x->count += pl[p].count;
	}
	return true;
}

/*
 * The entry among b->eff that a removed form takes away: same kind, id and
 * flags, the same country unless the removal is of any country, and still
 * given by some entry.  NULL when there is none (the name was not there).
 */
static gz_eff *
eff_removed_by(gz_delta_build *b, const sn_gazetteer_ref *r, uint32_t flags)
{
	for (size_t e = 0; e < b->neff; e++)
	{
		gz_eff	   *x = &b->eff[e];

		if (x->flags != flags || x->ref.kind != r->kind || x->ref.id != r->id)
			continue;
		if ((r->country == SN_GAZETTEER_ANY_COUNTRY || x->ref.country == r->country) && x->count > 0)
			return x;
	}
	return NULL;
}

/*
 * The delta's forms of one key, items [i, j), counted into b->eff: the
 * added ones first, then the removed ones, so that a removal finds the
 * entry it takes away (counted above 0) wherever the addition came in the
 * log of changes.
 */
static bool
count_delta_forms(gz_delta_build *b, const sn_gazetteer *d, size_t i, size_t j)
{
	for (size_t k = i; k < j; k++)
	{
		const gz_name *f = &d->names[b->items[k].form];
		gz_eff	   *x;

		if (f->flags & GZ_REMOVED)
			continue;
		x = eff_of(b, &d->refs[f->ref], f->flags);
		if (!x)
			return false;
		x->count++;
	}
	for (size_t k = i; k < j; k++)
	{
		const gz_name *f = &d->names[b->items[k].form];
		gz_eff	   *x;

		if (!(f->flags & GZ_REMOVED))
			continue;
		x = eff_removed_by(b, &d->refs[f->ref], f->flags & ~GZ_REMOVED);
		if (x)
			x->count--;
	}
	return true;
}

/*
 * What remains of the key of item i (its entries in b->eff given at least
 * once) as entries of the delta's matcher, under the name of one of its
 * forms (all have the same key).
 */
static bool
add_key_entries(gz_delta_build *b, const sn_gazetteer *d, size_t i)
{
	const gz_name *f = &d->names[b->items[i].form];

	for (size_t e = 0; e < b->neff; e++)
	{
		size_t		n = b->nentries;

		if (b->eff[e].count <= 0)
			continue;
		if (!gz_grow(b->a, (void **) &b->entries, &b->entries_cap, n + 1, sizeof(sn_matcher_entry)) ||
			!gz_grow(b->a, (void **) &b->refs, &b->refs_cap, n + 1, sizeof(sn_gazetteer_ref)))
			return false;
		b->refs[n] = b->eff[e].ref;
		b->entries[n].name = f->name;
		b->entries[n].len = f->len;
		b->entries[n].payload = payload_of(&b->eff[e].ref, (uint32_t) n);
		b->entries[n].flags = b->eff[e].flags;
		b->nentries++;
	}
	return true;
}

/*
 * Per key of the delta: its entries in base, plus the added forms, minus the
 * removed ones, into b->entries.
 */
static bool
delta_entries(gz_delta_build *b, sn_gazetteer *d, const sn_gazetteer *base, sn_error *err)
{
	for (size_t i = 0; i < b->nitems;)
	{
		size_t		j = key_run_end(b, i);

		b->neff = 0;
		if (!count_base_entries(b, d, base, i) || !count_delta_forms(b, d, i, j) ||
			!add_key_entries(b, d, i))
			return gz_oom(err);
		i = j;
	}
	return true;
}

/* The delta's matcher, over its own references (taken from b). */
static bool
build_delta_matcher(gz_delta_build *b, sn_gazetteer *d, const sn_gazetteer *base, sn_error *err)
{
	sn_free(b->a, d->refs);
	d->refs = b->refs;
	d->nrefs = b->nentries;
	d->refs_cap = b->refs_cap;
	b->refs = NULL;
	d->matcher = sn_matcher_build(b->entries, b->nentries, b->a, err);
	if (!d->matcher)
		return false;
	if (d->nsuppressed > 1)
		qsort(d->suppressed, d->nsuppressed, sizeof(uint32_t), u32_cmp);
	d->base = base;
	return true;
}

bool
sn_gazetteer_build_delta(sn_gazetteer *d, const sn_gazetteer *base, sn_error *err)
{
	const sn_allocator *a = &d->alloc;
	gz_delta_build b;
	bool		ok;

	sn_error_clear(err);
	if (d->matcher || d->base)
		return sn_error_set(err, SN_ERR_INVALID_PARAMETER, -1, "the gazetteer is already built");
	if (!base || !base->matcher || base->base)
		return sn_error_set(err, SN_ERR_INVALID_PARAMETER, -1,
							"a delta needs a built gazetteer that is not itself a delta");
	memset(&b, 0, sizeof(b));
	b.a = a;
	ok = sort_forms_by_key(&b, d, err) && delta_entries(&b, d, base, err) &&
		build_delta_matcher(&b, d, base, err);
	sn_free(a, b.items);
	sn_free(a, b.store);
	sn_free(a, b.eff);
	sn_free(a, b.entries);
	sn_free(a, b.refs);
	return ok;
}

size_t
sn_gazetteer_delta_added(const sn_gazetteer *g)
{
	return g->base ? g->nadded : 0;
}

size_t
sn_gazetteer_delta_removed(const sn_gazetteer *g)
{
	return g->base ? g->nremoved : 0;
}

size_t
sn_gazetteer_delta_replaced(const sn_gazetteer *g)
{
	return g->base ? g->nsuppressed : 0;
}

size_t
sn_gazetteer_names(const sn_gazetteer *g)
{
	return g->nnames;
}

void
sn_gazetteer_stats(const sn_gazetteer *g, sn_matcher_stats *stats)
{
	if (g->matcher)
		sn_matcher_get_stats(g->matcher, stats);
	else
		memset(stats, 0, sizeof(*stats));
}

/* ------------------------------------------------------------------------
 * Finding names
 */

typedef struct gz_cand
{
	size_t		start_char;
	size_t		end_char;
	size_t		start_byte;
	size_t		end_byte;
	const sn_matcher_payload *payloads;
	const sn_gazetteer *g;		/* whose payloads */
	uint32_t	npayloads;
	bool		has_lower;
	bool		first_upper;
} gz_cand;

typedef struct gz_find
{
	const sn_allocator *a;
	gz_cand    *c;
	size_t		n;
	size_t		cap;
	bool		oom;
	const sn_gazetteer *g;		/* the gazetteer scanned now */
	const uint32_t *suppressed; /* its keys to drop (sorted) */
	size_t		nsuppressed;
	const char *text;			/* the text scanned now */
} gz_find;

static inline bool
payload_usable(const sn_matcher_payload *p, bool has_lower, bool first_upper)
{
	return !((p->flags & SN_MATCHER_UPPER) && has_lower) &&
		!((p->flags & SN_MATCHER_CAPITAL) && !first_upper);
}

/*
 * Does a sentence begin at text[at]: nothing but white space before it since
 * the start of the text, a line break, the end of a sentence (. ! ? : ; …)
 * or an opening quote or bracket?
 */
static bool
sentence_start(const char *text, size_t at)
{
	while (at > 0)
	{
		unsigned char c = (unsigned char) text[at - 1];

		if (c == ' ' || c == '\t' || c == '\r')
			at--;
		else if (c == 0xA0 && at >= 2 && (unsigned char) text[at - 2] == 0xC2)
			at -= 2;			/* no-break space */
		else if (c < 0x80)
			return c == '\n' || strchr(".!?:;\"'([", c) != NULL;
		else if (at >= 2 && (unsigned char) text[at - 2] == 0xC2)
			return c == 0xAB;	/* « */
		else if (at >= 3 && (unsigned char) text[at - 3] == 0xE2 && (unsigned char) text[at - 2] == 0x80)
			return c == 0x9C || c == 0x98 || c == 0xA6;	/* “ ‘ … */
		else
			return false;
	}
	return true;
}

/* May this entry be the name found at text[start_byte]? */
static inline bool
usable_at(const sn_matcher_payload *p, bool has_lower, bool first_upper,
		  const char *text, size_t start_byte)
{
	return payload_usable(p, has_lower, first_upper) &&
		!((p->flags & GZ_FUNCTION_WORD) && sentence_start(text, start_byte));
}

/*
 * Keep a hit that some entry accepts.  Hits arrive by end position; the
 * array is kept sorted by start (then longest first) with an insertion step
 * (gz_put), short because hits that overlap are close together.
 */
static bool
gz_put(gz_find *f, const gz_cand *c)
{
	size_t		i;

	if (!gz_grow(f->a, (void **) &f->c, &f->cap, f->n + 1, sizeof(gz_cand)))
	{
		f->oom = true;
		return false;
	}
	i = f->n++;
	while (i > 0 && (f->c[i - 1].start_char > c->start_char ||
					 (f->c[i - 1].start_char == c->start_char &&
					  f->c[i - 1].end_char < c->end_char)))
	{
		f->c[i] = f->c[i - 1];
		i--;
	}
	f->c[i] = *c;
	return true;
}

static bool
gz_collect(void *arg, const sn_matcher_hit *h)
{
	gz_find    *f = arg;
	bool		usable = false;
	gz_cand		c;

	for (uint32_t p = 0; p < h->npayloads && !usable; p++)
		usable = usable_at(&h->payloads[p], h->has_lower, h->first_upper, f->text, h->start_byte);
	if (!usable)
		return true;
	if (f->nsuppressed > 0)
	{
		size_t		lo = 0,
					hi = f->nsuppressed;

		while (lo < hi)
		{
			size_t		mid = (lo + hi) / 2;

			if (f->suppressed[mid] < h->key)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < f->nsuppressed && f->suppressed[lo] == h->key)
			return true;		/* the delta has this key's entries */
	}
	c.start_char = h->start_char;
	c.end_char = h->end_char;
	c.start_byte = h->start_byte;
	c.end_byte = h->end_byte;
	c.payloads = h->payloads;
	c.g = f->g;
	c.npayloads = h->npayloads;
	c.has_lower = h->has_lower;
	c.first_upper = h->first_upper;
	return gz_put(f, &c);
}

static int
ref_cmp(const sn_gazetteer_ref *a, const sn_gazetteer_ref *b)
{
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	if (a->country != b->country)
		return a->country < b->country ? -1 : 1;
	return 0;
}

/* The hits of g (and of its base, for a delta) in text, into f. */
static bool
gz_scan(const sn_gazetteer *g, const char *text, size_t len, const sn_words *words,
		gz_find *f, void (*progress) (void *), void *progress_arg, sn_error *err)
{
	bool		ok = true;

	f->text = text;
	if (g->base)
	{
		/* the base's hits, but for the keys the delta replaces */
		f->g = g->base;
		f->suppressed = g->suppressed;
		f->nsuppressed = g->nsuppressed;
		if (words)
			sn_matcher_scan_words(g->base->matcher, text, len, words->items, words->n,
								  gz_collect, f, progress, progress_arg);
		else if (!sn_matcher_scan_progress(g->base->matcher, text, len, gz_collect, f,
										   progress, progress_arg, err))
			ok = false;
		f->suppressed = NULL;
		f->nsuppressed = 0;
	}
	f->g = g;
	if (ok && !f->oom && words)
		sn_matcher_scan_words(g->matcher, text, len, words->items, words->n,
							  gz_collect, f, progress, progress_arg);
	else if (ok && !f->oom &&
			 !sn_matcher_scan_progress(g->matcher, text, len, gz_collect, f,
									   progress, progress_arg, err))
		ok = false;
	if (ok && f->oom)
		ok = gz_oom(err);
	return ok;
}

/*
 * The length in bytes of an apostrophe at text[i] that stands between two
 * word characters ("N’Djamena", "l'armée"), whose name key joins the words
 * around it; 0 when there is none.  An English possessive ("Mali’s": the
 * apostrophe, an s, then no word character) is left alone: its words are
 * never joined to match a name.
 */
static int
joinable_apostrophe(const char *text, size_t len, size_t i)
{
	uint32_t	cp,
				f[SN_FOLD_MAX];
	int			n,
				nf;
	size_t		p;

	if (i == 0 || i >= len)
		return 0;
	if (text[i] != '\'' && (unsigned char) text[i] < 0x80)
		return 0;
	n = sn_decode_fold(text + i, len - i, &cp, f, &nf);
	if (n == 0 || nf != 1 || f[0] != '\'')
		return 0;
	/* the character before: back to its first byte */
	p = i - 1;
	while (p > 0 && ((unsigned char) text[p] & 0xC0) == 0x80)
		p--;
	if (!word_char_at(text, len, p) || !word_char_at(text, len, i + n))
		return 0;
	if ((text[i + n] == 's' || text[i + n] == 'S') && !word_char_at(text, len, i + n + 1))
		return 0;
	return n;
}

/* An apostrophe taken out of a window of text: where it was in the joined copy. */
typedef struct gz_join
{
	size_t		jbyte;			/* the joined copy's byte and character offsets */
	size_t		jchar;			/* where the apostrophe was */
	int			nbytes;			/* its length in the text */
} gz_join;

/* How far around an apostrophe a name joined across it is looked for. */
#define GZ_JOIN_REACH 256

/*
 * A window of the text around joinable apostrophes, and its copy without
 * them.  The buffers are kept from one window to the next.
 */
typedef struct gz_window
{
	size_t		start;			/* the window in the text: [start, end) */
	size_t		end;
	size_t		start_char;		/* characters of the text before start */
	char	   *buf;			/* the copy: bn bytes */
	size_t		bn;
	size_t		buf_cap;
	gz_join    *joins;			/* the apostrophes taken out: nj of them */
	size_t		nj;
	size_t		joins_cap;
} gz_window;

/*
 * Where the next apostrophe that may be joinable is, at i or after: with
 * words, the end of the next word that a joinable apostrophe follows (kw
 * moves on to that word), since such an apostrophe comes right after a word
 * and is all its gap; without, the next ASCII ' or byte beyond ASCII (an
 * apostrophe is one of those).  len when there is none.  Runs over every
 * word of the text: kept inline.
 */
static inline size_t
next_apostrophe(const char *text, size_t len, const sn_words *words, size_t *kw, size_t i)
{
	if (words)
	{
		while (*kw < words->n &&
			   (words->items[*kw].end_byte < i ||
				words->items[*kw].end_byte >= len ||
				(text[words->items[*kw].end_byte] != '\'' &&
				 (unsigned char) text[words->items[*kw].end_byte] < 0x80) ||
				joinable_apostrophe(text, len, words->items[*kw].end_byte) == 0))
			(*kw)++;
		return *kw < words->n ? words->items[*kw].end_byte : len;
	}
	while (i < len && text[i] != '\'' && (unsigned char) text[i] < 0x80)
		i++;
	return i;
}

/*
 * Where the window around the apostrophe at i begins: GZ_JOIN_REACH bytes
 * before it, back to white space, but not before counted_to (the end of the
 * previous window: windows that would overlap are not read twice).
 */
static size_t
window_start(const char *text, size_t i, size_t counted_to)
{
	size_t		ws = i > GZ_JOIN_REACH ? i - GZ_JOIN_REACH : 0;

	if (ws < counted_to)
		ws = counted_to;
	while (ws > counted_to && text[ws - 1] != ' ' && text[ws - 1] != '\n')
		ws--;
	return ws;
}

/*
 * Where the window around the apostrophe at i ends: GZ_JOIN_REACH bytes
 * after the last joinable apostrophe that follows within GZ_JOIN_REACH of
 * i (so that close apostrophes share one window), on to white space.
 */
static size_t
window_end(const char *text, size_t len, size_t i)
{
	size_t		we = i;

	for (size_t k = i; k < len && k < we + GZ_JOIN_REACH; k++)
		if (joinable_apostrophe(text, len, k) > 0)
			we = k;
	we = we + GZ_JOIN_REACH < len ? we + GZ_JOIN_REACH : len;
	while (we < len && text[we] != ' ' && text[we] != '\n')
		we++;
	return we;
}

/* The characters of text[from, to) (UTF-8: the bytes that begin one). */
static size_t
count_chars(const char *text, size_t from, size_t to)
{
	size_t		n = 0;

	for (size_t k = from; k < to; k++)
		if (((unsigned char) text[k] & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * Copy the window [w->start, w->end) of text into w->buf without its
 * joinable apostrophes, noting in w->joins where each was.  False when out
 * of memory.
 */
static bool
copy_without_joins(gz_window *w, const sn_allocator *a, const char *text, size_t len)
{
	size_t		bc = 0;

	w->bn = 0;
	w->nj = 0;
	if (!gz_grow(a, (void **) &w->buf, &w->buf_cap, w->end - w->start + 1, 1))
		return false;
	for (size_t k = w->start; k < w->end;)
	{
		int			an = joinable_apostrophe(text, len, k);

		if (an > 0)
		{
			if (!gz_grow(a, (void **) &w->joins, &w->joins_cap, w->nj + 1, sizeof(gz_join)))
				return false;
			w->joins[w->nj].jbyte = w->bn;
			w->joins[w->nj].jchar = bc;
			w->joins[w->nj].nbytes = an;
			w->nj++;
			k += an;
			continue;
		}
		if (((unsigned char) text[k] & 0xC0) != 0x80)
			bc++;
		w->buf[w->bn++] = text[k++];
	}
	return true;
}

/*
 * Does the hit m of the window's copy span one of the apostrophes taken
 * out?  If so, m is moved to the text's own offsets (the window's start,
 * plus the apostrophes before each end).  A hit that spans none is the main
 * scan's.
 */
static bool
joined_hit_in_text(gz_cand *m, const gz_window *w)
{
	bool		spans = false;
	size_t		sb = 0,
				eb = 0,
				sc = 0,
				ec = 0;

	for (size_t j = 0; j < w->nj; j++)
	{
		const gz_join *jn = &w->joins[j];

		if (m->start_byte < jn->jbyte && jn->jbyte < m->end_byte)
			spans = true;
		if (jn->jbyte <= m->start_byte)
		{
			sb += jn->nbytes;
			sc++;
		}
		if (jn->jbyte < m->end_byte)
		{
			eb += jn->nbytes;
			ec++;
		}
	}
	if (!spans)
		return false;
	m->start_byte += w->start + sb;
	m->end_byte += w->start + eb;
	m->start_char += w->start_char + sc;
	m->end_char += w->start_char + ec;
	return true;
}

/* Add to f the hits of the window's copy that span a joined apostrophe. */
static bool
add_joined_hits(gz_find *f, const gz_find *hits, const gz_window *w, sn_error *err)
{
	for (size_t c = 0; c < hits->n; c++)
	{
		gz_cand		m = hits->c[c];

		if (!joined_hit_in_text(&m, w))
			continue;
		if (!gz_put(f, &m))
			return gz_oom(err);
	}
	return true;
}

/*
 * The names found across apostrophes the name key drops: "N’Djamena" in the
 * text is the name "Ndjamena", as name_key() has it.  The matcher reads an
 * apostrophe as a gap between words (so that "Mali’s" is Mali), and the
 * gazetteer holds each stored name also without its inner apostrophes
 * (without_inner_apostrophes), which covers text without them; this covers
 * text with them.  Around each joinable apostrophe (GZ_JOIN_REACH bytes
 * either side, out to white space, windows that overlap merged) the text is
 * copied without those apostrophes and scanned; a hit that spans one of
 * them is added to f at the text's own offsets.  Others are the main scan's.
 */
static bool
gz_scan_joined(const sn_gazetteer *g, const char *text, size_t len, const sn_words *words,
			   gz_find *f, void (*progress) (void *), void *progress_arg, sn_error *err)
{
	const sn_allocator *a = f->a;
	size_t		i = 0,
				kw = 0,			/* in words: the first that may end before a joinable apostrophe */
				chars_before = 0,	/* characters of text before counted_to */
				counted_to = 0;
	gz_window	w;
	bool		ok = true;

	memset(&w, 0, sizeof(w));
	while (ok && i < len)
	{
		gz_find		hits = {a, NULL, 0, 0, false, NULL, NULL, 0, NULL};

		i = next_apostrophe(text, len, words, &kw, i);
		if (i >= len)
			break;
		if (joinable_apostrophe(text, len, i) == 0)
		{
			i++;
			continue;
		}
		w.start = window_start(text, i, counted_to);
		w.end = window_end(text, len, i);
		chars_before += count_chars(text, counted_to, w.start);
		counted_to = w.start;
		w.start_char = chars_before;
		if (!copy_without_joins(&w, a, text, len))
			ok = gz_oom(err);
		else
			ok = gz_scan(g, w.buf, w.bn, NULL, &hits, progress, progress_arg, err) &&
				add_joined_hits(f, &hits, &w, err);
		sn_free(a, hits.c);
		i = w.end;
	}
	sn_free(a, w.buf);
	sn_free(a, w.joins);
	return ok;
}

bool
sn_gazetteer_find(const sn_gazetteer *g, const char *text, size_t len,
				  const sn_allocator *alloc,
				  void (*progress) (void *), void *progress_arg,
				  sn_name_mentions *out, sn_error *err)
{
	return sn_gazetteer_find_words(g, text, len, NULL, alloc, progress, progress_arg, out, err);
}

bool
sn_gazetteer_find_words(const sn_gazetteer *g, const char *text, size_t len,
						const sn_words *words, const sn_allocator *alloc,
						void (*progress) (void *), void *progress_arg,
						sn_name_mentions *out, sn_error *err)
{
	const sn_allocator *a = alloc ? alloc : &sn_malloc_allocator;
	gz_find		f = {a, NULL, 0, 0, false, NULL, NULL, 0, NULL};
	size_t		last_start = 0,
				last_end = 0,
				first = 0;
	bool		ok,
				taken = false;

	sn_error_clear(err);
	if (!g->matcher)
		return sn_error_set(err, SN_ERR_INVALID_PARAMETER, -1,
							"the gazetteer is not built");
	ok = gz_scan(g, text, len, words, &f, progress, progress_arg, err) &&
		gz_scan_joined(g, text, len, words, &f, progress, progress_arg, err);

	/*
	 * Leftmost first, longest at each start, no overlaps.  Hits of one span
	 * from the main scan and from a joined window are one mention.
	 */
	for (size_t i = 0; ok && i < f.n; i++)
	{
		const gz_cand *c = &f.c[i];

		if (!(taken && c->start_char == last_start && c->end_char == last_end))
		{
			if (c->start_char < last_end)
				continue;
			last_start = c->start_char;
			last_end = c->end_char;
			first = out->n;
			taken = true;
		}
		for (uint32_t p = 0; p < c->npayloads; p++)
		{
			sn_gazetteer_ref ref;
			const sn_gazetteer_ref *r = &ref;
			size_t		j;

			if (!usable_at(&c->payloads[p], c->has_lower, c->first_upper, text, c->start_byte))
				continue;
			ref = ref_of(c->g, c->payloads[p].payload);
			/* one mention per distinct reference, sorted by kind and id */
			for (j = first; j < out->n; j++)
				if (ref_cmp(&out->items[j].ref, r) >= 0)
					break;
			if (j < out->n && ref_cmp(&out->items[j].ref, r) == 0)
				continue;
			if (!gz_grow(a, (void **) &out->items, &out->cap, out->n + 1, sizeof(sn_name_mention)))
			{
				ok = gz_oom(err);
				break;
			}
			memmove(&out->items[j + 1], &out->items[j], (out->n - j) * sizeof(sn_name_mention));
			out->items[j].start_char = c->start_char;
			out->items[j].end_char = c->end_char;
			out->items[j].start_byte = c->start_byte;
			out->items[j].end_byte = c->end_byte;
			out->items[j].ref = *r;
			out->items[j].common = (c->payloads[p].flags & GZ_COMMON_NOUN) != 0;
			out->n++;
		}
	}
	sn_free(a, f.c);
	return ok;
}

void
sn_name_mentions_free(const sn_allocator *alloc, sn_name_mentions *m)
{
	const sn_allocator *a = alloc ? alloc : &sn_malloc_allocator;

	sn_free(a, m->items);
	m->items = NULL;
	m->n = m->cap = 0;
}
