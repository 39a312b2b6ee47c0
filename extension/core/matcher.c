/*
 * extension/core/matcher.c
 *
 * Aho–Corasick over a double-array trie, on a normalised byte stream; see
 * matcher.h for what is matched.
 *
 * The stream.  Text and names are both turned into bytes by norm_cp():
 *   - a word (a run of word characters, sn_is_word_char) is written folded,
 *     in UTF-8, between two MARK bytes;
 *   - a gap between two words becomes SEP if it holds only white space,
 *     hyphens and dashes (and control characters), else the folded bytes of
 *     its other punctuation, in order; a gap of more than NORM_GAP_MAX bytes
 *     of punctuation becomes BREAK, which no name holds;
 *   - leading and trailing gaps are dropped; characters that folding drops
 *     (soft hyphen, zero-width space, combining accents) are invisible.
 * "Lake Chad" is thus |lake|_|chad| and "Mali’s" is |mali|'|s|.  Every name
 * begins and ends with a MARK, and a MARK appears in the text's stream only at
 * a word edge, so a name found in the stream is a whole-word match.
 *
 * The automaton.  States are slots of a double array: the child of state s
 * on code c is t = base[s] + c if check[t] == s.  Bytes are first mapped to
 * codes 1..ncodes (bytes absent from every name map to 0, which leads back to
 * the root at once).  fail[s] is the usual Aho–Corasick failure link,
 * key[s] the name ending at s (or -1), and dict[s] the nearest state on the
 * failure chain where a name ends (or 0), so the names ending at a position
 * are key[s], key[dict[s]], key[dict[dict[s]]]...  Names end only on a MARK,
 * so outputs are looked for only after a MARK.  For the scan, key and dict
 * become one output record per state that has outputs (see dout).
 *
 * Positions.  Only MARK bytes carry positions (the character and byte offset
 * of the word edge).  The scan keeps them in a ring buffer indexed by stream
 * offset, larger than the longest name, so the start of a match (its first
 * MARK) is still there when its last MARK arrives.
 */
#include "matcher.h"

#include <stdlib.h>
#include <string.h>

#include "sn_text.h"
#include "sn_words.h"

#define MARK 0x01
#define SEP 0x02
#define BREAK 0x03
#define NORM_GAP_MAX 16

/* ASCII character classes, for the scan's fast path */
#define CLS_WORD 0
#define CLS_SEP 1
#define CLS_PUNCT 2

/* Trie nodes at this depth (stream bytes from the root) and below are placed depth first. */
#define DEPTH_FIRST_FROM 4

/* The output records are aligned to this (the usual cache line) */
#define SN_CACHE_LINE 64

/* ASCII letters and digits, folded, as 0..35 (see word_pair_state) */
#define WORD_INDEX_N 36

static inline int
word_index(uint8_t folded)
{
	return folded <= '9' ? folded - '0' : folded - 'a' + 10;
}

static void *
malloc_alloc(void *ctx, size_t size)
{
	return malloc(size);
}

static void
malloc_free(void *ctx, void *ptr)
{
	free(ptr);
}

const sn_allocator sn_malloc_allocator = {malloc_alloc, malloc_free, NULL};

/*
 * What the scan reads at each step, packed so that a transition touches one
 * cache line.  States are placed breadth first, so the shallow states that
 * most steps visit sit together at the front.  On a mismatch the scan reads
 * the failure link (fail, an array of its own).
 */
typedef struct dnode
{
	int32_t		base;
	int32_t		check;
} dnode;

/*
 * The number of bits set in x: which record among a block's a state's is.
 * Without -mpopcnt (Debian builds for the baseline x86-64, which lacks the
 * instruction) __builtin_popcountll is a call into libgcc on every hit of
 * a scan; these few shifts and adds, inline, are cheaper than the call.
 */
static inline unsigned
bits_set(uint64_t x)
{
#if defined(__POPCNT__)
	return (unsigned) __builtin_popcountll(x);
#else
	x = x - ((x >> 1) & UINT64_C(0x5555555555555555));
	x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
	x = (x + (x >> 4)) & UINT64_C(0x0F0F0F0F0F0F0F0F);
	return (unsigned) ((x * UINT64_C(0x0101010101010101)) >> 56);
#endif
}

/*
 * Which states have outputs (a key ends there, or on their failure chain),
 * and where their records are: a bit per slot, and for each 64 slots the
 * number of bits set before them.  The record of a state with outputs is the
 * one numbered by the bits set before its own, so finding it reads this
 * table (16 bytes per 64 slots, small enough to stay in cache) and no array
 * indexed by slot, which would cost a cache miss at every hit.
 */
typedef struct out_block
{
	uint64_t	bits;
	uint32_t	before;
	uint32_t	unused;
} out_block;

/*
 * A state's outputs, in one 32-byte record so that a hit costs one cache
 * miss: the key ending there, its length in the stream, its payloads (the
 * only one inside the record, more in the payloads array), the next record
 * on the failure chain, and the state's own failure link, which the scan
 * needs at the gap after a name and would otherwise fetch from the fail
 * array (another miss).  A state where no key ends, but one ends on its
 * failure chain, has a record with no payloads that only links on.
 */
typedef struct dout
{
	uint32_t	key;
	int32_t		next;			/* 1 + number of the next record, 0 when none */
	int32_t		fail;			/* the state's failure link */
	uint16_t	len;			/* at most SN_MATCHER_MAX_KEY */
	uint16_t	single;			/* 1: one payload, in p.one; 0: p.many */
	union
	{
		sn_matcher_payload one;
		struct
		{
			uint32_t	first;	/* in payloads */
			uint32_t	count;	/* 0 in a record that only links on */
		}			many;
	}			p;
} dout;

_Static_assert(sizeof(dout) == 32, "an output record takes half a cache line");
_Static_assert(SN_MATCHER_MAX_KEY <= UINT16_MAX, "a key's length fits in dout.len");

static inline uint32_t
out_count(const dout *o)
{
	return o->single ? 1 : o->p.many.count;
}

struct sn_matcher
{
	sn_allocator alloc;
	uint8_t		code[256];		/* byte -> code, 0 = in no name */
	dnode	   *nodes;			/* per slot, for the scan */
	out_block  *out_blocks;		/* per 64 slots: which have records, and their numbers */
	dout	   *outs;			/* the records (see out_block), cache-line aligned */
	void	   *outs_mem;		/* what was allocated for outs */
	int32_t	   *base;			/* per slot (building only) */
	int32_t	   *check;			/* per slot: parent slot, -1 when free (building only) */
	int32_t	   *fail;			/* per slot: the failure link */
	int32_t	   *key;			/* per slot: key ending here, or -1 (building only) */
	int32_t	   *dict;			/* per slot: next output state on the failure chain, or 0 (building only) */
	size_t		nslots;			/* allocated slots (all padded with check = -1) */
	uint32_t   *key_len;		/* per key: bytes in the stream, marks included (building only) */
	uint32_t   *key_first;		/* per key: first payload (building only) */
	uint32_t   *key_count;		/* per key: number of payloads (building only) */
	sn_matcher_payload *payloads;	/* every key's, in key order (dout.p.many.first) */
	size_t		ring_mask;		/* ring size - 1, ring size > longest key */

	/*
	 * The state after the MARK that opens a word when the scan is at the
	 * root, and from there after the word's first two characters when both
	 * are ASCII letters or digits (indexed by word_index): most words of a
	 * text leave every name within two letters, and then the scan skips them.
	 */
	int32_t		word_state;
	int32_t		word_pair_state[WORD_INDEX_N * WORD_INDEX_N];

	/*
	 * A bit per slot: from this state no symbol of a gap (a byte of the
	 * stream but a MARK or a folded ASCII letter or digit) leads anywhere
	 * but the root, nor does any on its failure chain.  After the MARK that
	 * closes a word, at such a state (where most names and words end) no
	 * name goes on through the gap: the scan takes the root at once.
	 */
	uint64_t   *gap_root;
	sn_matcher_stats stats;
};

/* ------------------------------------------------------------------------
 * The normaliser
 */

typedef struct norm_state
{
	bool		in_word;
	bool		started;		/* a word has been seen */
	bool		gap_sep;		/* the current gap has space or a hyphen */
	bool		gap_overflow;
	int			gap_len;
	uint8_t		gap[NORM_GAP_MAX];
	size_t		word_end_char;	/* just after the last word character */
	size_t		word_end_byte;
} norm_state;

