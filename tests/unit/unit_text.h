/*
 * tests/unit/unit_text.h — what a core function that rewrites a string
 * writes for a C string.
 *
 * Such functions (sn_fold_string, sn_name_key, sn_admin_name_key,
 * sn_country_name_key, sn_matcher_normalize) take the text and its length and
 * write into out, of outsize bytes, returning the length written, or
 * (size_t) -1 when the text is not UTF-8 or the result does not fit.
 */
#ifndef UNIT_TEXT_H
#define UNIT_TEXT_H

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

#endif							/* UNIT_TEXT_H */
