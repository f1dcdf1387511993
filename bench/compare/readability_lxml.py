#!/usr/bin/env python3
# Comparison runner for `klartext eval --compare`: readability-lxml (Debian python3-readability).
# Usage: python3 readability_lxml.py LIST.tsv OUT.json, each LIST line "id<TAB>path<TAB>url";
# writes {id: {articleBody, title, byline, date, seconds, bytes}} (or {error, ...}). Exit code 3
# means readability-lxml is not installed (bash bench/compare/install.sh).
import gzip
import json
import sys
import time

try:
    import lxml.html
    from readability import Document
except ImportError as e:
    sys.stderr.write("readability_lxml.py: %s\n" % e)
    sys.exit(3)


def main():
    if len(sys.argv) < 3:
        sys.stderr.write("usage: readability_lxml.py LIST.tsv OUT.json\n")
        sys.exit(2)
    out = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    for line in lines:
        parts = line.split("\t")
        page_id, path = parts[0], parts[1]
        url = parts[2] if len(parts) > 2 else ""
        with open(path, "rb") as f:
            data = f.read()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        start = time.perf_counter()
        try:
            # Bytes in, so readability-lxml applies its own encoding detection.
            doc = Document(data, url=url or None)
            summary = doc.summary(html_partial=True)
            text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
            title = doc.short_title() or ""
            out[page_id] = {
                "articleBody": text,
                "title": title,
                "byline": "",
                "date": "",
                "seconds": time.perf_counter() - start,
                "bytes": len(data),
            }
        except Exception as e:  # a failing page is reported, not fatal
            out[page_id] = {"error": repr(e), "seconds": time.perf_counter() - start,
                            "bytes": len(data)}
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
