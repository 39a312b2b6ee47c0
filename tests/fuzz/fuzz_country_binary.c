/*
 * tests/fuzz/fuzz_country_binary.c — country's binary receive on arbitrary
 * bytes.
 *
 * Properties checked: decoding never crashes; it accepts exactly the
 * upper-case alpha-3 codes of the table, the encoding of what it accepts is
 * the input itself, and every refusal is SN_ERR_BINARY with a NUL-terminated
 * message starting "invalid binary country: ".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "country.h"
#include "fuzz_binary.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sn_country	c;
	sn_error	err;
	char		buf[SN_COUNTRY_BINARY_SIZE];

	sn_country_init();
	sn_error_clear(&err);
	if (sn_country_decode((const char *) data, size, &c, &err))
	{
		const sn_country_info *info = sn_country_info_of(c);

		if (size != 3 || info == NULL || memcmp(info->iso3, data, 3) != 0)
			abort();
		sn_country_encode(c, buf);
		if (memcmp(buf, data, 3) != 0)
			abort();
	}
	else
		check_binary_refusal(&err, "country");
	return 0;
}