/*
 * What one folded code point emits: up to NORM_OUT_MAX bytes, of which at most
 * one is a MARK (at index mark_at, with its position).
 */
#define NORM_OUT_MAX (NORM_GAP_MAX + 8)

typedef struct norm_out
{
	int			n;
	int			mark_at;		/* -1 when no mark */
	bool		mark_ends_word; /* the mark closes a word (else it opens one) */
	size_t		mark_char;
	size_t		mark_byte;
	uint8_t		bytes[NORM_OUT_MAX];
} norm_out;

static inline bool
is_sep_cp(uint32_t f)
{
	return f < 0x20 || f == 0x7F || f == '-' || sn_is_space(f);
}

/*
 * The pieces of the normaliser.  norm_cp() below is the whole of it; the scan
 * has a fast path for ASCII that calls the same pieces, so names and text are
 * always normalised alike.
 */

/* The symbols for the gap before a word (none before the first word). */
static inline int
norm_gap_symbols(const norm_state *st, uint8_t *out)
{
	if (!st->started)
		return 0;
	if (st->gap_overflow)
	{
		out[0] = BREAK;
		return 1;
	}
	if (st->gap_len > 0)
	{
		memcpy(out, st->gap, st->gap_len);
		return st->gap_len;
	}
	out[0] = SEP;
	return 1;
}

/* A word begins (after its gap symbols and MARK are written). */
static inline void
norm_begin_word(norm_state *st)
{
	st->in_word = st->started = true;
	st->gap_sep = st->gap_overflow = false;
	st->gap_len = 0;
}

/* A non-word character f, outside a word: add it to the gap. */
static inline void
norm_gap_cp(norm_state *st, uint32_t f)
{
	if (is_sep_cp(f))
		st->gap_sep = true;
	else if (!st->gap_overflow)
	{
		char		buf[4];
		int			nb = sn_utf8_encode(f, buf);

		if (st->gap_len + nb > NORM_GAP_MAX)
			st->gap_overflow = true;
		else
		{
			memcpy(st->gap + st->gap_len, buf, nb);
			st->gap_len += nb;
		}
	}
}

/* The MARK that closes the word under way, first in o. */
static inline void
norm_close_word(norm_state *st, norm_out *o)
{
	o->mark_at = 0;
	o->mark_ends_word = true;
	o->mark_char = st->word_end_char;
	o->mark_byte = st->word_end_byte;
	o->bytes[o->n++] = MARK;
	st->in_word = false;
}

/*
 * Feed one folded code point f, which comes from the character at (ci, bi)
 * that takes cb bytes of the text.
 */
static inline void
norm_cp(norm_state *st, uint32_t f, size_t ci, size_t bi, size_t cb, norm_out *o)
{
	o->n = 0;
	o->mark_at = -1;
	if (sn_is_word_char(f))
	{
		if (!st->in_word)
		{
			o->n = norm_gap_symbols(st, o->bytes);
			o->mark_at = o->n;
			o->mark_ends_word = false;
			o->mark_char = ci;
			o->mark_byte = bi;
			o->bytes[o->n++] = MARK;
			norm_begin_word(st);
		}
		o->n += sn_utf8_encode(f, (char *) o->bytes + o->n);
		st->word_end_char = ci + 1;
		st->word_end_byte = bi + cb;
		return;
	}
	if (st->in_word)
		norm_close_word(st, o);
	norm_gap_cp(st, f);
}

/* End of input: close the last word. */
static inline void
norm_finish(norm_state *st, norm_out *o)
{
	o->n = 0;
	o->mark_at = -1;
	if (st->in_word)
		norm_close_word(st, o);
}

/* Folding of ASCII, and whether a code point of the text is lower case. */
static uint8_t ascii_fold[128];
static uint8_t ascii_class[128];	/* CLS_* */
static uint8_t ascii_word_index[128];	/* word_index() of a letter or digit, folded */
static bool ascii_ready;

static void
init_ascii(void)
{
	/* idempotent; a race between two threads writes the same bytes */
	for (int c = 0; c < 128; c++)
	{
		uint32_t	f[SN_FOLD_MAX];

		sn_fold_char((uint32_t) c, f);
		ascii_fold[c] = (uint8_t) f[0];
		ascii_class[c] = sn_is_word_char(f[0]) ? CLS_WORD : is_sep_cp(f[0]) ? CLS_SEP : CLS_PUNCT;
		if ((f[0] >= '0' && f[0] <= '9') || (f[0] >= 'a' && f[0] <= 'z'))
			ascii_word_index[c] = (uint8_t) word_index((uint8_t) f[0]);
	}
	ascii_ready = true;
}

static inline bool
is_lower_cp(uint32_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z';
	if (c >= 0xDF && c <= 0xFF)
		return c != 0xF7;
	if (c >= 0x100 && c <= 0x137)
		return c & 1;
	if (c >= 0x139 && c <= 0x148)
		return !(c & 1);
	if (c >= 0x14A && c <= 0x177)
		return c & 1;
	if (c >= 0x179 && c <= 0x17E)
		return !(c & 1);
	if (c == 0x17F || c == 0x138 || c == 0x149)
		return true;
	/* Latin Extended-B: a bit per character, set for the small letters */
	if (c >= 0x180 && c <= 0x24F)
	{
		static const uint32_t small_b[7] = {
			0x4E243129u, 0xE6512D2Au, 0xB5555240u, 0xAA29AAAAu, 0xAAAAAAAAu, 0x93FAAAAAu, 0x0000AA85u
		};

		return (small_b[(c - 0x180) >> 5] >> ((c - 0x180) & 31)) & 1u;
	}
	/* IPA letters (ɔ ɛ ɲ ɓ ɗ) are all small */
	if (c >= 0x250 && c <= 0x2AF)
		return true;
	/* Latin Extended Additional: small letters at odd code points, and ẖ..ẝ */
	if (c >= 0x1E00 && c <= 0x1EFF)
		return (c & 1) || (c >= 0x1E96 && c <= 0x1E9D);
	/* Greek and Cyrillic small letters */
	if ((c >= 0x3AC && c <= 0x3CE) || (c >= 0x430 && c <= 0x45F))
		return true;
	return false;
}

bool
sn_matcher_first_upper(const char *s, size_t len)
{
	uint32_t	cp,
				f[SN_FOLD_MAX];
	int			nf;

	/* ASCII, the usual case, without decoding (asked at every name found) */
	if (len > 0 && (unsigned char) s[0] < 0x80)
		return s[0] >= 'A' && s[0] <= 'Z';
	if (sn_decode_fold(s, len, &cp, f, &nf) == 0 || is_lower_cp(cp))
		return false;
	return nf > 0 && f[0] != cp && sn_is_word_char(f[0]);
}

bool
sn_matcher_has_lower(const char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		uint32_t	cp;
		int			n;

		/* ASCII, the usual case, without decoding (asked at every name found) */
		if ((unsigned char) s[i] < 0x80)
		{
			if (s[i] >= 'a' && s[i] <= 'z')
				return true;
			i++;
			continue;
		}
		n = sn_utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return false;
		if (is_lower_cp(cp))
			return true;
		i += n;
	}
	return false;
}

/*
 * Normalise a whole name into out (room for outsize bytes).  Returns the
 * length (which may exceed outsize: nothing is written past it), 0 if the
 * name has no word, or -1 for invalid UTF-8.  *has_break is set if a gap was
 * too long to keep.
 */
/* What normalize_name() writes: the matcher's stream, or a name key. */
typedef enum norm_mode
{
	NORM_STREAM,				/* marks, separators and gaps, as the matcher stores names */
	NORM_KEY,					/* sn_name_key: apostrophes dropped */
	NORM_KEY_SPLIT				/* sn_admin_name_key: an elided d' or l' is a word */
} norm_mode;

