"""The trainers' handout and link table, checked the way a trainer uses them: every QR code is
read back with a real decoder (zxing-cpp) and must hold exactly its entry's deep link, and the
handout is rendered to A4 PDF pages whose printed codes are decoded too."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pypdfium2  # type: ignore[import-untyped]
import pytest
import segno
import zxingcpp
from PIL import Image

from bot.cli import main
from bot.deep_links import deep_link
from bot.handouts import build_handout, qr_svg
from bot.handouts.answer_text import blocks_markdown, short_answer
from bot.knowledge import ENGLISH, Entry, KnowledgeBase, answer_markup, load_knowledge
from bot.settings import SHIPPED_KNOWLEDGE
from bot.wording import DISCLAIMER
from tests.support.printing import render_pdf

BOT = "corruption_qa_bot"
A4_POINTS = (595.28, 841.89)
QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)  # Micro QR would fail
VOID_ELEMENTS = {"meta", "br", "hr", "img", "link", "input", "source", "wbr", "col", "area"}


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return load_knowledge(SHIPPED_KNOWLEDGE)


@pytest.fixture(autouse=True)
def bot_username(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_USERNAME", BOT)


def run(*args: str) -> int:
    return main([*args, "--knowledge", str(SHIPPED_KNOWLEDGE)])


def decode(image: Image.Image) -> list[str]:
    """Every QR code zxing-cpp finds in the picture, as text."""
    found = zxingcpp.read_barcodes(image, formats=QR_ONLY)
    return [barcode.text for barcode in found]


def symbol_png(symbol: segno.QRCode) -> Image.Image:
    buffer = io.BytesIO()
    symbol.save(buffer, kind="png", scale=4)
    buffer.seek(0)
    return Image.open(buffer)


def in_browsing_order(knowledge: KnowledgeBase) -> list[Entry]:
    """The entries topic by topic, as the handout and the link table list them."""
    return [entry for topic in knowledge.topics for entry in knowledge.in_topic(topic.id)]


def link_of(entry: Entry) -> str:
    return deep_link(BOT, entry.id)


def topic_ids(knowledge: KnowledgeBase) -> list[str]:
    return [topic.id for topic in knowledge.topics]


# --- the HTML handout --------------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


class Page(HTMLParser):
    """The handout as a tree walker sees it: tags balanced or not, attributes, each article's
    text and each heading's."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.unbalanced: list[str] = []
        self.elements: list[Element] = []
        self.style = ""
        self._texts: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.elements.append(element)
        if tag in VOID_ELEMENTS:
            return
        self.open.append(tag)
        if tag in {"article", "h1", "h2", "h3", "p", "style", "header", "title"}:
            self._texts.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        if not self.open or self.open[-1] != tag:
            self.unbalanced.append(tag)
            return
        self.open.pop()
        if self._texts and self._texts[-1].tag == tag:
            done = self._texts.pop()
            done.text = " ".join(done.text.split())
            if tag == "style":
                self.style = done.text

    def handle_data(self, data: str) -> None:
        for element in self._texts:
            element.text += data

    def all(self, tag: str) -> list[Element]:
        return [element for element in self.elements if element.tag == tag]


