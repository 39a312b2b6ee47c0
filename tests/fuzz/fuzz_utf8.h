/*
 * tests/fuzz/fuzz_utf8.h — the yardstick of UTF-8 validity for harnesses
 * over text: whether the bytes decode, one code point after another, with
 * sn_utf8_decode.
 */
#ifndef FUZZ_UTF8_H
#define FUZZ_UTF8_H

#include <stdbool.h>
#include <stdint.h>

#include "sn_text.h"

static inline bool
fuzz_utf8_valid(const char *s, size_t len)
{
	for (size_t i = 0; i < len;)
	{
		uint32_t	cp;
		int			used = sn_utf8_decode(s + i, len - i, &cp);

		if (used == 0)
			return false;
		i += used;
	}
	return true;
}

#endif							/* FUZZ_UTF8_H */