static inline size_t
put_stream_bytes(const norm_out *o, norm_mode mode, uint8_t *out, size_t outsize, size_t n,
				 bool *has_break)
{
	for (int j = 0; j < o->n; j++)
	{
		uint8_t		b = o->bytes[j];

		if (b == BREAK)
			*has_break = true;
		if (mode != NORM_STREAM)
		{
			/*
			 * The name key: marks vanish, separators are spaces; apostrophes
			 * vanish too, except after the elided French article of an
			 * admin name ("d'", "l'"), which they then separate.
			 */
			if (b == MARK)
				continue;
			if (b == '\'' && !(mode == NORM_KEY_SPLIT && n >= 1 && n - 1 < outsize &&
								(out[n - 1] == 'd' || out[n - 1] == 'l') &&
								(n == 1 || out[n - 2] == ' ')))
				continue;
			if (b == SEP || b == BREAK || b == '\'')
			{
				/* one space between words, however the gap was made */
				if (n == 0 || (n - 1 < outsize && out[n - 1] == ' '))
					continue;
				b = ' ';
			}
		}
		if (n < outsize)
			out[n] = b;
		n++;
	}
	return n;
}

static long
normalize_name(const char *name, size_t len, uint8_t *out, size_t outsize, bool *has_break,
			   norm_mode mode)
{
	norm_state	st = {0};
	norm_out	o;
	size_t		i = 0,
				ci = 0,
				n = 0;

	*has_break = false;
	while (i < len)
	{
		sn_folded_char c;

		if (sn_fold_at(name, len, i, &c) == 0)
			return -1;
		for (int k = 0; k < c.nf; k++)
		{
			norm_cp(&st, c.f[k], ci, i, c.n, &o);
			n = put_stream_bytes(&o, mode, out, outsize, n, has_break);
		}
		i += c.n;
		ci++;
	}
	norm_finish(&st, &o);
	n = put_stream_bytes(&o, mode, out, outsize, n, has_break);
	return (long) n;
}

/* Words for the kind of an administrative area, and articles after them. */
static const char *const admin_kind_words[] = {
	"commune rurale", "commune urbaine", "sous prefecture", "region", "province", "cercle",
	"departement", "department", "prefecture", "wilaya", "moughataa", "district", "commune",
	"arrondissement", "municipality", "governorate", "state"
};
static const char *const admin_articles[] = {"de la", "de l", "des", "du", "de", "d", "of", "la", "l", "el"};

/* Does key (n bytes) begin with word w followed by a space? */
static bool
starts_with_word(const char *key, size_t n, const char *w)
{
	size_t		wl = strlen(w);

	return n > wl && memcmp(key, w, wl) == 0 && key[wl] == ' ';
}

size_t
sn_admin_name_key(const char *name, size_t len, char *out, size_t outsize)
{
	bool		brk;
	long		n;
	char	   *key;
	size_t		start = 0,
				end;

	if (outsize == 0)
		return sn_name_key(name, len, NULL, 0);
	n = normalize_name(name, len, (uint8_t *) out, outsize, &brk, NORM_KEY_SPLIT);
	if (n < 0)
		return (size_t) -1;
	if ((size_t) n >= outsize)
	{
		out[outsize - 1] = '\0';
		return (size_t) n;
	}
	key = out;
	end = (size_t) n;
	if (end > 0 && key[end - 1] == ' ')
		end--;
	/* "Région de Mopti", "Cercle d'Abeïbara": the kind word, then an article */
	for (size_t i = 0; i < sizeof(admin_kind_words) / sizeof(admin_kind_words[0]); i++)
	{
		const char *w = admin_kind_words[i];

		if (starts_with_word(key, end, w))
		{
			size_t		s = strlen(w) + 1;

			for (size_t a = 0; a < sizeof(admin_articles) / sizeof(admin_articles[0]); a++)
				if (starts_with_word(key + s, end - s, admin_articles[a]))
				{
					s += strlen(admin_articles[a]) + 1;
					break;
				}
			/* "Commune 3" keeps its word: a number is no name */
			if (s < end && !(key[s] >= '0' && key[s] <= '9'))
				start = s;
			break;
		}
	}
	/* "Mopti Region", "Kayes Cercle" */
	for (size_t i = 0; i < sizeof(admin_kind_words) / sizeof(admin_kind_words[0]); i++)
	{
		const char *w = admin_kind_words[i];
		size_t		wl = strlen(w);

		if (end - start > wl + 1 && memcmp(key + end - wl, w, wl) == 0 && key[end - wl - 1] == ' ')
		{
			end -= wl + 1;
			break;
		}
	}
	memmove(out, key + start, end - start);
	out[end - start] = '\0';
	return end - start;
}

size_t
sn_name_key(const char *name, size_t len, char *out, size_t outsize)
{
	bool		brk;
	long		n = normalize_name(name, len, (uint8_t *) out, outsize, &brk, NORM_KEY);

	if (n < 0)
		return (size_t) -1;
	if (outsize > 0)
		out[(size_t) n < outsize ? (size_t) n : outsize - 1] = '\0';
	return (size_t) n;
}

/*
 * Words of the grammar of English and French, by name key: the articles,
 * which name no place, and the prepositions and conjunctions (with the
 * French articles, whose words are also real villages: De and La in Burkina
 * Faso, To in Mali).
 */
static const char *const never_names[] = {"a", "an", "the"};
static const char *const grammar_words[] = {
	"of", "and", "or", "in", "on", "at", "to", "by", "for", "from", "with",
	"le", "la", "les", "l", "de", "des", "du", "d", "un", "une", "et", "ou", "en",
	"au", "aux", "sur", "par", "pour"
};

int
sn_name_function_word(const char *name, size_t len)
{
	char		key[16];
	size_t		n = sn_name_key(name, len, key, sizeof(key));

	if (n == (size_t) -1 || n >= sizeof(key))
		return SN_NOT_FUNCTION_WORD;
	if (n == 1)
		return SN_NEVER_A_NAME;	/* one letter */
	for (size_t i = 0; i < sizeof(never_names) / sizeof(never_names[0]); i++)
		if (strcmp(key, never_names[i]) == 0)
			return SN_NEVER_A_NAME;
	for (size_t i = 0; i < sizeof(grammar_words) / sizeof(grammar_words[0]); i++)
		if (strcmp(key, grammar_words[i]) == 0)
			return SN_FUNCTION_WORD;
	return SN_NOT_FUNCTION_WORD;
}

bool
sn_is_place_name(const char *name, size_t len)
{
	char		key[16];
	size_t		n = sn_name_key(name, len, key, sizeof(key));
	size_t		i = 0;

	if (n == (size_t) -1)
	{
		/* not UTF-8 (a SQL_ASCII database): some letter, digit or other byte */
		for (i = 0; i < len; i++)
			if ((unsigned char) name[i] >= 0x80 || (name[i] >= '0' && name[i] <= '9') ||
				((name[i] | 0x20) >= 'a' && (name[i] | 0x20) <= 'z'))
				return true;
		return false;
	}
	if (n == 0)
		return false;			/* blank, or punctuation only */
	switch (sn_name_function_word(name, len))
	{
		case SN_NEVER_A_NAME:
			return false;
		case SN_FUNCTION_WORD:
			/* written as a proper noun: its first letter a capital */
			while (i < len && (unsigned char) name[i] < 0x80 &&
				   !((name[i] >= 'A' && name[i] <= 'Z') || (name[i] >= 'a' && name[i] <= 'z') ||
					 (name[i] >= '0' && name[i] <= '9')))
				i++;
			return i < len && sn_matcher_first_upper(name + i, len - i);
		default:
			return true;
	}
}

size_t
sn_matcher_normalize(const char *name, size_t len, char *out, size_t outsize)
{
	uint8_t		buf[4 * SN_MATCHER_MAX_KEY];
	bool		brk;
	long		n = normalize_name(name, len, buf, sizeof(buf), &brk, NORM_STREAM);
	size_t		shown = 0;

	if (n < 0)
		return (size_t) -1;
	for (long i = 0; i < n && i < (long) sizeof(buf); i++, shown++)
	{
		char		c = (char) buf[i];

		if (buf[i] == MARK)
			c = '|';
		else if (buf[i] == SEP)
			c = '_';
		else if (buf[i] == BREAK)
			c = '#';
		if (shown + 1 < outsize)
			out[shown] = c;
	}
	if (outsize > 0)
		out[shown < outsize ? shown : outsize - 1] = '\0';
	return shown;
}

long
sn_matcher_key(const char *name, size_t len, uint8_t *out, size_t outsize)
{
	bool		brk;
	long		n = normalize_name(name, len, out, outsize, &brk, NORM_STREAM);

	if (n > 0 && (n > SN_MATCHER_MAX_KEY || (size_t) n > outsize || brk))
		return 0;
	return n;
}

