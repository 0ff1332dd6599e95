/*
 * textfile.c - fuzz harness: arbitrary bytes as a plain-text file (or as
 * JSON lines, when the bytes start with '{', as ingest sniffs it),
 * through ingest, cleaning and analysis.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_ingest("fuzz/input.txt", data, size);
}
