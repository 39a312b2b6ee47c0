/*
 * extension/core/sn_error.h
 *
 * How the pure C core reports a failure to its caller.
 *
 * The core never throws and never allocates for errors: every parser or
 * operation that can fail takes an sn_error * and returns false (or an
 * sn_status other than SN_OK) after filling it.  The PostgreSQL glue maps the
 * status to an SQLSTATE (extension/pg/sn_pg.h); unit tests and fuzzers read
 * the message directly.  Messages follow PostgreSQL's style guide: lower case,
 * no trailing period, the offending input quoted.
 */
#ifndef SN_ERROR_H
#define SN_ERROR_H

#include <stdbool.h>
#include <stddef.h>

typedef enum sn_status
{
	SN_OK = 0,
	SN_ERR_SYNTAX,				/* malformed text: 22P02 */
	SN_ERR_RANGE,				/* number out of range: 22003 */
	SN_ERR_DATETIME_FORMAT,		/* malformed or impossible date: 22007 */
	SN_ERR_DATETIME_RANGE,		/* date outside the representable range: 22008 */
	SN_ERR_INVALID_PARAMETER,	/* a valid value that the operation refuses: 22023 */
	SN_ERR_BINARY,				/* corrupt binary representation: 22P03 */
	SN_ERR_NOT_FOUND,			/* an unknown code or name: 22P02, with a hint */
	SN_ERR_AMBIGUOUS			/* a name that means several things: 22P02, with a hint */
} sn_status;

#define SN_ERROR_MESSAGE_LEN 256
#define SN_ERROR_HINT_LEN 512

typedef struct sn_error
{
	sn_status	status;
	int			position;		/* 0-based byte offset in the input, or -1 */
	char		message[SN_ERROR_MESSAGE_LEN];
	char		detail[SN_ERROR_MESSAGE_LEN];	/* "" when there is none */
	char		hint[SN_ERROR_HINT_LEN];	/* "" when there is none */
} sn_error;

/* Reset to "no error". */
extern void sn_error_clear(sn_error *err);

/*
 * Record a failure.  The message is formatted printf-style and truncated to
 * fit; returns false so that parsers can write `return sn_error_set(...)`.
 */
extern bool sn_error_set(sn_error *err, sn_status status, int position,
						 const char *fmt,...)
			__attribute__((format(printf, 4, 5)));

/* Add a detail or hint line to an error already set. */
extern void sn_error_detail(sn_error *err, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));
extern void sn_error_hint(sn_error *err, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));

/*
 * Copy at most max_chars bytes of input into buf (size bufsize) for quoting in
 * a message, appending "..." when cut, so that a megabyte of garbage does not
 * become a megabyte-long error message.  Returns buf.
 */
extern const char *sn_quote_input(char *buf, size_t bufsize, const char *input,
								  size_t input_len);

#endif							/* SN_ERROR_H */