bool
sn_matcher_lookup(const sn_matcher *m, const uint8_t *key, size_t len, uint32_t *key_id,
				  const sn_matcher_payload **payloads, uint32_t *npayloads)
{
	int32_t		s = 0;

	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++)
	{
		uint8_t		c = m->code[key[i]];
		int32_t		t;

		if (c == 0)
			return false;
		t = m->nodes[s].base + c;
		if (t <= 0 || (size_t) t >= m->nslots || m->nodes[t].check != s)
			return false;
		s = t;
	}
	{
		const out_block *ob = &m->out_blocks[s >> 6];
		uint64_t	bit = UINT64_C(1) << (s & 63);
		const dout *o;

		if (!(ob->bits & bit))
			return false;
		o = &m->outs[ob->before + bits_set(ob->bits & (bit - 1))];
		if (o->len != len || out_count(o) == 0)
			return false;
		*key_id = o->key;
		*npayloads = out_count(o);
		*payloads = o->single ? &o->p.one : m->payloads + o->p.many.first;
	}
	return true;
}

/* ------------------------------------------------------------------------
 * Building
 */

typedef struct build_key
{
	const uint8_t *bytes;
	uint32_t	len;
	uint32_t	entry;			/* index into the entries */
} build_key;

static int
cmp_build_key(const void *a, const void *b)
{
	const build_key *x = a,
			   *y = b;
	uint32_t	n = x->len < y->len ? x->len : y->len;
	int			c = memcmp(x->bytes, y->bytes, n);

	if (c != 0)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->entry < y->entry ? -1 : (x->entry > y->entry);
}

typedef struct builder
{
	sn_matcher *m;
	const sn_allocator *a;
	size_t		cap;			/* slots allocated */
	int32_t	   *nextf;			/* free list over slots, -1 ends it */
	int32_t	   *prevf;
	int32_t		free_head;		/* first free slot, -1 when none */
	size_t		used_max;		/* highest used slot + 1 */
} builder;

static void *
xalloc(const sn_allocator *a, size_t size)
{
	return a->alloc(a->ctx, size ? size : 1);
}

/* Grow a per-slot int32 array from old to new slots, filling with fill. */
static bool
grow_array(const sn_allocator *a, int32_t **arr, size_t old, size_t new, int32_t fill)
{
	int32_t    *n = xalloc(a, new * sizeof(int32_t));

	if (!n)
		return false;
	if (*arr)
		memcpy(n, *arr, old * sizeof(int32_t));
	for (size_t i = old; i < new; i++)
		n[i] = fill;
	sn_free(a, *arr);
	*arr = n;
	return true;
}

static bool
builder_grow(builder *b, size_t need)
{
	sn_matcher *m = b->m;
	size_t		old = b->cap,
				new = old ? old : 1024;
	int32_t		tail;

	while (new < need)
		new *= 2;
	if (new > (size_t) INT32_MAX / 2)
		return false;
	if (!grow_array(b->a, &m->base, old, new, 0) ||
		!grow_array(b->a, &m->check, old, new, -1) ||
		!grow_array(b->a, &b->nextf, old, new, -1) ||
		!grow_array(b->a, &b->prevf, old, new, -1))
		return false;
	/* link the new slots at the end of the free list */
	tail = -1;
	if (b->free_head >= 0)
	{
		/* find the tail: the free list is kept in slot order, so it is the last free slot below old */
		for (size_t i = old; i-- > 0;)
			if (m->check[i] == -1)
			{
				tail = (int32_t) i;
				break;
			}
	}
	for (size_t i = old; i < new; i++)
	{
		b->prevf[i] = (i == old) ? tail : (int32_t) (i - 1);
		b->nextf[i] = (i + 1 < new) ? (int32_t) (i + 1) : -1;
	}
	if (tail >= 0)
		b->nextf[tail] = (int32_t) old;
	else
		b->free_head = (int32_t) old;
	b->cap = new;
	return true;
}

static void
builder_take(builder *b, int32_t slot, int32_t parent)
{
	int32_t		p = b->prevf[slot],
				n = b->nextf[slot];

	if (p >= 0)
		b->nextf[p] = n;
	else
		b->free_head = n;
	if (n >= 0)
		b->prevf[n] = p;
	b->nextf[slot] = b->prevf[slot] = -1;
	b->m->check[slot] = parent;
	if ((size_t) slot + 1 > b->used_max)
		b->used_max = slot + 1;
}

/*
 * Find a base for a node whose children have the given codes (ascending):
 * every base + code must be a free slot.
 */
static bool
builder_find_base(builder *b, const uint8_t *codes, int nc, int32_t *base_out)
{
	for (;;)
	{
		int32_t		slot = b->free_head;

		while (slot >= 0)
		{
			long		base = (long) slot - codes[0];

			if (base >= 0)
			{
				bool		ok = true;

				if ((size_t) base + codes[nc - 1] >= b->cap)
				{
					if (!builder_grow(b, (size_t) base + codes[nc - 1] + 1))
						return false;
				}
				for (int i = 1; i < nc; i++)
				{
					if (b->m->check[base + codes[i]] != -1)
					{
						ok = false;
						break;
					}
				}
				if (ok)
				{
					*base_out = (int32_t) base;
					return true;
				}
			}
			slot = b->nextf[slot];
		}
		/* no room: grow and retry from the new slots */
		if (!builder_grow(b, b->cap * 2))
			return false;
	}
}

typedef struct build_frame
{
	int32_t		slot;
	uint32_t	lo,
				hi;				/* distinct keys [lo, hi) share the prefix */
	uint32_t	depth;
} build_frame;

static bool
oom(sn_error *err)
{
	return sn_error_set(err, SN_ERR_INVALID_PARAMETER, -1,
						"out of memory while building the name matcher");
}

/*
 * The state after s on stream byte b.  The failure link of hint_state, should
 * it be needed, is hint_fail: the scan has it from an output record, already
 * in cache (-1: no hint).
 */
static inline __attribute__((always_inline)) int32_t
next_state(const sn_matcher *m, int32_t s, uint8_t b, int32_t hint_state, int32_t hint_fail)
{
	uint8_t		c = m->code[b];

	if (c == 0)
		return 0;
	for (;;)
	{
		int32_t		t = m->nodes[s].base + c;

		if (m->nodes[t].check == s)
			return t;
		if (s == 0)
			return 0;
		s = s == hint_state ? hint_fail : m->fail[s];
	}
}

/* One step of the automaton on stream byte b (while building). */
static void
step(const sn_matcher *m, int32_t *sp, uint8_t b)
{
	*sp = next_state(m, *sp, b, -1, 0);
}

/*
 * What the build works on besides the matcher: the names normalised into
 * one store, sorted, and the distinct keys among them.
 */
typedef struct build
{
	builder		b;				/* the double array's free slots */
	sn_matcher *m;
	const sn_allocator *a;
	build_key  *keys;			/* every usable name, sorted */
	size_t		nkeys;
	uint8_t    *store;			/* their normalised bytes */
	size_t		store_len;
	size_t		max_len;		/* the longest key */
	uint32_t   *distinct;		/* index of the first build_key of each distinct key, then nkeys */
	size_t		ndistinct;
	size_t		npayloads;
	int32_t    *queue;			/* states, breadth first (failure links) */
} build;

/* Make room in the store for one more normalised name. */
static bool
build_store_room(build *bd, size_t *cap)
{
	size_t		nc;
	uint8_t    *ns;

	if (*cap - bd->store_len >= SN_MATCHER_MAX_KEY)
		return true;
	nc = *cap ? *cap * 2 : 65536;
	ns = xalloc(bd->a, nc);
	if (!ns)
		return false;
	if (bd->store)
		memcpy(ns, bd->store, bd->store_len);
	sn_free(bd->a, bd->store);
	bd->store = ns;
	*cap = nc;
	return true;
}

/*
 * Step 1: normalise every name into one store and sort them; a name with no
 * word, too long, or with a break is skipped (counted).
 */