def parsed(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def handout_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    """`python -m bot handout` for all topics, as written to a file."""
    path = tmp_path_factory.mktemp("handout") / "handout.html"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BOT_USERNAME", BOT)
        assert run("handout", "-o", str(path)) == 0
    return path.read_text(encoding="utf-8")


def article_svg(html: str, entry_id: str) -> str:
    """The `<svg>` element inside the entry's article, exactly as the file has it."""
    found = re.search(
        rf'<article class="entry" id="entry-{re.escape(entry_id)}">.*?(<svg\b.*?</svg>)',
        html,
        re.DOTALL,
    )
    assert found is not None, f"no QR code in the article of {entry_id}"
    return found[1]


def test_every_qr_code_in_the_handout_is_its_entrys_deep_link(
    knowledge: KnowledgeBase, handout_html: str
) -> None:
    handout = build_handout(knowledge, BOT)
    assert [e.entry_id for e in handout.entries] == [e.id for e in in_browsing_order(knowledge)]
    for item in handout.entries:
        expected = link_of(knowledge.entry(item.entry_id))
        assert item.deep_link == expected
        assert article_svg(handout_html, item.entry_id) == qr_svg(item.qr, expected)
        assert decode(symbol_png(item.qr)) == [expected], item.entry_id
    assert handout_html.count("<svg") == len(knowledge.entries)


def test_the_handout_is_self_contained_html_with_a_print_stylesheet(handout_html: str) -> None:
    page = parsed(handout_html)
    assert page.unbalanced == []
    assert page.open == []
    assert page.all("script") == []
    assert page.all("link") == []
    assert page.all("img") == []
    assert [e for e in page.elements if "src" in e.attrs] == []
    assert all(a.attrs["href"].startswith("https://") for a in page.all("a"))
    style = page.style
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", style)
    assert re.search(r"@page\s*\{[^}]*margin:", style)
    assert re.search(r"\.entry\s*\{[^}]*break-inside:\s*avoid", style)
    assert re.search(r"h2\s*\{[^}]*break-after:\s*avoid", style)
    assert "@import" not in style
    assert "url(" not in style


def test_the_handout_has_the_title_note_and_every_entry_in_full(
    knowledge: KnowledgeBase, handout_html: str
) -> None:
    page = parsed(handout_html)
    header = next(e for e in page.elements if e.tag == "header")
    assert " ".join(answer_markup.to_plain(DISCLAIMER).split()) in header.text
    assert f"@{BOT}" in header.text
    assert [h.text for h in page.all("h2")] == [t.title for t in knowledge.topics]
    articles = {a.attrs["id"]: a.text for a in page.all("article")}
    assert list(articles) == [f"entry-{e.id}" for e in in_browsing_order(knowledge)]
    for entry in knowledge.entries:
        text = articles[f"entry-{entry.id}"]
        assert entry.question in text
        first = answer_markup.parse(entry.answer)[0]
        first_text = " ".join("".join(s.text for s in line.spans) for line in first)
        assert " ".join(first_text.split()) in text, entry.id
        assert all(link.url in text and link.title in text for link in entry.links)
        assert link_of(entry) in text


def test_the_handout_holds_the_chosen_topics_only(knowledge: KnowledgeBase, tmp_path: Path) -> None:
    output = tmp_path / "law.html"
    assert run("handout", "--topic", "law", "--topic", "concepts", "-o", str(output)) == 0
    page = parsed(output.read_text(encoding="utf-8"))
    chosen = [*knowledge.in_topic("law"), *knowledge.in_topic("concepts")]
    assert [a.attrs["id"] for a in page.all("article")] == [f"entry-{e.id}" for e in chosen]
    assert [s.attrs["id"] for s in page.all("section")] == ["topic-law", "topic-concepts"]
    others = [e for e in knowledge.entries if e.topic not in {"law", "concepts"}]
    html = output.read_text(encoding="utf-8")
    assert others
    assert not any(link_of(e) in html for e in others)


# --- the handout printed -----------------------------------------------------------------


@dataclass(frozen=True)
class PrintedPage:
    text: str  # whitespace collapsed
    codes: tuple[str, ...]  # the QR codes zxing-cpp reads on the page, at 150 dpi
    size: tuple[float, float]


@pytest.fixture(scope="module")
def printed(handout_html: str) -> list[PrintedPage]:
    """The HTML handout rendered to PDF by WeasyPrint, each page rasterised by PDFium."""
    document = pypdfium2.PdfDocument(render_pdf(handout_html))
    pages = []
    for page in document:
        text = " ".join(page.get_textpage().get_text_range().split())
        picture = page.render(scale=150 / 72).to_pil()
        pages.append(PrintedPage(text, tuple(decode(picture)), tuple(page.get_size())))
    return pages


def page_of(pages: list[PrintedPage], pattern: str) -> list[int]:
    return [number for number, page in enumerate(pages) if re.search(pattern, page.text)]


def test_the_printed_handout_is_a4_with_a_reasonable_page_count(
    knowledge: KnowledgeBase, printed: list[PrintedPage]
) -> None:
    entries = len(knowledge.entries)
    assert entries / 8 <= len(printed) <= entries / 2
    for page in printed:
        assert page.size == pytest.approx(A4_POINTS, abs=0.5)


def test_every_printed_qr_code_scans_to_the_deep_link_beside_it(
    knowledge: KnowledgeBase, printed: list[PrintedPage]
) -> None:
    scanned = [code for page in printed for code in page.codes]
    assert sorted(scanned) == sorted(link_of(e) for e in knowledge.entries)
    for entry in knowledge.entries:
        link = link_of(entry)
        pages = page_of(printed, re.escape(link) + r"(?=\s|$)")
        assert len(pages) == 1, entry.id
        assert link in printed[pages[0]].codes, f"the code of {entry.id} is on another page"


def test_no_printed_entry_is_split_and_no_heading_is_left_alone(
    knowledge: KnowledgeBase, printed: list[PrintedPage]
) -> None:
    for entry in knowledge.entries:
        (page,) = page_of(printed, re.escape(link_of(entry)) + r"(?=\s|$)")
        question = " ".join(entry.question.split())
        assert question in printed[page].text, f"{entry.id} starts on an earlier page"
    for topic in knowledge.topics:
        first = knowledge.in_topic(topic.id)[0]
        (page,) = page_of(printed, re.escape(link_of(first)) + r"(?=\s|$)")
        question = " ".join(first.question.split())
        assert f"{topic.title} {question}" in printed[page].text, f"{topic.id} heading alone"


# --- the Markdown handout ----------------------------------------------------------------


def test_the_markdown_handout_keeps_every_deep_link_and_says_the_codes_are_left_out(
    knowledge: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("handout", "--format", "md") == 0
    markdown = capsys.readouterr().out
    assert "QR codes are left out" in markdown
    assert "<svg" not in markdown
    for entry in knowledge.entries:
        assert f"<{link_of(entry)}>" in markdown
        assert all(f"<{link.url}>" in markdown for link in entry.links)
    headings = re.findall(r"^## (.+)$", markdown, re.MULTILINE)
    assert headings == [topic.title for topic in knowledge.topics]
    assert len(re.findall(r"^### ", markdown, re.MULTILINE)) == len(knowledge.entries)


def test_a_short_answer_is_the_first_paragraph_and_what_it_introduces() -> None:
    assert len(short_answer("First.\n\nSecond.")) == 1
    lead_in = short_answer("The full title is:\n\n**A Title**\n\nWhere to find it.")
    assert blocks_markdown(lead_in) == "The full title is:\n\n**A Title**"
    assert blocks_markdown(short_answer("Points:\n- one\n- two\n\nMore.")) == (
        "Points:\n\n- one\n- two"
    )


def test_markdown_text_is_escaped() -> None:
    assert blocks_markdown(short_answer("1. a_b *c* [d] <e>")) == r"1\. a\_b \*c\* \[d\] \<e\>"
    assert blocks_markdown(short_answer("**x_y** and [link](https://example.org/a_b)")) == (
        r"**x\_y** and [link](https://example.org/a_b)"
    )


# --- the link table and the QR images ----------------------------------------------------


def test_links_csv_has_one_row_per_entry(
    knowledge: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("links", "--format", "csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["entry_id"] for row in rows] == [e.id for e in in_browsing_order(knowledge)]
    for row in rows:
        entry = knowledge.entry(row["entry_id"])
        assert row == {
            "entry_id": entry.id,
            "topic": entry.topic,
            "question": entry.question,
            "link": link_of(entry),
        }


def test_links_markdown_is_a_table_of_the_chosen_topic(
    knowledge: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("links", "--format", "md", "--topic", "report") == 0
    lines = capsys.readouterr().out.splitlines()
    entries = knowledge.in_topic("report")
    assert len(lines) == len(entries) + 2
    for line, entry in zip(lines[2:], entries, strict=True):
        assert line.startswith(f"| `{entry.id}` |")
        assert line.endswith(f"| <{link_of(entry)}> |")


@pytest.fixture(scope="module")
def qr_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`links --qr-dir` into a folder that does not exist yet."""
    folder = tmp_path_factory.mktemp("slides") / "new" / "qr"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BOT_USERNAME", BOT)
        patch.setattr("sys.stdout", io.StringIO())
        assert run("links", "--qr-dir", str(folder)) == 0
    return folder


def test_every_qr_png_scans_to_its_entrys_deep_link(knowledge: KnowledgeBase, qr_dir: Path) -> None:
    expected = {f"{e.id}.png" for e in knowledge.entries} | {
        f"{e.id}.svg" for e in knowledge.entries
    }
    assert {path.name for path in qr_dir.iterdir()} == expected
    for entry in knowledge.entries:
        with Image.open(qr_dir / f"{entry.id}.png") as picture:
            assert decode(picture) == [link_of(entry)], entry.id


def test_every_qr_svg_scans_to_its_entrys_deep_link(knowledge: KnowledgeBase, qr_dir: Path) -> None:
    """The SVG files drawn by WeasyPrint on a sheet, one per cell, and the sheet scanned."""
    cells = "".join(
        f'<img src="{(qr_dir / f"{e.id}.svg").as_uri()}" style="width:30mm;margin:4mm">'
        for e in knowledge.entries
    )
    document = pypdfium2.PdfDocument(render_pdf(f"<style>@page {{ size: A4 }}</style>{cells}"))
    scanned = [code for page in document for code in decode(page.render(scale=2).to_pil())]
    assert sorted(scanned) == sorted(link_of(e) for e in knowledge.entries)
    first = (qr_dir / f"{knowledge.entries[0].id}.svg").read_text(encoding="utf-8")
    assert first.startswith("<?xml")


# --- the handout's own words in a served language -----------------------------------------


@pytest.mark.parametrize("code", ["th", "vi", "my"])
def test_a_handout_in_a_served_language_has_its_own_words_in_it(
    knowledge: KnowledgeBase, code: str, tmp_path: Path
) -> None:
    words = knowledge.translations[code].words
    output = tmp_path / f"{code}.html"
    assert run("handout", "--language", code, "--topic", "law", "-o", str(output)) == 0
    html = output.read_text(encoding="utf-8")
    page = parsed(html)
    assert page.unbalanced == []
    assert f'<html lang="{code}">' in html
    assert [h.text for h in page.all("h1")] == [words.handout_title]
    header = next(e for e in page.elements if e.tag == "header")
    for text in (words.handout_in_english, words.disclaimer):
        assert " ".join(answer_markup.to_plain(text).split()) in header.text
    assert f"@{BOT}" in header.text
    assert ENGLISH.handout_scan.split(",")[0] not in html
    deep_links = [p for p in page.all("p") if p.attrs.get("class") == "deep-link"]
    assert len(deep_links) == len(knowledge.in_topic("law"))
    assert all(p.text.startswith(words.handout_full_answer) for p in deep_links)
    first = knowledge.in_topic("law")[0]
    assert first.question in html, "the questions and answers stay in English"


def test_a_markdown_handout_in_a_served_language(
    knowledge: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    words = knowledge.translations["id"].words
    assert run("handout", "--format", "md", "--language", "id") == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith(f"# {words.handout_title}")
    assert f"**@{BOT.replace('_', chr(92) + '_')}**" in markdown
    assert "`python -m bot handout --format html`" in markdown
    assert markdown.count(f"{words.handout_full_answer} <https://t.me/") == len(knowledge.entries)


def test_topic_and_language_are_read_in_any_case(
    knowledge: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by a trainer: "--topic Law" and "--language TH" were refused."""
    assert run("handout", "--format", "md", "--topic", "Law", "--language", "TH") == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith(f"# {knowledge.translations['th'].words.handout_title}")
    assert knowledge.in_topic("law")[0].question in markdown


def test_an_unknown_handout_language_is_one_line_of_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("handout", "--language", "de") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "error: no words in language 'de' (known: en, fil, id, km, ms, my, th, vi)\n"


# --- errors and help ---------------------------------------------------------------------


@pytest.mark.parametrize("command", ["handout", "links"])
def test_without_bot_username_the_command_says_so_in_one_line(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("BOT_USERNAME")
    assert run(command) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "error: set BOT_USERNAME to the bot's username to make links\n"


@pytest.mark.parametrize("command", ["handout", "links"])
def test_an_unknown_topic_is_refused_with_the_list_of_topics(
    command: str, knowledge: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(command, "--topic", "law", "--topic", "lawz") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("error: no topic 'lawz' (did you mean 'law'?); the topics are: ")
    assert err.rstrip().endswith(", ".join(topic_ids(knowledge)))


def test_a_file_that_cannot_be_written_is_one_line_of_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("handout", "-o", str(tmp_path / "missing" / "handout.html")) == 1
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert run("links", "--qr-dir", str(blocker / "qr")) == 1
    out, err_text = capsys.readouterr()
    assert out == ""
    err = err_text.splitlines()
    assert len(err) == 2
    assert all(line.startswith("error: ") for line in err)


@pytest.mark.parametrize("command", ["handout", "links"])
def test_the_commands_have_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    usage = capsys.readouterr().out
    assert usage.startswith(f"usage: python -m bot {command}")
    assert "--topic" in usage
