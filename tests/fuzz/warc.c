/*
 * warc.c - fuzz harness: arbitrary bytes as a WARC archive, plain or
 * gzip (the name forces the format), through ingest, HTML extraction,
 * cleaning and analysis.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_ingest("fuzz/input.warc", data, size);
}