static bool
build_normalise_names(build *bd, const sn_matcher_entry *entries, size_t n, sn_error *err)
{
	const sn_allocator *a = bd->a;
	size_t	   *offsets;
	size_t		store_cap = 0;

	bd->keys = xalloc(a, (n ? n : 1) * sizeof(build_key));
	offsets = xalloc(a, (n ? n : 1) * sizeof(size_t));
	if (!bd->keys || !offsets)
	{
		sn_free(a, offsets);
		return oom(err);
	}
	for (size_t i = 0; i < n; i++)
	{
		long		len;
		bool		brk;

		if (!build_store_room(bd, &store_cap))
		{
			sn_free(a, offsets);
			return oom(err);
		}
		len = normalize_name(entries[i].name, entries[i].len,
							 bd->store + bd->store_len, SN_MATCHER_MAX_KEY, &brk, NORM_STREAM);
		if (len < 0)
		{
			char		q[64];

			sn_free(a, offsets);
			return sn_error_set(err, SN_ERR_SYNTAX, (int) (i > INT32_MAX ? INT32_MAX : i),
								"invalid UTF-8 in name \"%s\"",
								sn_quote_input(q, sizeof(q), entries[i].name, entries[i].len));
		}
		if (len == 0 || len > SN_MATCHER_MAX_KEY || brk)
		{
			bd->m->stats.skipped++;
			continue;
		}
		offsets[bd->nkeys] = bd->store_len;
		bd->keys[bd->nkeys].len = (uint32_t) len;
		bd->keys[bd->nkeys].entry = (uint32_t) i;
		bd->nkeys++;
		bd->store_len += len;
		if ((size_t) len > bd->max_len)
			bd->max_len = len;
	}
	/* the store may have moved while growing: set pointers only now */
	for (size_t i = 0; i < bd->nkeys; i++)
		bd->keys[i].bytes = bd->store + offsets[i];
	sn_free(a, offsets);
	qsort(bd->keys, bd->nkeys, sizeof(build_key), cmp_build_key);
	return true;
}

/* Step 2: the distinct keys, and their payloads (repeated ones kept once, counted). */
static bool
build_distinct_keys(build *bd, const sn_matcher_entry *entries, sn_error *err)
{
	sn_matcher *m = bd->m;
	const build_key *keys = bd->keys;
	size_t		nkeys = bd->nkeys,
				room = nkeys ? nkeys : 1;

	bd->distinct = xalloc(bd->a, (nkeys + 1) * sizeof(uint32_t));
	m->payloads = xalloc(bd->a, room * sizeof(sn_matcher_payload));
	m->key_len = xalloc(bd->a, room * sizeof(uint32_t));
	m->key_first = xalloc(bd->a, room * sizeof(uint32_t));
	m->key_count = xalloc(bd->a, room * sizeof(uint32_t));
	if (!bd->distinct || !m->payloads || !m->key_len || !m->key_first || !m->key_count)
		return oom(err);
	for (size_t i = 0; i < nkeys; i++)
	{
		const sn_matcher_entry *e = &entries[keys[i].entry];
		bool		new_key = (i == 0 || keys[i].len != keys[i - 1].len ||
							   memcmp(keys[i].bytes, keys[i - 1].bytes, keys[i].len) != 0);

		if (new_key)
		{
			bd->distinct[bd->ndistinct] = (uint32_t) i;
			m->key_len[bd->ndistinct] = keys[i].len;
			m->key_first[bd->ndistinct] = (uint32_t) bd->npayloads;
			m->key_count[bd->ndistinct] = 0;
			bd->ndistinct++;
		}
		else
		{
			bool		dup = false;
			uint32_t	k = (uint32_t) bd->ndistinct - 1;

			for (uint32_t p = m->key_first[k]; p < bd->npayloads && !dup; p++)
				if (m->payloads[p].payload == e->payload && m->payloads[p].flags == e->flags)
				{
					m->payloads[p].count++;
					dup = true;
				}
			if (dup)
			{
				m->stats.skipped++;
				continue;
			}
		}
		m->payloads[bd->npayloads].payload = e->payload;
		m->payloads[bd->npayloads].flags = e->flags;
		m->payloads[bd->npayloads].count = 1;
		bd->npayloads++;
		m->key_count[bd->ndistinct - 1]++;
	}
	bd->distinct[bd->ndistinct] = (uint32_t) nkeys;
	m->stats.keys = bd->ndistinct;
	return true;
}

/* Step 3: byte codes: every byte used by a name gets one, in byte order. */
static void
build_codes(build *bd)
{
	bool		seen[256] = {false};
	int			nc = 0;

	for (size_t i = 0; i < bd->store_len; i++)
		seen[bd->store[i]] = true;
	for (int c = 0; c < 256; c++)
		bd->m->code[c] = seen[c] ? (uint8_t) ++nc : 0;
}

/*
 * Step 4: the double-array trie over the sorted distinct keys.  The first
 * levels are placed breadth first, so that the states most steps visit sit
 * together at the front; below DEPTH_FIRST_FROM, depth first, so that the
 * rest of a name (mostly one chain of states) lies in a few neighbouring
 * cache lines rather than one line per letter.
 */
static bool
build_trie(build *bd, sn_error *err)
{
	sn_matcher *m = bd->m;
	builder    *b = &bd->b;
	const build_key *keys = bd->keys;
	const uint32_t *distinct = bd->distinct;
	/* a queue of nodes to place: at most one per byte of the keys, plus the root */
	build_frame *stack = xalloc(bd->a, (bd->store_len + 2) * sizeof(build_frame));
	build_frame *deep = xalloc(bd->a, (bd->store_len + 2) * sizeof(build_frame));
	size_t		qh = 0,
				qt = 0,
				ndeep = 0,
				states = 1;
	bool		ok = true;

	if (!stack || !deep || !builder_grow(b, 1024))
		ok = false;
	else
	{
		builder_take(b, 0, -2); /* the root */
		stack[qt++] = (build_frame)
		{
			0, 0, (uint32_t) bd->ndistinct, 0
		};
	}
	while (ok && (qh < qt || ndeep > 0))
	{
		build_frame f = qh < qt ? stack[qh++] : deep[--ndeep];
		uint8_t		codes[256];
		uint32_t	starts[257];
		int			nc = 0;
		uint32_t	lo = f.lo;
		int32_t		base;

		/* a key that ends here is the first (shortest) of the range: marked in step 5 */
		if (lo < f.hi && keys[distinct[lo]].len == f.depth)
			lo++;
		for (uint32_t k = lo; k < f.hi; k++)
		{
			uint8_t		c = m->code[keys[distinct[k]].bytes[f.depth]];

			if (nc == 0 || codes[nc - 1] != c)
			{
				codes[nc] = c;
				starts[nc] = k;
				nc++;
			}
		}
		starts[nc] = f.hi;
		if (nc == 0)
			continue;
		if (!builder_find_base(b, codes, nc, &base))
		{
			ok = false;
			break;
		}
		m->base[f.slot] = base;
		for (int i = 0; i < nc; i++)
			builder_take(b, base + codes[i], f.slot);
		states += nc;
		for (int i = 0; i < nc; i++)
		{
			/* deep children pushed last first: the first is expanded first */
			int			j = f.depth + 1 < DEPTH_FIRST_FROM ? i : nc - 1 - i;
			build_frame child = {base + codes[j], starts[j], starts[j + 1], f.depth + 1};

			if (child.depth < DEPTH_FIRST_FROM)
				stack[qt++] = child;
			else
				deep[ndeep++] = child;
		}
	}
	m->stats.states = states;
	sn_free(bd->a, stack);
	sn_free(bd->a, deep);
	return ok || oom(err);
}

/*
 * Step 5: pad the arrays so that base + any code stays inside them, make
 * the per-slot key, fail and dict arrays, and mark where each key ends.
 */
static bool
build_key_ends(build *bd, sn_error *err)
{
	sn_matcher *m = bd->m;
	size_t		need = bd->b.used_max + 257;

	if (need > bd->b.cap && !builder_grow(&bd->b, need))
		return oom(err);
	m->nslots = bd->b.cap;
	if (!grow_array(bd->a, &m->key, 0, m->nslots, -1) ||
		!grow_array(bd->a, &m->fail, 0, m->nslots, 0) ||
		!grow_array(bd->a, &m->dict, 0, m->nslots, 0))
		return oom(err);
	for (size_t k = 0; k < bd->ndistinct; k++)
	{
		const build_key *bk = &bd->keys[bd->distinct[k]];
		int32_t		s = 0;

		for (uint32_t i = 0; i < bk->len; i++)
			s = m->base[s] + m->code[bk->bytes[i]];
		m->key[s] = (int32_t) k;
	}
	return true;
}

