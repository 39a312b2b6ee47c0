/*
 * extension/core/sn_error.c
 *
 * Filling an sn_error; see sn_error.h for the contract.
 */
#include "sn_error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void
sn_error_clear(sn_error *err)
{
	err->status = SN_OK;
	err->position = -1;
	err->message[0] = '\0';
	err->detail[0] = '\0';
	err->hint[0] = '\0';
}

/*
 * Write the text of fmt and the arguments that follow it, the last named
 * parameter of the calling function, into the array field, cut to its size.
 */
#define PRINT_INTO(field, fmt) \
	do { \
		va_list		args_; \
		\
		va_start(args_, fmt); \
		vsnprintf((field), sizeof(field), (fmt), args_); \
		va_end(args_); \
	} while (0)

bool
sn_error_set(sn_error *err, sn_status status, int position, const char *fmt,...)
{
	err->status = status;
	err->position = position;
	err->detail[0] = '\0';
	err->hint[0] = '\0';
	PRINT_INTO(err->message, fmt);
	return false;
}

void
sn_error_detail(sn_error *err, const char *fmt,...)
{
	PRINT_INTO(err->detail, fmt);
}

void
sn_error_hint(sn_error *err, const char *fmt,...)
{
	PRINT_INTO(err->hint, fmt);
}

const char *
sn_quote_input(char *buf, size_t bufsize, const char *input, size_t input_len)
{
	const size_t ellipsis = 3;

	if (bufsize == 0)
		return buf;
	if (input_len < bufsize)
	{
		memcpy(buf, input, input_len);
		buf[input_len] = '\0';
		return buf;
	}
	if (bufsize <= ellipsis + 1)
	{
		buf[0] = '\0';
		return buf;
	}

	/*
	 * Cut on a UTF-8 character boundary so that the quoted text stays valid
	 * (PostgreSQL would otherwise complain about the message's encoding).
	 */
	{
		size_t		keep = bufsize - ellipsis - 1;

		while (keep > 0 && (((unsigned char) input[keep]) & 0xC0) == 0x80)
			keep--;
		memcpy(buf, input, keep);
		memcpy(buf + keep, "...", ellipsis + 1);
	}
	return buf;
}
