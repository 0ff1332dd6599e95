"""readability_lxml.py - readability-lxml over a folder of pages, the
Python peer of bench/extract-speed.

    /usr/bin/python3 bench/peers/readability_lxml.py DIR

Every *.html file in DIR (sorted by name) goes, as bytes (the library
detects the charset), to readability.Document; one JSON line per page goes
to stdout with the id, the title and the text of summary(), as crossread
extract --format json prints them. Assumes Debian's python3-readability.
"""
import json
import os
import sys

import lxml.html
from readability import Document


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: readability_lxml.py DIR")
    d = sys.argv[1]
    failed = 0
    out = sys.stdout
    for name in sorted(f for f in os.listdir(d) if f.endswith(".html")):
        with open(os.path.join(d, name), "rb") as f:
            raw = f.read()
        title = text = None
        try:
            doc = Document(raw)
            title = doc.short_title()
            text = lxml.html.fromstring(doc.summary()).text_content()
        except Exception:  # a page the peer cannot read counts as empty
            failed += 1
        out.write(json.dumps({"id": name[:-5], "title": title,
                              "text": text}) + "\n")
    if failed:
        print(f"readability_lxml.py: {failed} pages failed", file=sys.stderr)


if __name__ == "__main__":
    main()
