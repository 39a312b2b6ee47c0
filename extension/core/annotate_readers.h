/*
 * extension/core/annotate_readers.h
 *
 * annotate()'s phrase readers: the quantity-phrase reader of the estimate
 * type and the date-phrase reader of the edtf type (the readers behind
 * parse_estimate and resolve_date), in the form annotate.h takes.  One
 * grammar for each: annotate never reads numbers or dates by itself.
 */
#ifndef SN_ANNOTATE_READERS_H
#define SN_ANNOTATE_READERS_H

#include <stdint.h>

#include "annotate.h"
#include "edtf.h"
#include "estimate.h"

/* A publication day: days from 2000-01-01, as PostgreSQL's date counts. */
typedef struct sn_date
{
	int64_t		days;
} sn_date;

/* Set a reference day from a calendar date. */
extern void sn_phrase_reader_reference(sn_date *d, int64_t year, int month, int day);

/* The quantity reader: values are sn_estimate. */
extern sn_phrase_reader sn_quantity_phrase_reader(void);

/*
 * The date reader: values are sn_edtf; relative phrases ("last month",
 * "on Saturday") resolve against *reference, and are not read at all when
 * reference is NULL (only absolute dates are).  The reader keeps the pointer.
 */
extern sn_phrase_reader sn_date_phrase_reader(const sn_date *reference);

#endif							/* SN_ANNOTATE_READERS_H */
