/*
 * extension/core/annotate_readers.h
 *
 * annotate()'s phrase readers: the quantity-phrase reader of the estimate
 * type (estimate_phrase.h) and the date-phrase reader of the edtf type
 * (edtf_phrase.h), the readers behind parse_estimate and resolve_date.  One
 * grammar for each: annotate never reads numbers or dates by itself.
 */
#ifndef SN_ANNOTATE_READERS_H
#define SN_ANNOTATE_READERS_H

#include "annotate.h"
#include "edtf.h"
#include "estimate.h"

/* sn_estimate_phrase_scan() as an sn_phrase_reader_fn: value gets an sn_estimate. */
extern size_t sn_annotate_read_quantity(void *arg, const char *text, size_t len,
										sn_lang lang, void *value);

/*
 * Point opt at both readers.  Relative date phrases ("last month", "on
 * Saturday") resolve against *reference; with reference NULL only absolute
 * dates are read.  The pointer is kept: it must outlive the sn_annotate call.
 */
extern void sn_annotate_use_readers(sn_annotate_options *opt, const sn_civil_date *reference);

#endif							/* SN_ANNOTATE_READERS_H */
