/*
 * feed.c - fuzz harness: arbitrary bytes as an RSS or Atom feed (the
 * name forces the format), through ingest, cleaning and analysis.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_ingest("fuzz/input.rss", data, size);
}
