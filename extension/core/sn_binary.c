/*
 * extension/core/sn_binary.c
 *
 * The common part of the four types' binary forms; see sn_binary.h.
 */
#include <stdarg.h>
#include <stdio.h>

#include "sn_binary.h"

bool
sn_binary_error(sn_error *err, const char *type, const char *layout, const char *fmt,...)
{
	char		what[SN_ERROR_MESSAGE_LEN];
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	sn_error_set(err, SN_ERR_BINARY, -1, "invalid binary %s: %s", type, what);
	if (layout != NULL)
		sn_error_detail(err, "%s", layout);
	return false;
}

bool
sn_binary_check_length(sn_error *err, const char *type, const char *layout,
					   size_t got, size_t want, bool at_least)
{
	if (got == want || (at_least && got > want))
		return true;
	return sn_binary_error(err, type, layout, "expected %s%zu bytes, got %zu",
						   at_least ? "at least " : "", want, got);
}

bool
sn_binary_check_version(sn_error *err, const char *type, const char *layout,
						int got, int want)
{
	if (got == want)
		return true;
	return sn_binary_error(err, type, layout, "unknown version %d (this server reads version %d)",
						   got, want);
}

bool
sn_binary_error_from(sn_error *err, const char *type, const sn_error *inner)
{
	sn_error_set(err, SN_ERR_BINARY, -1, "invalid binary %s: %s", type, inner->message);
	if (inner->detail[0])
		sn_error_detail(err, "%s", inner->detail);
	return false;
}
