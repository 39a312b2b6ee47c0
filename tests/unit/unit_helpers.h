/*
 * tests/unit/unit_helpers.h — helpers several unit tests share (include
 * after cmocka.h).
 *
 * Table-driven checks: assert_cases(f, cases) and assert_rewrites(f, cases)
 * check that each input of a unit_case table gives its expected text;
 * assert_texts(f, want, "a", "b", ...) that a core test of a text (bytes and
 * length) says want for each text listed.  A failure names the input.
 *
 * rewritten(): what a core function that rewrites a string writes for a C
 * string; assert_truncates(f, s, want): what it does where out is too small.  Such functions (sn_fold_string, sn_name_key, sn_admin_name_key,
 * sn_country_name_key, sn_matcher_normalize) take the text and its length and
 * write into out, of outsize bytes, returning the length written, or
 * (size_t) -1 when the text is not UTF-8 or the result does not fit.
 */
#ifndef UNIT_HELPERS_H
#define UNIT_HELPERS_H

#include <stdbool.h>
#include <string.h>

/* The number of elements of an array. */
#define UNIT_LENGTH(a) (sizeof(a) / sizeof((a)[0]))

/* An input and the text a test expects for it. */
typedef struct unit_case
{
	const char *in;
	const char *want;
} unit_case;

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

/* What f gives for each case's input is the case's text. */
static inline void
unit_cases_give(const char *(*f) (const char *), const unit_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		const char *got = f(cases[i].in);

		if (strcmp(got, cases[i].want) != 0)
			fail_msg("\"%s\" gives \"%s\", not \"%s\"", cases[i].in, got, cases[i].want);
	}
}

#define assert_cases(f, cases) unit_cases_give((f), (cases), UNIT_LENGTH(cases))

/* What the rewriting function f writes for each case's input is the case's text. */
static inline void
unit_rewrites_give(unit_rewrite f, const unit_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		const char *got = rewritten(f, cases[i].in);

		if (strcmp(got, cases[i].want) != 0)
			fail_msg("\"%s\" is rewritten \"%s\", not \"%s\"", cases[i].in, got, cases[i].want);
	}
}

#define assert_rewrites(f, cases) unit_rewrites_give((f), (cases), UNIT_LENGTH(cases))

/*
 * The rewriting function f gives the length of what it writes for s, want,
 * even where out is too small (as snprintf does), and then writes as much of
 * it as fits, terminated: here the first three bytes, into four.
 */
static inline void
assert_truncates(unit_rewrite f, const char *s, const char *want)
{
	char		small[4];

	assert_int_equal(f(s, strlen(s), small, sizeof(small)), strlen(want));
	assert_int_equal(strlen(small), 3);
	assert_memory_equal(small, want, 3);
	assert_int_equal(f(s, strlen(s), NULL, 0), strlen(want));
}

/* A core test of a text: its bytes and their number. */
typedef bool (*unit_text_test) (const char *s, size_t len);

/* f says want for each of texts[0..n), C strings. */
static inline void
unit_texts_are(unit_text_test f, bool want, const char *const *texts, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (f(texts[i], strlen(texts[i])) != want)
			fail_msg("\"%s\" is %s, not %s", texts[i], want ? "false" : "true", want ? "true" : "false");
}

#define assert_texts(f, want, ...) \
	unit_texts_are((f), (want), (const char *const[]) {__VA_ARGS__}, \
				   UNIT_LENGTH(((const char *const[]) {__VA_ARGS__})))

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

/*
 * UNIT_CANONICAL(ctype, format, size), after UNIT_PARSE_OK(ctype, ...),
 * defines static const char *canonical(const char *s): the text that the core
 * format function (const ctype *, buffer, its size) writes for parse_ok(s),
 * in a buffer of size bytes that the next call overwrites.
 */
#define UNIT_CANONICAL(ctype, format, size) \
static const char * \
canonical(const char *s) \
{ \
	static char buf[size]; \
	ctype		v = parse_ok(s); \
\
	format(&v, buf, sizeof(buf)); \
	return buf; \
}

#endif							/* UNIT_HELPERS_H */
