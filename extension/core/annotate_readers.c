/*
 * extension/core/annotate_readers.c
 *
 * The estimate and edtf phrase readers in the form annotate.h takes.
 */
#include "annotate_readers.h"

#include <string.h>

#include "edtf_phrase.h"
#include "estimate_phrase.h"

_Static_assert(sizeof(sn_estimate) <= SN_ANNOTATE_VALUE_MAX, "an estimate must fit a mention");
_Static_assert(sizeof(sn_edtf) <= SN_ANNOTATE_VALUE_MAX, "an edtf must fit a mention");

size_t
sn_annotate_read_quantity(void *arg, const char *text, size_t len, sn_lang lang, void *value)
{
	sn_estimate e;
	size_t		n = sn_estimate_phrase_scan(text, len, lang, &e, NULL);

	if (n > 0)
		memcpy(value, &e, sizeof(e));
	return n;
}

/*
 * The quantity reader's word classes for annotate: its prefix classes, and
 * SN_WORD_KNOWN on the words of its vocabulary, where annotate's prefix
 * look-ahead goes on (sn_text.h) as the reader's own quick test does.
 */
static unsigned
quantity_word_class(const char *w, size_t n, sn_lang lang)
{
	return sn_estimate_phrase_word_class(w, n, lang) |
		(sn_estimate_phrase_word_known(w, n) ? SN_WORD_KNOWN : 0);
}

void
sn_annotate_use_readers(sn_annotate_options *opt, const sn_civil_date *reference)
{
	opt->quantity.read = sn_annotate_read_quantity;
	opt->quantity.arg = NULL;
	opt->quantity.word_may_begin = sn_estimate_phrase_word_may_begin;
	opt->quantity.word_class = quantity_word_class;
	opt->date.read = sn_date_phrase_reader;
	opt->date.arg = (void *) reference;
	opt->date.word_may_begin = sn_date_phrase_word_may_begin;
	opt->date.word_class = sn_date_phrase_word_class;
	opt->date.pair_needs_known_next = sn_date_phrase_pair_needs_known_next;
}