/* The failure link of t, the child of s (not the root) on code c. */
static int32_t
failure_of(const sn_matcher *m, int32_t s, int c)
{
	int32_t		r = m->fail[s];

	for (;;)
	{
		int32_t		u = m->base[r] + c;

		if (m->check[u] == r)
			return u;
		if (r == 0)
			return 0;
		r = m->fail[r];
	}
}

/* Step 6: failure and dictionary links, breadth first. */
static bool
build_failure_links(build *bd, sn_error *err)
{
	sn_matcher *m = bd->m;
	size_t		qh = 0,
				qt = 0;
	int			ncodes = 0;

	bd->queue = xalloc(bd->a, m->stats.states * sizeof(int32_t));
	if (!bd->queue)
		return oom(err);
	for (int c = 0; c < 256; c++)
		if (m->code[c] > ncodes)
			ncodes = m->code[c];
	bd->queue[qt++] = 0;
	while (qh < qt)
	{
		int32_t		s = bd->queue[qh++];

		for (int c = 1; c <= ncodes; c++)
		{
			int32_t		t = m->base[s] + c;
			int32_t		f;

			if (m->check[t] != s)
				continue;
			f = s == 0 ? 0 : failure_of(m, s, c);
			m->fail[t] = f;
			m->dict[t] = (m->key[f] >= 0) ? f : m->dict[f];
			bd->queue[qt++] = t;
		}
	}
	return true;
}

/* The output record of state i (number: the records' numbers by state). */
static void
pack_output(sn_matcher *m, const int32_t *number, size_t i, dout *o)
{
	o->next = m->dict[i] > 0 ? number[m->dict[i]] + 1 : 0;
	o->fail = m->fail[i];
	if (m->key[i] >= 0)
	{
		uint32_t	k = (uint32_t) m->key[i];

		o->key = k;
		o->len = (uint16_t) m->key_len[k];
		if (m->key_count[k] == 1)
		{
			o->single = 1;
			o->p.one = m->payloads[m->key_first[k]];
		}
		else
		{
			o->p.many.first = m->key_first[k];
			o->p.many.count = m->key_count[k];
		}
	}
}

/*
 * The arrays only building reads (the double-array trie and the keys): freed
 * once packed, and by sn_matcher_free when building stops before that.
 */
static void
free_building_arrays(sn_matcher *m, const sn_allocator *a)
{
	sn_free(a, m->base);
	sn_free(a, m->check);
	sn_free(a, m->key);
	sn_free(a, m->dict);
	sn_free(a, m->key_len);
	sn_free(a, m->key_first);
	sn_free(a, m->key_count);
	m->base = m->check = m->key = m->dict = NULL;
	m->key_len = m->key_first = m->key_count = NULL;
}

/* Is stream byte b one of a gap's symbols (no MARK, no folded ASCII letter or digit)? */
static inline bool
is_gap_byte(int b)
{
	return b != MARK && !(b >= '0' && b <= '9') && !(b >= 'a' && b <= 'z');
}

/* Has state s a child on a gap's symbol (gap_codes: their codes, ngap of them)? */
static bool
has_gap_child(const sn_matcher *m, int32_t s, const uint8_t *gap_codes, int ngap)
{
	for (int k = 0; k < ngap; k++)
		if (m->check[m->base[s] + gap_codes[k]] == s)
			return true;
	return false;
}

/*
 * Step 6b: the gap_root bits, breadth first so that a state's failure link
 * has its bit already: no child on a gap's symbol, and the failure link's
 * bit (the root has no such child: no name begins with a gap).
 */
static bool
build_gap_root(build *bd, sn_error *err)
{
	sn_matcher *m = bd->m;
	uint8_t		gap_codes[256];
	int			ngap = 0;

	for (int b = 0; b < 256; b++)
		if (m->code[b] != 0 && is_gap_byte(b))
			gap_codes[ngap++] = m->code[b];
	m->gap_root = xalloc(bd->a, (m->nslots / 64 + 1) * sizeof(uint64_t));
	if (!m->gap_root)
		return oom(err);
	memset(m->gap_root, 0, (m->nslots / 64 + 1) * sizeof(uint64_t));
	for (size_t q = 0; q < m->stats.states; q++)
	{
		int32_t		s = bd->queue[q];

		if (!has_gap_child(m, s, gap_codes, ngap) &&
			(s == 0 || (m->gap_root[m->fail[s] / 64] >> (m->fail[s] % 64) & 1)))
			m->gap_root[s / 64] |= UINT64_C(1) << (s % 64);
	}
	return true;
}

/* Step 7: pack what the scan reads (nodes, output bits and records); the building arrays go. */
static bool
build_pack(build *bd, sn_error *err)
{
	sn_matcher *m = bd->m;
	const sn_allocator *a = bd->a;
	size_t		nouts = 0;
	int32_t    *number = m->base;	/* base is copied into nodes first */

	m->nodes = xalloc(a, m->nslots * sizeof(dnode));
	m->out_blocks = xalloc(a, (m->nslots / 64 + 1) * sizeof(out_block));
	if (!m->nodes || !m->out_blocks)
		return oom(err);
	memset(m->out_blocks, 0, (m->nslots / 64 + 1) * sizeof(out_block));
	for (size_t i = 0; i < m->nslots; i++)
	{
		m->nodes[i].base = m->base[i];
		m->nodes[i].check = m->check[i];
	}
	/* number the states with outputs in slot order, as out_block counts them */
	for (size_t i = 0; i < m->nslots; i++)
	{
		out_block  *ob = &m->out_blocks[i / 64];

		if (i % 64 == 0)
			ob->before = (uint32_t) nouts;
		number[i] = -1;
		if (m->key[i] >= 0 || m->dict[i] > 0)
		{
			ob->bits |= UINT64_C(1) << (i % 64);
			number[i] = (int32_t) nouts++;
		}
	}
	m->outs_mem = xalloc(a, (nouts ? nouts : 1) * sizeof(dout) + SN_CACHE_LINE);
	if (!m->outs_mem)
		return oom(err);
	m->outs = (dout *) (((uintptr_t) m->outs_mem + SN_CACHE_LINE - 1) &
						~(uintptr_t) (SN_CACHE_LINE - 1));
	memset(m->outs, 0, nouts * sizeof(dout));
	for (size_t i = 0; i < m->nslots; i++)
		if (number[i] >= 0)
			pack_output(m, number, i, &m->outs[number[i]]);
	m->stats.bytes = sizeof(sn_matcher) + m->nslots * (sizeof(dnode) + sizeof(int32_t)) +
		(m->nslots / 64 + 1) * (sizeof(out_block) + sizeof(uint64_t)) + nouts * sizeof(dout) +
		SN_CACHE_LINE +
		bd->npayloads * sizeof(sn_matcher_payload);

	free_building_arrays(m, a);
	return true;
}

/* Step 8: the states at the start of a word, from the root, and after its first two letters. */
static void
build_word_states(sn_matcher *m)
{
	m->word_state = 0;
	step(m, &m->word_state, MARK);
	for (int c = 0; c < 128; c++)
		for (int d = 0; d < 128; d++)
		{
			int32_t		s = m->word_state;

			if (ascii_class[c] != CLS_WORD || ascii_class[d] != CLS_WORD ||
				ascii_fold[c] != c || ascii_fold[d] != d)
				continue;
			step(m, &s, (uint8_t) c);
			step(m, &s, (uint8_t) d);
			m->word_pair_state[word_index((uint8_t) c) * WORD_INDEX_N + word_index((uint8_t) d)] = s;
		}
}

/* Step 9: the ring of mark positions must outlast the longest key. */
static void
build_ring(sn_matcher *m, size_t max_len)
{
	size_t		ring = 16;

	while (ring <= max_len)
		ring *= 2;
	m->ring_mask = ring - 1;
}

