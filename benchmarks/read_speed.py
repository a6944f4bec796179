"""Reading speed of each input kind: .txt, .html, .jsonl and .warc.gz.

Takes real article texts (the PolNeAR train split under ``/work/shared`` when
present, else ``samples/``), writes them into a temporary folder as plain
text files, as web pages (each text wrapped in a page with navigation, a
sidebar of related links and a footer, as saved news pages have), as one
JSONL file and as one gzip WARC, then times
:func:`provenance.ingest.read_articles` on each, in this process (one core).
Reading includes decoding, HTML extraction (trafilatura) and the metadata
detection of :func:`provenance.ingest.text.article_from_text`.

Usage::

    python benchmarks/read_speed.py [--source DIR] [--count 300] [--runs 3]
"""

from __future__ import annotations

import argparse
import html
import io
import json
import tempfile
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from provenance.ingest import read_articles

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = Path("/work/shared/polnear/train/text")

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2022-03-24T20:12:00+00:00">
<link rel="canonical" href="https://news.example.com/{slug}.html"></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li></ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Staff Writer</p>
{paragraphs}
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Markets slide as rates rise</a></li>
<li><a href="/b">Storm closes coastal roads</a></li><li><a href="/c">Council approves budget</a></li></ul></aside>
<footer><p>&copy; 2022 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""


def load_texts(source: Path, count: int) -> list[str]:
    """Up to ``count`` article texts, repeating the source's files as needed."""
    files = sorted(source.glob("*.txt")) or sorted((ROOT / "samples").glob("*.txt"))
    texts = [file.read_text(encoding="utf-8") for file in files[:count]]
    return [texts[n % len(texts)] for n in range(count)]


def as_page(text: str, number: int) -> str:
    """A saved news page around ``text``."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = html.escape(lines[0][:90] if lines else "Untitled")
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    return PAGE.format(title=title, slug=f"story-{number}", paragraphs=paragraphs)


def write_inputs(texts: list[str], folder: Path) -> dict[str, list[Path]]:
    """The same texts as .txt files, .html files, one .jsonl and one .warc.gz."""
    (folder / "txt").mkdir()
    (folder / "html").mkdir()
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    with open(folder / "corpus.jsonl", "w", encoding="utf-8") as corpus:
        for number, text in enumerate(texts):
            (folder / "txt" / f"{number:05d}.txt").write_text(text, encoding="utf-8")
            page = as_page(text, number)
            (folder / "html" / f"{number:05d}.html").write_text(page, encoding="utf-8")
            corpus.write(json.dumps({"id": f"a{number}", "text": text}, ensure_ascii=False) + "\n")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example.com/story-{number}.html", "response",
                payload=io.BytesIO(page.encode("utf-8")), http_headers=headers,
            )
            writer.write_record(record)
    (folder / "crawl.warc.gz").write_bytes(buffer.getvalue())
    return {
        ".txt files": [folder / "txt"],
        ".html files": [folder / "html"],
        ".jsonl (one file)": [folder / "corpus.jsonl"],
        ".warc.gz (one file)": [folder / "crawl.warc.gz"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of .txt articles")
    parser.add_argument("--count", type=int, default=300, help="articles per kind")
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs")
    options = parser.parse_args()
    texts = load_texts(options.source, options.count)
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    print(f"{len(texts)} articles ({megabytes:.1f} MB of text) from {options.source if options.source.exists() else 'samples/'}")
    print()
    print("| input | articles | failures | seconds (CPU, best of %d) | articles/s |" % options.runs)
    print("|---|--:|--:|--:|--:|")
    with tempfile.TemporaryDirectory() as folder:
        for kind, inputs in write_inputs(texts, Path(folder)).items():
            best = float("inf")
            for _ in range(options.runs):
                started = time.process_time()
                articles, failures = read_articles(inputs)
                best = min(best, time.process_time() - started)
            print(f"| {kind} | {len(articles)} | {len(failures)} | {best:.2f} | {len(articles) / best:.0f} |")


if __name__ == "__main__":
    main()
