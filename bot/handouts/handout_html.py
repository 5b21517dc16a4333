"""The handout as one self-contained HTML file for printing on A4: inline CSS, each QR code an
inline SVG, no script and nothing fetched, so it opens offline and prints the same anywhere.

Every text goes through `html.escape`. The print rules keep each entry on one page and a topic's
heading with its first entry (both are in one block that is not split).
"""

from __future__ import annotations

from html import escape

from bot.handouts.answer_text import blocks_html, inline_html
from bot.handouts.content import Handout, HandoutEntry, HandoutTopic
from bot.handouts.qr import qr_svg

STYLE = """
@page {
  size: A4;
  margin: 14mm 15mm 16mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; }
}
html { color: #111; font: 10pt/1.35 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
body { margin: 0; }
@media screen { body { max-width: 180mm; margin: 2em auto; padding: 0 1em; } }
h1 { font-size: 16pt; margin: 0 0 2mm; }
header p { margin: 0 0 1.5mm; }
h2 { font-size: 13pt; margin: 6mm 0 1mm; padding-bottom: 1mm; border-bottom: 0.6pt solid #777;
     break-after: avoid; page-break-after: avoid; }
.topic-start, .entry { break-inside: avoid; page-break-inside: avoid; }
.entry { display: flex; gap: 5mm; padding: 2.5mm 0; border-bottom: 0.3pt solid #bbb; }
.qr { flex: 0 0 28mm; }
.qr svg { display: block; width: 28mm; height: 28mm; }
.text { flex: 1 1 auto; min-width: 0; }
h3 { font-size: 10.5pt; margin: 0 0 1mm; break-after: avoid; }
.answer p, .answer ul { margin: 0 0 1mm; }
.answer ul { padding-left: 5mm; }
.links, .deep-link { margin: 1mm 0 0; padding: 0; list-style: none; font-size: 8.5pt; }
.url { color: #333; overflow-wrap: anywhere; }
a { color: inherit; }
@media print {
  a { text-decoration: none; }
  .answer a[href]::after { content: " (" attr(href) ")"; overflow-wrap: anywhere; }
}
"""


def render_html(handout: Handout) -> str:
    words = handout.voice.words
    scan = words.handout_scan.format(username=handout.bot_username)
    in_english = (
        [] if handout.voice.english else [f"<p>{inline_html(words.handout_in_english)}</p>"]
    )
    full_answer = escape(words.handout_full_answer)
    body = [
        "<header>",
        f"<h1>{escape(handout.title)}</h1>",
        f"<p>{inline_html(scan)}</p>",
        *in_english,
        f'<p class="note">{inline_html(words.disclaimer)}</p>',
        "</header>",
        *(_topic(topic, full_answer) for topic in handout.topics),
    ]
    return (
        f'<!doctype html>\n<html lang="{escape(handout.voice.code)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(handout.title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        "<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _topic(topic: HandoutTopic, full_answer: str) -> str:
    heading = f"<h2>{escape(topic.title)}</h2>"
    if not topic.entries:
        return f'<section class="topic" id="topic-{escape(topic.id)}">{heading}</section>'
    first, *rest = topic.entries
    return "\n".join(
        [
            f'<section class="topic" id="topic-{escape(topic.id)}">',
            f'<div class="topic-start">{heading}\n{_entry(first, full_answer)}</div>',
            *(_entry(entry, full_answer) for entry in rest),
            "</section>",
        ]
    )


def _entry(entry: HandoutEntry, full_answer: str) -> str:
    links = "".join(
        f'<li>{escape(link.title)}: <a class="url" href="{escape(link.url)}">'
        f"{escape(link.url)}</a></li>"
        for link in entry.links
    )
    return "".join(
        [
            f'<article class="entry" id="entry-{escape(entry.entry_id)}">',
            f'<div class="qr">{qr_svg(entry.qr, entry.deep_link)}</div>',
            '<div class="text">',
            f"<h3>{escape(entry.question)}</h3>",
            f'<div class="answer">{blocks_html(entry.short_answer)}</div>',
            f'<ul class="links">{links}</ul>' if links else "",
            f'<p class="deep-link">{full_answer} <a class="url" href="{escape(entry.deep_link)}">'
            f"{escape(entry.deep_link)}</a></p>",
            "</div></article>",
        ]
    )