sn_matcher *
sn_matcher_build(const sn_matcher_entry *entries, size_t n,
				 const sn_allocator *alloc, sn_error *err)
{
	const sn_allocator *a = alloc ? alloc : &sn_malloc_allocator;
	build		bd;
	sn_matcher *m;
	bool		ok;

	memset(&bd, 0, sizeof(bd));
	if (!ascii_ready)
		init_ascii();
	sn_error_clear(err);
	m = xalloc(a, sizeof(sn_matcher));
	if (!m)
	{
		oom(err);
		return NULL;
	}
	memset(m, 0, sizeof(*m));
	m->alloc = *a;
	m->stats.entries = n;
	bd.m = bd.b.m = m;
	bd.a = bd.b.a = a;
	bd.b.free_head = -1;

	ok = build_normalise_names(&bd, entries, n, err) &&
		build_distinct_keys(&bd, entries, err);
	if (ok)
	{
		build_codes(&bd);
		ok = build_trie(&bd, err) &&
			build_key_ends(&bd, err) &&
			build_failure_links(&bd, err) &&
			build_gap_root(&bd, err) &&
			build_pack(&bd, err);
	}
	if (ok)
	{
		build_word_states(m);
		build_ring(m, bd.max_len);
		m->stats.slots = m->nslots;
	}

	sn_free(a, bd.keys);
	sn_free(a, bd.store);
	sn_free(a, bd.distinct);
	sn_free(a, bd.queue);
	sn_free(a, bd.b.nextf);
	sn_free(a, bd.b.prevf);
	if (!ok)
	{
		sn_matcher_free(m);
		return NULL;
	}
	return m;
}

void
sn_matcher_free(sn_matcher *m)
{
	sn_allocator a;

	if (!m)
		return;
	a = m->alloc;
	free_building_arrays(m, &a);
	sn_free(&a, m->nodes);
	sn_free(&a, m->out_blocks);
	sn_free(&a, m->outs_mem);
	sn_free(&a, m->fail);
	sn_free(&a, m->gap_root);
	sn_free(&a, m->payloads);
	sn_free(&a, m);
}

void
sn_matcher_get_stats(const sn_matcher *m, sn_matcher_stats *stats)
{
	*stats = m->stats;
}

/* ------------------------------------------------------------------------
 * Scanning
 */

typedef struct ring_pos
{
	size_t		ch;
	size_t		byte;
} ring_pos;

#define RING_LOCAL 2048			/* > SN_MATCHER_MAX_KEY: the ring lives on the stack */


typedef struct scan_state
{
	const sn_matcher *m;
	const char *text;
	sn_matcher_hit_fn fn;
	void	   *arg;
	int32_t		s;				/* automaton state */
	uint64_t	pos;			/* stream offset of the next byte stepped over */
	bool		stopped;		/* the callback asked to stop */
	int32_t		hint_state;		/* the last state whose output record was read, or -1 */
	int32_t		hint_fail;		/* its failure link, from the record */
	ring_pos	ring[RING_LOCAL];
} scan_state;

/* One step of the scan on stream byte b. */
static inline __attribute__((always_inline)) void
scan_step(const sn_matcher *m, scan_state *ss, uint8_t b)
{
	ss->s = next_state(m, ss->s, b, ss->hint_state, ss->hint_fail);
}

/* Remember the position of the MARK at stream offset ss->pos. */
static inline __attribute__((always_inline)) void
note_mark(scan_state *ss, size_t ch, size_t byte)
{
	ss->ring[ss->pos & ss->m->ring_mask].ch = ch;
	ss->ring[ss->pos & ss->m->ring_mask].byte = byte;
}

/* Step over a MARK at a word edge (ch, byte); report keys ending there. */
static inline __attribute__((always_inline)) void
step_mark(scan_state *ss, size_t ch, size_t byte, bool word_end)
{
	const sn_matcher *m = ss->m;
	size_t		mask = m->ring_mask;

	scan_step(m, ss, MARK);
	note_mark(ss, ch, byte);
	if (word_end && !ss->stopped)
	{
		const out_block *ob = &m->out_blocks[ss->s >> 6];
		uint64_t	bit = UINT64_C(1) << (ss->s & 63);

		if (ob->bits & bit)
		{
			const dout *o = &m->outs[ob->before + bits_set(ob->bits & (bit - 1))];

			ss->hint_state = ss->s;
			ss->hint_fail = o->fail;
			for (;;)
			{
				uint32_t	count = out_count(o);

				if (count > 0)
				{
					const ring_pos *start = &ss->ring[(ss->pos + 1 - o->len) & mask];
					sn_matcher_hit hit;

					hit.start_char = start->ch;
					hit.start_byte = start->byte;
					hit.end_char = ch;
					hit.end_byte = byte;
					hit.key = o->key;
					hit.npayloads = count;
					hit.payloads = o->single ? &o->p.one : m->payloads + o->p.many.first;
					hit.has_lower = sn_matcher_has_lower(ss->text + start->byte, byte - start->byte);
					hit.first_upper = sn_matcher_first_upper(ss->text + start->byte, byte - start->byte);
					if (!ss->fn(ss->arg, &hit))
					{
						ss->stopped = true;
						break;
					}
				}
				if (o->next == 0)
					break;
				o = &m->outs[o->next - 1];
			}
		}
	}
	ss->pos++;
}

/* Step over what norm_cp() or norm_finish() emitted. */
static inline void
step_out(scan_state *ss, const norm_out *o)
{
	for (int j = 0; j < o->n; j++)
	{
		if (j == o->mark_at)
			step_mark(ss, o->mark_char, o->mark_byte, o->mark_ends_word);
		else
		{
			scan_step(ss->m, ss, o->bytes[j]);
			ss->pos++;
		}
	}
}

bool
sn_matcher_scan(const sn_matcher *m, const char *text, size_t len,
				sn_matcher_hit_fn fn, void *arg, sn_error *err)
{
	return sn_matcher_scan_progress(m, text, len, fn, arg, NULL, NULL, err);
}

#define PROGRESS_EVERY ((size_t) 1 << 20)

/*
 * The scan word by word (sn_words.h): the gap before a word goes through the
 * normaliser character by character, as does a word while the automaton is
 * inside a name; a word that leaves it at the root (most words of a text:
 * no name goes on through their first two letters) is passed over at once,
 * to its end.
 */
typedef struct word_scan
{
	scan_state	ss;
	norm_state	st;
	const unsigned char *t;
	size_t		len;
	size_t		gap_byte;		/* where the gap before the next word begins */
	size_t		gap_char;
	size_t		next_progress;
	void		(*progress) (void *);
	void	   *progress_arg;
} word_scan;

static void
word_scan_begin(word_scan *ws, const sn_matcher *m, const char *text, size_t len,
				sn_matcher_hit_fn fn, void *arg, void (*progress) (void *), void *progress_arg)
{
	if (!ascii_ready)
		init_ascii();
	ws->ss.m = m;
	ws->ss.text = text;
	ws->ss.fn = fn;
	ws->ss.arg = arg;
	ws->ss.s = 0;
	ws->ss.pos = 0;
	ws->ss.stopped = false;
	ws->ss.hint_state = -1;
	ws->ss.hint_fail = 0;
	memset(&ws->st, 0, sizeof(ws->st));
	ws->t = (const unsigned char *) text;
	ws->len = len;
	ws->gap_byte = ws->gap_char = 0;
	ws->next_progress = progress ? PROGRESS_EVERY : SIZE_MAX;
	ws->progress = progress;
	ws->progress_arg = progress_arg;
}

/*
 * The character beyond ASCII at byte bi (character ci) through the
 * normaliser, and the automaton over what it emits; returns its length.
 */
static inline int
word_scan_char(word_scan *ws, size_t bi, size_t ci)
{
	uint32_t	cp,
				f[SN_FOLD_MAX];
	int			nf = 0;
	int			nb = sn_decode_fold((const char *) ws->t + bi, ws->len - bi, &cp, f, &nf);
	norm_out	o;

	for (int k = 0; k < nf; k++)
	{
		norm_cp(&ws->st, f[k], ci, bi, nb, &o);
		step_out(&ws->ss, &o);
	}
	return nb;
}

/*
 * The characters of the gap from ws->gap_byte to the byte to (no word
 * character among them), once the automaton is inside a name: at the root,
 * where the word before has left most scans, no gap leads anywhere.
 */
