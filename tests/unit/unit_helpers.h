/*
 * tests/unit/unit_helpers.h — helpers several unit tests share (include
 * after cmocka.h).
 *
 * rewritten(): what a core function that rewrites a string writes for a C
 * string.  Such functions (sn_fold_string, sn_name_key, sn_admin_name_key,
 * sn_country_name_key, sn_matcher_normalize) take the text and its length and
 * write into out, of outsize bytes, returning the length written, or
 * (size_t) -1 when the text is not UTF-8 or the result does not fit.
 */
#ifndef UNIT_HELPERS_H
#define UNIT_HELPERS_H

#include <string.h>

typedef size_t (*unit_rewrite) (const char *in, size_t len, char *out, size_t outsize);

/*
 * What f writes for s, in a buffer that the next call overwrites; the test
 * fails where f refuses s.
 */
static inline const char *
rewritten(unit_rewrite f, const char *s)
{
	static char buf[256];

	assert_true(f(s, strlen(s), buf, sizeof(buf)) != (size_t) -1);
	return buf;
}

/*
 * UNIT_PARSE_OK(ctype, parse) defines static ctype parse_ok(const char *s):
 * the value the core parse function (text, length, ctype *out, error) reads
 * from s; the test fails, with the error, where it refuses s.
 */
#define UNIT_PARSE_OK(ctype, parse) \
static ctype \
parse_ok(const char *s) \
{ \
	ctype		v; \
	sn_error	err; \
\
	if (!parse(s, strlen(s), &v, &err)) \
		fail_msg("\"%s\" was refused: %s (%s)", s, err.message, err.detail); \
	return v; \
}

#endif							/* UNIT_HELPERS_H */
