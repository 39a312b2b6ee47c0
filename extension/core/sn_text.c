/*
 * extension/core/sn_text.c
 *
 * UTF-8 decoding and folding for matching; see sn_text.h.
 */
#include "sn_text.h"

#include <string.h>

/*
 * Base letters of U+00C0..U+00FF (Latin-1 Supplement letters), after lower
 * casing.  "" marks a character that is not a letter (× and ÷): it folds to
 * itself.
 */
static const char *const latin1_base[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y"
};

/* Base letters of U+0100..U+017F (Latin Extended-A), upper and lower alike. */
static const char *const latin_ext_a_base[128] = {
	"a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
	"d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
	"g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
	"i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
	"l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
	"o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
	"s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
	"u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s"
};

/* Base letters of U+0180..U+024F; "" for a character that folds to itself. */
static const char *const latin_ext_b_base[208] = {
	"b", "b", "b", "b", "", "", "o", "c", "c", "d", "d", "d", "d", "", "e", "e",
	"e", "f", "f", "g", "", "hv", "i", "i", "k", "k", "l", "", "", "n", "n", "o",
	"o", "o", "oi", "oi", "p", "p", "", "", "", "", "", "t", "t", "t", "t", "u",
	"u", "u", "v", "y", "y", "z", "z", "", "", "", "", "", "", "", "", "",
	"", "", "", "", "dz", "d", "dz", "lj", "l", "lj", "nj", "n", "nj", "a", "a", "i",
	"i", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "e", "a", "a",
	"a", "a", "ae", "ae", "g", "g", "g", "g", "k", "k", "o", "o", "o", "o", "", "",
	"j", "dz", "d", "dz", "g", "g", "", "", "n", "n", "a", "a", "ae", "ae", "o", "o",
	"a", "a", "a", "a", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o",
	"r", "r", "r", "r", "u", "u", "u", "u", "s", "s", "t", "t", "", "", "h", "h",
	"n", "d", "ou", "ou", "z", "z", "a", "a", "e", "e", "o", "o", "o", "o", "o", "o",
	"o", "o", "y", "y", "l", "n", "t", "j", "db", "qp", "a", "c", "c", "l", "t", "s",
	"z", "", "", "b", "u", "", "e", "e", "j", "j", "q", "q", "r", "r", "y", "y"
};

/* Base letters of U+1E00..U+1EFF; "" for a character that folds to itself. */
static const char *const latin_ext_add_base[256] = {
	"a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "d", "d", "d", "d", "d", "d",
	"d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "f", "f",
	"g", "g", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "i", "i", "i", "i",
	"k", "k", "k", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "m", "m",
	"m", "m", "m", "m", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
	"o", "o", "o", "o", "p", "p", "p", "p", "r", "r", "r", "r", "r", "r", "r", "r",
	"s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t",
	"t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "v", "v", "v", "v",
	"w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "x", "x", "x", "x", "y", "y",
	"z", "z", "z", "z", "z", "z", "h", "t", "w", "y", "a", "", "", "", "ss", "",
	"a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a",
	"a", "a", "a", "a", "a", "a", "a", "a", "e", "e", "e", "e", "e", "e", "e", "e",
	"e", "e", "e", "e", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o",
	"o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o",
	"o", "o", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u",
	"u", "u", "y", "y", "y", "y", "y", "y", "y", "y", "", "", "", "", "y", "y"
};

bool
sn_lang_from_string(const char *s, size_t len, sn_lang *out)
{
	static const struct
	{
		const char *name;
		sn_lang		lang;
	}			names[] = {
		{"en", SN_LANG_EN}, {"eng", SN_LANG_EN}, {"english", SN_LANG_EN},
		{"fr", SN_LANG_FR}, {"fra", SN_LANG_FR}, {"fre", SN_LANG_FR},
		{"french", SN_LANG_FR}, {"francais", SN_LANG_FR},
	};
	char		folded[32];
	size_t		start = 0,
				end = len,
				n;

	while (start < end && (s[start] == ' ' || s[start] == '\t'))
		start++;
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	if (end - start >= sizeof(folded) / SN_FOLD_MAX)
		return false;
	n = sn_fold_string(s + start, end - start, folded, sizeof(folded));
	if (n == (size_t) -1 || n >= sizeof(folded))
		return false;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
	{
		if (strcmp(folded, names[i].name) == 0)
		{
			*out = names[i].lang;
			return true;
		}
	}
	return false;
}