static inline __attribute__((always_inline)) void
word_scan_gap(word_scan *ws, size_t to)
{
	scan_state *ss = &ws->ss;
	norm_state *st = &ws->st;
	const sn_matcher *m = ss->m;
	size_t		bi = ws->gap_byte,
				ci = ws->gap_char;

	while (bi < to && !ss->stopped)
	{
		unsigned char c0 = ws->t[bi];

		if (c0 < 0x80)
		{
			if (st->in_word)
			{
				/* from the root, the MARK ends no name: not stepped */
				if (ss->s != 0)
				{
					step_mark(ss, st->word_end_char, st->word_end_byte, true);

					/*
					 * Where no name goes on through a gap (gap_root: at
					 * word_state, as every name goes on from a MARK with a
					 * word character, and at the end of most names), the gap
					 * leads to the root, which the scan takes at once.  Most
					 * words and names end so, many names beginning with the
					 * same letters as common words ("The Gambia").
					 */
					if (m->gap_root[ss->s / 64] >> (ss->s % 64) & 1)
						ss->s = 0;
				}
				st->in_word = false;
				if (ss->s == 0)
					return;
			}
			if (ascii_class[c0] == CLS_SEP)
				st->gap_sep = true;
			else
				norm_gap_cp(st, ascii_fold[c0]);
			bi++;
		}
		else
			bi += word_scan_char(ws, bi, ci);
		ci++;
	}
}

/*
 * The state after a word's MARK and its first two characters t[0], t[1]
 * (ASCII letters or digits), from the root.
 */
static inline int32_t
word_pair_state(const sn_matcher *m, const unsigned char *t)
{
	return m->word_pair_state[ascii_word_index[t[0]] * WORD_INDEX_N + ascii_word_index[t[1]]];
}

/*
 * A word w from the root whose first two characters are ASCII: its MARK and
 * its ASCII characters are stepped until the automaton is back at the root
 * (most words: no name goes on through their first letters).  Then nothing
 * is noted and false returned: no name is under way before the word or
 * through it, nothing in the gap after it leads anywhere, and at the root no
 * position noted before is ever read again, so the stream offset need not
 * go on counting either.  Else the word's MARK is noted, the stream offset
 * counts what was stepped, and *bi, *ci are where the word goes on.
 */
static inline __attribute__((always_inline)) bool
word_from_root(word_scan *ws, const sn_word *w, size_t *bi, size_t *ci)
{
	scan_state *ss = &ws->ss;
	const sn_matcher *m = ss->m;
	const unsigned char *t = ws->t;
	size_t		b = *bi + 2;
	int32_t		s = word_pair_state(m, t + *bi);

	while (s != 0 && b < w->end_byte && t[b] < 0x80)
		s = next_state(m, s, ascii_fold[t[b++]], ss->hint_state, ss->hint_fail);
	if (s == 0)
		return false;
	ss->s = s;
	note_mark(ss, *ci, *bi);
	ss->pos += 1 + (b - *bi);
	norm_begin_word(&ws->st);
	ws->gap_byte = w->end_byte;
	ws->gap_char = w->end_char;
	*ci += b - *bi;
	*bi = b;
	return true;
}

/*
 * The start of a word w at *bi, *ci, its gap read, but for one
 * word_from_root() takes: its MARK, its first two characters when it can;
 * *bi, *ci are where the word goes on.
 */
static inline __attribute__((always_inline)) void
word_start(word_scan *ws, const sn_word *w, size_t *bi, size_t *ci)
{
	scan_state *ss = &ws->ss;
	norm_state *st = &ws->st;
	const sn_matcher *m = ss->m;
	const unsigned char *t = ws->t;

	if (ss->s == 0)
		st->in_word = false;	/* from the root, the word before ends no name */
	ws->gap_byte = w->end_byte;
	ws->gap_char = w->end_char;
	if (t[*bi] >= 0x80)
	{
		/* a first character beyond ASCII: its gap symbols and MARK come with it */
		*bi += word_scan_char(ws, *bi, *ci);
		(*ci)++;
		return;
	}
	if (ss->s == 0)
	{
		/*
		 * From the root the gap's symbols lead nowhere (no name begins
		 * with one) and the MARK to word_state: neither is stepped.
		 */
		ss->s = m->word_state;
		note_mark(ss, *ci, *bi);
		ss->pos++;
	}
	else
	{
		uint8_t		gap[NORM_GAP_MAX];
		int			ng = norm_gap_symbols(st, gap);

		for (int j = 0; j < ng; j++, ss->pos++)
			scan_step(m, ss, gap[j]);
		step_mark(ss, *ci, *bi, false);
	}
	norm_begin_word(st);
	if (ss->s == m->word_state && *bi + 1 < w->end_byte && t[*bi + 1] < 0x80)
	{
		/* the word's first two characters at once */
		ss->s = word_pair_state(m, t + *bi);
		ss->pos += 2;
		*bi += 2;
		*ci += 2;
	}
}

/* One word: its gap, its MARK, its characters as long as a name may go on through them. */
static inline __attribute__((always_inline)) void
word_scan_word(word_scan *ws, const sn_word *w)
{
	scan_state *ss = &ws->ss;
	norm_state *st = &ws->st;
	const sn_matcher *m = ss->m;
	const unsigned char *t = ws->t;
	size_t		bi = w->start_byte,
				ci = w->start_char,
				end = w->end_byte;

	if (bi >= ws->next_progress)
	{
		ws->progress(ws->progress_arg);
		ws->next_progress = bi + PROGRESS_EVERY;
	}
	if (ss->s != 0)
	{
		/* the gap, which most often leads back to the root (see gap_root) */
		word_scan_gap(ws, bi);
		if (ss->stopped)
			return;
	}
	if (ss->s == 0 && end - bi >= 2 && t[bi] < 0x80 && t[bi + 1] < 0x80)
	{
		if (!word_from_root(ws, w, &bi, &ci))
			return;
	}
	else
		word_start(ws, w, &bi, &ci);
	while (bi < end && ss->s != 0)
	{
		if (t[bi] < 0x80)
		{
			scan_step(m, ss, ascii_fold[t[bi]]);
			ss->pos++;
			bi++;
		}
		else
			bi += word_scan_char(ws, bi, ci);
		ci++;
	}

	/*
	 * At the root inside a word, nothing can start before the next MARK: on
	 * to the word's end.
	 */
	st->in_word = true;
	st->word_end_char = w->end_char;
	st->word_end_byte = end;
}

/* The end of the text: the last word closes. */
static void
word_scan_finish(word_scan *ws)
{
	norm_out	o;

	if (!ws->ss.stopped)
	{
		norm_finish(&ws->st, &o);
		step_out(&ws->ss, &o);
	}
}

bool
sn_matcher_scan_words(const sn_matcher *m, const char *text, size_t len,
					  const sn_word *words, size_t nwords,
					  sn_matcher_hit_fn fn, void *arg,
					  void (*progress) (void *), void *progress_arg)
{
	word_scan	ws;

	word_scan_begin(&ws, m, text, len, fn, arg, progress, progress_arg);
	for (size_t k = 0; k < nwords && !ws.ss.stopped; k++)
		word_scan_word(&ws, &words[k]);
	word_scan_finish(&ws);
	return true;
}

#define SCAN_WORDS_AT_ONCE 128

bool
sn_matcher_scan_progress(const sn_matcher *m, const char *text, size_t len,
						 sn_matcher_hit_fn fn, void *arg,
						 void (*progress) (void *), void *progress_arg,
						 sn_error *err)
{
	word_scan	ws;
	sn_word_reader r;
	sn_word		words[SCAN_WORDS_AT_ONCE];
	size_t		n;

	sn_error_clear(err);
	word_scan_begin(&ws, m, text, len, fn, arg, progress, progress_arg);
	sn_words_begin(&r, text, len);
	while (!ws.ss.stopped && (n = sn_words_next(&r, words, SCAN_WORDS_AT_ONCE)) > 0)
		for (size_t k = 0; k < n && !ws.ss.stopped; k++)
			word_scan_word(&ws, &words[k]);
	if (ws.ss.stopped)
		return true;			/* the caller had what it wanted */
	if (r.bad)
	{
		/* what comes before the bad byte is read, as far as it can be */
		word_scan_gap(&ws, r.bad_byte);
		return sn_words_bad_utf8(err, r.bad_byte);
	}
	word_scan_finish(&ws);
	return true;
}
