/*
 * tests/fuzz/fuzz_annotate.c — annotate's core on arbitrary text.
 *
 * Input: the first byte picks options (bit 0: French, bit 1: names from the
 * input too), then, when bit 1 is set, names one per line up to a NUL byte;
 * the rest is the text.  A fixed gazetteer is always there: Sahel names and,
 * as in the extension, every name of the country type.
 *
 * Properties: valid UTF-8 is annotated without error, invalid UTF-8 is
 * refused; every mention lies inside the text on character boundaries with
 * consistent character and byte offsets; the list is sorted; names do not
 * overlap names, values do not overlap values; a quantity is never a bare
 * year.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "annotate.h"
#include "annotate_readers.h"
#include "fuzz_utf8.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sn_gazetteer *fixed;

static void
add(sn_gazetteer *g, const char *name, sn_ref_kind kind, int64_t id, uint32_t flags)
{
	sn_gazetteer_ref r = {kind, id, -1};
	sn_error	err;

	if (!sn_gazetteer_add(g, name, strlen(name), &r, flags, &err))
		abort();
}

static sn_gazetteer *
sahel(void)
{
	sn_gazetteer *g = sn_gazetteer_new(NULL);
	sn_error	err;

	add(g, "Mali", SN_REF_PLACE, 1, 0);
	add(g, "Malian", SN_REF_PLACE, 1, SN_NAME_DEMONYM);
	add(g, "Niger", SN_REF_PLACE, 2, 0);
	add(g, "Lake Chad", SN_REF_PLACE, 3, 0);
	add(g, "Chad", SN_REF_PLACE, 4, 0);
	add(g, "Burkina Faso", SN_REF_PLACE, 5, 0);
	add(g, "C\xc3\xb4te d'Ivoire", SN_REF_PLACE, 6, 0);
	add(g, "al-Qaeda", SN_REF_ACTOR, 1, 0);
	add(g, "JNIM", SN_REF_ACTOR, 2, 0);
	add(g, "UN", SN_REF_ACTOR, 3, 0);
	add(g, "Wagner Group", SN_REF_ACTOR, 4, 0);
	if (!sn_gazetteer_add_country_names(g, NULL, 0, &err) || !sn_gazetteer_build(g, &err))
		abort();
	return g;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *) data;
	sn_gazetteer *g;
	sn_annotate_options opt = {0};
	sn_mentions m = {0};
	sn_error	err;
	const char *text;
	size_t		len;
	uint8_t		mode;
	sn_civil_date reference = {2022, 8, 15};
	size_t		last_name_end = 0,
				last_value_end = 0;

	if (!fixed)
		fixed = sahel();
	if (size == 0)
		return 0;
	mode = data[0];
	text = in + 1;
	len = size - 1;
	g = fixed;
	if (mode & 2)
	{
		const char *nul = memchr(text, '\0', len);
		size_t		nl = nul ? (size_t) (nul - text) : 0;
		size_t		i = 0;
		int			n = 0;

		g = sn_gazetteer_new(NULL);
		while (i < nl && n < 32)
		{
			const char *e = memchr(text + i, '\n', nl - i);
			size_t		l = e ? (size_t) (e - (text + i)) : nl - i;
			sn_gazetteer_ref r = {n % 2 ? SN_REF_ACTOR : SN_REF_PLACE, n, -1};

			/* invalid UTF-8 in a name is refused, and nothing else */
			if (!sn_gazetteer_add(g, text + i, l, &r, n % 3 == 0 ? SN_NAME_DEMONYM : 0, &err) &&
				(err.status != SN_ERR_SYNTAX || fuzz_utf8_valid(text + i, l)))
				abort();
			i += l + 1;
			n++;
		}
		if (!sn_gazetteer_build(g, &err))
			abort();
		if (nul)
		{
			len -= nl + 1;
			text += nl + 1;
		}
	}

	opt.lang = (mode & 1) ? SN_LANG_FR : SN_LANG_EN;
	opt.gazetteer = g;
	sn_annotate_use_readers(&opt, (mode & 4) ? NULL : &reference);

	if (!sn_annotate(text, len, &opt, &m, &err))
	{
		if (fuzz_utf8_valid(text, len) || err.status != SN_ERR_SYNTAX)
			abort();
	}
	else
	{
		if (!fuzz_utf8_valid(text, len))
			abort();
		for (size_t i = 0; i < m.n; i++)
		{
			const sn_mention *x = &m.items[i];

			if (x->start_byte >= x->end_byte || x->end_byte > len)
				abort();
			if (((unsigned char) text[x->start_byte] & 0xC0) == 0x80 ||
				(x->end_byte < len && ((unsigned char) text[x->end_byte] & 0xC0) == 0x80))
				abort();
			if (x->start_char != sn_utf8_char_count(text, x->start_byte) ||
				x->end_char - x->start_char != sn_utf8_char_count(text + x->start_byte, x->end_byte - x->start_byte))
				abort();
			if (i > 0 && m.items[i - 1].start_char > x->start_char)
				abort();
			if (x->kind == SN_MENTION_PLACE || x->kind == SN_MENTION_ACTOR)
			{
				/* same span again (several references), or after the last name */
				if (x->start_byte < last_name_end &&
					!(i > 0 && m.items[i - 1].start_byte == x->start_byte &&
					  m.items[i - 1].end_byte == x->end_byte))
					abort();
				last_name_end = x->end_byte;
			}
			else
			{
				if (x->start_byte < last_value_end)
					abort();
				last_value_end = x->end_byte;
				if (x->kind == SN_MENTION_QUANTITY &&
					x->end_byte - x->start_byte == 4 &&
					sn_annotate_not_a_quantity(text, len, x->start_byte, x->end_byte))
					abort();
			}
		}
		/*
		 * The readers' quick word test changes nothing: the readers asked at
		 * every word find the same quantities and dates.
		 */
		{
			sn_annotate_options every = opt;
			sn_mentions m2 = {0};

			every.gazetteer = NULL;
			every.quantity.word_may_begin = NULL;
			every.date.word_may_begin = NULL;
			if (!sn_annotate(text, len, &every, &m2, &err))
				abort();
			for (size_t i = 0, j = 0; i < m.n || j < m2.n; i++)
			{
				if (i < m.n && (m.items[i].kind == SN_MENTION_PLACE ||
								m.items[i].kind == SN_MENTION_ACTOR))
					continue;
				if (i >= m.n || j >= m2.n ||
					m.items[i].start_byte != m2.items[j].start_byte ||
					m.items[i].end_byte != m2.items[j].end_byte ||
					m.items[i].kind != m2.items[j].kind ||
					(m.items[i].kind == SN_MENTION_QUANTITY ?
					 sn_estimate_cmp((const sn_estimate *) m.items[i].value.bytes,
									 (const sn_estimate *) m2.items[j].value.bytes) :
					 sn_edtf_cmp((const sn_edtf *) m.items[i].value.bytes,
								 (const sn_edtf *) m2.items[j].value.bytes)) != 0)
					abort();
				j++;
			}
			sn_mentions_free(&every, &m2);
		}
	}
	sn_mentions_free(&opt, &m);
	if (g != fixed)
		sn_gazetteer_free(g);
	return 0;
}