const char *
sn_lang_code(sn_lang lang)
{
	return lang == SN_LANG_FR ? "fr" : "en";
}

int
sn_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *) str;
	uint32_t	c;
	int			n;

	if (len == 0)
		return 0;
	if (s[0] < 0x80)
	{
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
	{
		n = 2;
		c = s[0] & 0x1F;
	}
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
	{
		n = 3;
		c = s[0] & 0x0F;
	}
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
	{
		n = 4;
		c = s[0] & 0x07;
	}
	else
		return 0;
	if (len < (size_t) n)
		return 0;
	for (int i = 1; i < n; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* reject overlong forms, surrogates and values beyond U+10FFFF */
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
		(c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

size_t
sn_utf8_char_count(const char *s, size_t n)
{
	size_t		count = 0;
	size_t		i = 0;

	while (i < n)
	{
		uint32_t	cp;
		int			k;

		if ((unsigned char) s[i] < 0x80)
			k = 1;
		else if ((k = sn_utf8_decode(s + i, n - i, &cp)) == 0)
			k = 1;				/* a byte of an invalid sequence */
		i += (size_t) k;
		count++;
	}
	return count;
}

int
sn_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *) out;

	if (cp < 0x80)
	{
		o[0] = (unsigned char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		o[0] = (unsigned char) (0xC0 | (cp >> 6));
		o[1] = (unsigned char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		o[0] = (unsigned char) (0xE0 | (cp >> 12));
		o[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char) (0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char) (0xF0 | (cp >> 18));
	o[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char) (0x80 | (cp & 0x3F));
	return 4;
}

static int
fold_from_table(const char *base, uint32_t cp, uint32_t out[SN_FOLD_MAX])
{
	int			n = 0;

	if (base[0] == '\0')
	{
		out[0] = cp;
		return 1;
	}
	while (base[n] != '\0' && n < SN_FOLD_MAX)
	{
		out[n] = (unsigned char) base[n];
		n++;
	}
	return n;
}

int
sn_fold_char(uint32_t cp, uint32_t out[SN_FOLD_MAX])
{
	if (cp < 0x80)
	{
		out[0] = (cp >= 'A' && cp <= 'Z') ? cp + ('a' - 'A') : cp;
		if (cp == '`')
			out[0] = '\'';
		return 1;
	}
	if (cp >= 0xC0 && cp <= 0xFF)
		return fold_from_table(latin1_base[cp - 0xC0], cp, out);
	if (cp >= 0x100 && cp <= 0x17F)
		return fold_from_table(latin_ext_a_base[cp - 0x100], cp, out);
	/* West African letters (ɓ ɗ ƴ ɔ ɛ ɲ) and the rest of Latin Extended-B */
	if (cp >= 0x180 && cp <= 0x24F)
		return fold_from_table(latin_ext_b_base[cp - 0x180], cp, out);
	/* transliterations of Arabic (ḥ ṭ ḍ ẓ) and Vietnamese letters */
	if (cp >= 0x1E00 && cp <= 0x1EFF)
		return fold_from_table(latin_ext_add_base[cp - 0x1E00], cp, out);
	/* IPA open o, open e, n with left hook (Bambara, Fula): ɔ ɛ ɲ and ɓ ɗ */
	switch (cp)
	{
		case 0x0253:
			out[0] = 'b';
			return 1;
		case 0x0254:
			out[0] = 'o';
			return 1;
		case 0x0257:
			out[0] = 'd';
			return 1;
		case 0x025B:
			out[0] = 'e';
			return 1;
		case 0x0272:
			out[0] = 'n';
			return 1;
		default:
			break;
	}
	/* Greek and Cyrillic capitals: lower case */
	if ((cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) || (cp >= 0x410 && cp <= 0x42F))
	{
		out[0] = cp + 0x20;
		return 1;
	}
	if (cp >= 0x400 && cp <= 0x40F)
	{
		out[0] = cp + 0x50;
		return 1;
	}

	switch (cp)
	{
			/* apostrophes and primes: one apostrophe */
		case 0x00B4:			/* acute accent */
		case 0x02B9:			/* modifier letter prime */
		case 0x02BB:			/* modifier letter turned comma (okina) */
		case 0x02BC:			/* modifier letter apostrophe */
		case 0x02BD:			/* modifier letter reversed comma */
		case 0x02BE:			/* modifier letter right half ring (hamza, ʾ) */
		case 0x02BF:			/* modifier letter left half ring (ayin, ʿ) */
		case 0x2018:
		case 0x2019:
		case 0x201B:
		case 0x2032:
		case 0xFF07:			/* fullwidth apostrophe */
			out[0] = '\'';
			return 1;
			/* double quotation marks, guillemets */
		case 0x00AB:
		case 0x00BB:
		case 0x201C:
		case 0x201D:
		case 0x201E:
			out[0] = '"';
			return 1;
			/* hyphens, dashes, minus: one hyphen-minus */
		case 0x2010:
		case 0x2011:
		case 0x2012:
		case 0x2013:
		case 0x2014:
		case 0x2015:
		case 0x2043:			/* hyphen bullet */
		case 0x2212:
		case 0xFE58:			/* small em dash */
		case 0xFE63:			/* small hyphen-minus */
		case 0xFF0D:			/* fullwidth hyphen-minus */
			out[0] = '-';
			return 1;
			/* no-break and typographic spaces (French writes "1 000") */
		case 0x00A0:
		case 0x202F:
		case 0x205F:
		case 0x3000:
			out[0] = ' ';
			return 1;
			/* invisible: soft hyphen, zero-width characters, BOM */
		case 0x00AD:
		case 0x200B:
		case 0x200C:
		case 0x200D:
		case 0x2060:
		case 0xFEFF:
		case 0x200E:			/* left-to-right and right-to-left marks */
		case 0x200F:
		case 0x061C:			/* Arabic letter mark */
		case 0x180E:			/* Mongolian vowel separator */
			return 0;
		default:
			break;
	}
	if (cp >= 0x2000 && cp <= 0x200A)
	{
		out[0] = ' ';
		return 1;
	}
	/* combining diacritical marks of decomposed (NFD) text */
	if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
		(cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
		(cp >= 0xFE20 && cp <= 0xFE2F))
		return 0;
	/* invisible operators (function application, invisible times...) */
	if (cp >= 0x2061 && cp <= 0x2064)
		return 0;
	out[0] = cp;
	return 1;
}

int
sn_decode_fold_other(const char *s, size_t len, uint32_t *cp, uint32_t folded[SN_FOLD_MAX],
					 int *nfolded)
{
	int			used = sn_utf8_decode(s, len, cp);

	if (used > 0)
		*nfolded = sn_fold_char(*cp, folded);
	return used;
}

size_t
sn_fold_string(const char *in, size_t len, char *out, size_t outsize)
{
	size_t		i = 0,
				o = 0;

	while (i < len)
	{
		sn_folded_char c;

		if (sn_fold_at(in, len, i, &c) == 0)
			return (size_t) -1;
		i += c.n;
		for (int k = 0; k < c.nf; k++)
		{
			char		buf[4];
			int			nb = sn_utf8_encode(c.f[k], buf);

			for (int b = 0; b < nb; b++, o++)
				if (o + 1 < outsize)
					out[o] = buf[b];
		}
	}
	if (outsize > 0)
		out[o < outsize ? o : outsize - 1] = '\0';
	return o;
}

bool
sn_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool
sn_is_word_char(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	/* Latin-1 punctuation and symbols (¡ ° ² « ...), × and ÷ */
	if (c < 0xC0 || c == 0xD7 || c == 0xF7)
		return false;
	/* general punctuation, super/subscripts, currency, letterlike symbols, arrows, maths */
	if (c >= 0x2000 && c <= 0x22FF)
		return false;
	/* CJK and fullwidth punctuation */
	if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F))
		return false;
	return true;
}
