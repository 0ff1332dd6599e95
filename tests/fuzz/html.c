/*
 * html.c - fuzz harness: arbitrary bytes as a saved web page (the name
 * forces the format), through HTML extraction, cleaning and analysis.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_ingest("fuzz/input.html", data, size);
}
