/*
 * jsonl.c - fuzz harness: arbitrary bytes as a JSON-lines file (the name
 * forces the format), through ingest, cleaning and analysis.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_ingest("fuzz/input.jsonl", data, size);
}
