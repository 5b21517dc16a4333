"""The upkeep loop on a store filled as the bot fills it: what went unanswered, grouped, and the
usage report, through the functions and through `python -m bot`."""

from __future__ import annotations

import csv
import io
import random
import string
from dataclasses import replace
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pypdfium2  # type: ignore[import-untyped]
import pytest
import yaml

from bot.cli import main
from bot.knowledge import TELEGRAM_TEXT_LIMIT, KnowledgeBase, load_knowledge
from bot.store import Asked, ChatKind, Event, PressKind
from bot.store.sqlite import SqliteStore
from bot.upkeep import (
    Summary,
    UnansweredReport,
    Usage,
    Why,
    as_html,
    group_unanswered,
    grouping,
    parse_period,
    read,
    render_unanswered,
    report_text,
    stats_brief,
    summarize,
    unanswered_brief,
)
from tests.support.kb import WriteKnowledge, entry
from tests.support.printing import render_pdf
from tests.support.store_rows import NOW, ago, answered, asked, fill, pressed

BRIBES = "border-bribes"
SMUGGLING = "what-is-smuggling"
AUTHOR = "who-wrote-it"
SCRIPT = "<script>alert(1)</script> smuggling fees"


def near(question: Asked) -> Asked:
    """Declined, though the matcher came near its top entry (see grouping.CLOSE)."""
    return replace(question, confidence=grouping.CLOSE + 0.03)


EVENTS: list[Event] = [
    # declined, alike: one group of five, closest to BRIBES
    *[near(asked("how do smugglers bribe border guards", top=(BRIBES, SMUGGLING)))] * 3,
    near(asked("How do smugglers bribe border guards?", top=(BRIBES,))),
    near(asked("do smugglers bribe the border guards", top=(BRIBES,), at=ago(days=3))),
    # offered "did you mean", then "None of these": joins the group above
    asked("smugglers bribing the border guards how", "clarify", top=(SMUGGLING, BRIBES)),
    pressed(PressKind.NONE_OF_THESE, question="smugglers bribing the border guards how"),
    # declined with no candidate at all: a new entry
    *[asked("what about visa fees for students")] * 2,
    asked("visa fees for students", at=ago(days=2)),
    # alike in words, not in meaning: two groups
    asked("what is trafficking", top=(SMUGGLING,)),
    asked("what is smuggling exactly", top=(SMUGGLING,)),
    # never in the unanswered list
    asked("hi", intent="greeting"),
    asked("thanks", intent="thanks"),
    asked(None, intent="danger"),
    answered(BRIBES, intent="danger"),
    asked("an old question about ports", at=ago(days=40)),
    # answered
    *[answered(BRIBES)] * 3,
    answered(BRIBES, at=ago(days=3)),
    *[answered(BRIBES, chat=ChatKind.GROUP)] * 2,
    *[answered(SMUGGLING)] * 2,
    answered(SMUGGLING, chat=ChatKind.INLINE),
    answered(AUTHOR),
    # did you mean, and what was chosen
    asked("smuggling fees", "clarify", top=(SMUGGLING, BRIBES)),
    *[pressed(PressKind.CHOICE, SMUGGLING, "smuggling fees")] * 2,
    pressed(PressKind.CHOICE, SMUGGLING, SCRIPT),
    pressed(PressKind.CHOICE, AUTHOR, "who wrote this"),  # already an alternate
    # ratings
    *[pressed(PressKind.HELPFUL, BRIBES)] * 2,
    pressed(PressKind.UNHELPFUL, BRIBES),
    *[pressed(PressKind.UNHELPFUL, AUTHOR)] * 3,
    pressed(PressKind.HELPFUL, SMUGGLING),
]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return fill(tmp_path / "bot.sqlite3", EVENTS)


@pytest.fixture
def knowledge_root(write_knowledge: WriteKnowledge) -> Path:
    return write_knowledge(
        [
            entry(
                BRIBES,
                question="How do smugglers bribe border officials?",
                alternates=["do smugglers bribe the border guards", "bribes at the border"],
                related=[SMUGGLING],
            ),
            entry(SMUGGLING, question="What is migrant smuggling?", related=[BRIBES]),
            entry(
                AUTHOR,
                question="Who wrote the report?",
                alternates=["who wrote this", "authors"],
                related=[BRIBES],
            ),
        ]
    )


@pytest.fixture
def knowledge(knowledge_root: Path) -> KnowledgeBase:
    return load_knowledge(knowledge_root)


def usage_of(path: Path, period: timedelta = timedelta(days=30)) -> Usage:
    store = SqliteStore(path, read_only=True)
    try:
        return read(store, period, now=NOW)
    finally:
        store.close()


def cli(store: Path, root: Path, *args: str) -> int:
    return main([*args, "--store", str(store), "--knowledge", str(root)])


# --- grouping ------------------------------------------------------------------------------------


def test_alike_questions_are_one_group_largest_first_with_the_closest_entry(
    store: Path, knowledge: KnowledgeBase
) -> None:
    report = group_unanswered(usage_of(store), knowledge)
    first, second = report.groups[:2]
    assert first.count == 6
    assert first.wordings[0] == ("how do smugglers bribe border guards", 4)
    assert {q.why for q in first.questions} == {Why.DECLINED, Why.NONE_OF_THESE}
    assert first.closest == BRIBES  # five of six had it on top; the "None of these" had not
    assert first.closest_question == "How do smugglers bribe border officials?"
    assert "do smugglers bribe the border guards" not in first.alternates  # it has it already
    assert "smugglers bribing the border guards how" in first.alternates
    assert second.count == 3
    assert second.closest is None
    assert [g.count for g in report.groups] == sorted(
        (g.count for g in report.groups), reverse=True
    )


def test_clustering_crosses_blocks_and_keeps_the_leader_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(grouping, "_BLOCK", 2)
    texts = [
        "how do smugglers bribe guards",
        "visa fees",
        "what is trafficking",
        "smugglers bribe guards how do",
    ]
    assert grouping.cluster(texts) == [[0, 3], [1], [2]]
    assert grouping.cluster([]) == []


def test_words_in_common_do_not_make_a_group(store: Path) -> None:
    report = group_unanswered(usage_of(store))
    singles = {g.texts for g in report.groups if g.count == 1}
    assert singles == {("what is trafficking",), ("what is smuggling exactly",)}


def test_small_talk_danger_answers_and_older_questions_are_not_unanswered(store: Path) -> None:
    report = group_unanswered(usage_of(store))
    texts = {text for group in report.groups for text in group.texts}
    assert report.questions == 11
    assert not texts & {"hi", "thanks", "smuggling fees", "an old question about ports"}
    older = group_unanswered(usage_of(store, timedelta(weeks=6)))
    assert older.questions == 12


def test_answers_rated_unhelpful_are_counted_per_entry(store: Path) -> None:
    rated = group_unanswered(usage_of(store)).rated_unhelpful
    assert [(r.entry_id, r.count) for r in rated] == [(AUTHOR, 3), (BRIBES, 1)]


# --- report --------------------------------------------------------------------------------------


def test_rates_and_counts_are_exact(store: Path, knowledge: KnowledgeBase) -> None:
    s = summarize(usage_of(store), knowledge)
    assert (s.messages, s.questions, s.small_talk, s.danger) == (26, 22, 2, 2)
    assert (s.answered, s.clarified, s.declined) == (10, 2, 10)
    assert s.answer_rate == pytest.approx(10 / 22)
    assert s.clarify_rate == pytest.approx(2 / 22)
    assert dict(s.by_chat) == {"private": 23, "group": 2, "inline": 1}
    assert [(e.entry_id, e.count) for e in s.top_entries] == [
        (BRIBES, 6),
        (SMUGGLING, 3),
        (AUTHOR, 1),
    ]
    assert s.top_entries[0].question == "How do smugglers bribe border officials?"


def test_feedback_puts_the_most_unhelpful_first(store: Path) -> None:
    ratings = summarize(usage_of(store)).ratings
    assert [(r.entry_id, r.unhelpful, r.helpful) for r in ratings] == [
        (AUTHOR, 3, 0),
        (BRIBES, 1, 2),
        (SMUGGLING, 0, 1),
    ]


def test_choices_from_did_you_mean_wait_as_alternates(
    store: Path, knowledge: KnowledgeBase
) -> None:
    chosen = {c.entry_id: c for c in summarize(usage_of(store), knowledge).chosen}
    assert chosen[SMUGGLING].count == 3
    assert chosen[SMUGGLING].waiting == ("smuggling fees", SCRIPT)
    assert chosen[AUTHOR].waiting == ()  # "who wrote this" is one of its alternates


def test_every_day_of_the_period_has_its_answer_rate(store: Path) -> None:
    days = summarize(usage_of(store, timedelta(days=7))).days
    assert len(days) == 8  # a 7-day window touches 8 calendar days
    assert sum(d.questions for d in days) == 22
    assert days[-1].day == NOW.date()
    assert [d.answer_rate for d in days[:3]] == [None, None, None]


def test_questions_in_the_regions_languages_are_counted_per_language() -> None:
    questions = [
        replace(answered("uncac", "x"), text=None, language="th"),
        replace(asked(None), language="th"),
        replace(answered("uncac", "x"), text=None, language="vi"),
        answered("uncac", "what is uncac"),
    ]
    summary = summarize(Usage(NOW - timedelta(days=1), NOW, tuple(questions), ()), None)
    assert summary.by_language == (("th", 2, 1), ("vi", 1, 1))
    assert "In the region's languages (answered): th 2 (1), vi 1 (1)" in report_text(summary)
    assert '<td>th</td><td class="n">2</td><td class="n">1</td>' in as_html(summary)


def test_unanswered_counts_the_regions_languages_without_their_texts() -> None:
    questions = [
        replace(asked(None), language="th"),
        replace(asked(None), language="th"),
        replace(answered("uncac", "x"), text=None, language="vi"),
        asked("what is the capital of laos"),
    ]
    report = group_unanswered(Usage(NOW - timedelta(days=1), NOW, tuple(questions), ()))
    assert report.declined_elsewhere == (("th", 2),)
    assert report.questions == 1
    text = render_unanswered(report, "text")
    assert "Declined in the region's languages (their texts are not kept): th 2" in text


def test_report_text_through_the_command_line(
    store: Path, knowledge_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(store, knowledge_root, "report") == 0
    out = capsys.readouterr().out
    assert "Questions about the report: 22" in out
    assert "answered           10   45.5%" in out
    assert "Messages: 26 (small talk 2, from someone in danger 2)" in out
    assert "6  border-bribes  How do smugglers bribe border officials?" in out


# --- the formats of `unanswered` -----------------------------------------------------------------


def test_unanswered_text_lists_groups_with_counts_and_examples(
    store: Path, knowledge_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(store, knowledge_root, "unanswered", "--limit", "2") == 0
    out = capsys.readouterr().out
    assert "11 question(s) in 4 group(s)" in out
    assert "1. 6 question(s); closest entry (confidence 0.18): border-bribes" in out
    assert "- how do smugglers bribe border guards  (x4)" in out
    assert "2 smaller group(s) not shown" in out
    assert "what is trafficking" not in out
    assert "  3  who-wrote-it  Who wrote the report?" in out


def test_unanswered_yaml_parses_with_alternates_and_a_new_entry(
    store: Path, knowledge_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(store, knowledge_root, "unanswered", "--format", "yaml") == 0
    document = yaml.safe_load(capsys.readouterr().out)
    first, second = document["groups"][:2]
    assert first["count"] == 6
    assert first["closest"] == {
        "id": BRIBES,
        "question": "How do smugglers bribe border officials?",
        "confidence": 0.18,
    }
    assert first["paste"] == [
        {
            "id": BRIBES,
            "alternates": [
                "how do smugglers bribe border guards",
                "smugglers bribing the border guards how",
            ],
        }
    ]
    [skeleton] = second["paste"]
    assert skeleton["question"] == "what about visa fees for students"
    assert skeleton["alternates"] == ["visa fees for students"]
    assert (skeleton["answer"], skeleton["sources"]) == ("TODO", [])
    assert second["decline"] == ["what about visa fees for students", "visa fees for students"]
    assert document["rated_unhelpful"][0] == {
        "id": AUTHOR,
        "question": "Who wrote the report?",
        "count": 3,
    }


def test_unanswered_csv_has_one_row_per_question_with_its_group(
    store: Path, knowledge_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(store, knowledge_root, "unanswered", "--format", "csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 11
    in_first = [row for row in rows if row["group"] == "1"]
    assert len(in_first) == 6
    assert {row["closest_entry"] for row in in_first} == {BRIBES}
    assert sum(row["why"] == "none_of_these" for row in rows) == 1


# --- HTML ----------------------------------------------------------------------------------------


class Checker(HTMLParser):
    """Tags balanced (void elements and `<x/>` aside), and what the document holds."""

    VOID = frozenset({"meta", "link", "br", "hr", "img", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.mismatched: list[str] = []
        self.seen: list[str] = []
        self.doctype = ""
        self.text: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag if tag != "meta" else f"meta {dict(attrs)}")
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.mismatched.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(document: str) -> Checker:
    checker = Checker()
    checker.feed(document)
    checker.close()
    return checker


def test_html_report_is_one_valid_file_with_charts_and_escaped_questions(
    store: Path, knowledge_root: Path, tmp_path: Path
) -> None:
    target = tmp_path / "report.html"
    assert cli(store, knowledge_root, "report", "--format", "html", "-o", str(target)) == 0
    document = target.read_text(encoding="utf-8")
    checker = parsed(document)
    assert checker.doctype.lower() == "doctype html"
    assert (checker.open, checker.mismatched) == ([], [])
    assert "meta {'charset': 'utf-8'}" in checker.seen
    assert "title" in checker.seen
    assert checker.seen.count("svg") == 2
    assert "rect" in checker.seen
    assert "script" not in checker.seen  # the question's tag is text, not an element
    assert SCRIPT in "".join(checker.text)
    assert "&lt;script&gt;" in document
    assert "http" not in document.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_an_empty_period_still_makes_valid_html() -> None:
    empty = summarize(Usage(NOW - timedelta(days=1), NOW, (), ()))
    checker = parsed(as_html(empty))
    assert (checker.open, checker.mismatched) == ([], [])
    assert checker.seen.count("svg") == 1  # the daily chart; no entries, no bars


# --- briefs for the admins -----------------------------------------------------------------------


def test_briefs_say_the_numbers_and_escape_the_questions(
    store: Path, knowledge: KnowledgeBase
) -> None:
    usage = usage_of(store)
    stats = stats_brief(summarize(usage, knowledge))
    assert "Questions about the report: <b>22</b>" in stats
    assert "answered 45% · did you mean 9% · declined 45%" in stats
    assert "👎 3 👍 0 · Who wrote the report?" in stats
    assert "--since 30d" in stats
    brief = unanswered_brief(group_unanswered(usage, knowledge))
    lines = brief.splitlines()
    assert lines[1].startswith("<b>1.</b> (6) “how do smugglers bribe border guards”")
    assert lines[1].endswith("→ <i>How do smugglers bribe border officials?</i>")
    assert "a new entry?" in lines[2]


def long_questions(count: int) -> list[Event]:
    """Unlike questions (random words), each long and full of what escaping lengthens."""
    chance = random.Random(7)
    letters = string.ascii_lowercase
    return [
        asked(
            " ".join("".join(chance.choices(letters, k=7)) for _ in range(8)) + " <&>" * 60,
            top=(f"e{n}",),
        )
        for n in range(count)
    ]


def test_briefs_stay_under_telegrams_limit_with_many_long_questions(tmp_path: Path) -> None:
    events = long_questions(300)
    events += [answered(f"entry-{n}", chat=ChatKind.GROUP) for n in range(50)]
    events += [pressed(PressKind.UNHELPFUL, f"entry-{n}-{'x' * 40}") for n in range(200)]
    events += [pressed(PressKind.CHOICE, f"e{n}-{'y' * 40}", "<b>" * 50) for n in range(200)]
    usage = usage_of(fill(tmp_path / "many.sqlite3", events))
    report = group_unanswered(usage)
    assert len(report.groups) == 300
    brief = unanswered_brief(report)
    assert len(brief) <= TELEGRAM_TEXT_LIMIT
    assert "more" in brief
    assert "<&>" not in brief
    stats = stats_brief(summarize(usage))
    assert len(stats) <= TELEGRAM_TEXT_LIMIT
    assert "<b><b>" not in stats
    tight = unanswered_brief(report, limit=600)
    assert len(tight) <= 600
    assert tight.splitlines()[-2].startswith("… and ")


def test_an_empty_period_has_a_one_line_unanswered_brief() -> None:
    report = UnansweredReport(NOW - timedelta(days=7), NOW, (), ())
    assert unanswered_brief(report) == "Nothing went unanswered in the last 7 days " + (
        f"(since {(NOW - timedelta(days=7)).strftime('%Y-%m-%d %H:%M')} UTC)."
    )


def test_stats_brief_of_a_quiet_period_has_no_lists() -> None:
    quiet: Summary = summarize(Usage(NOW - timedelta(hours=12), NOW, (), ()))
    brief = stats_brief(quiet)
    assert "Most asked" not in brief
    assert "--since 12h" in brief


# --- options and errors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "period"),
    [("30d", timedelta(days=30)), ("12h", timedelta(hours=12)), ("2W", timedelta(weeks=2))],
)
def test_periods(text: str, period: timedelta) -> None:
    assert parse_period(text) == period


@pytest.mark.parametrize("since", ["30", "0d", "3m", "-1d", "d", "1.5d", ""])
@pytest.mark.parametrize("command", ["unanswered", "report"])
def test_a_bad_since_is_a_usage_error(
    command: str, since: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, f"--since={since}"])
    assert exit_.value.code == 2
    assert "use a whole number and h, d or w" in capsys.readouterr().err


def test_since_takes_older_questions_in(
    store: Path, knowledge_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(store, knowledge_root, "unanswered", "--since", "6w", "--limit", "0") == 0
    assert "an old question about ports" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["unanswered", "report"])
def test_no_store_yet_is_one_line_and_exit_1(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("STORE_URL", raising=False)
    assert main([command]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "no store at" in captured.err
    assert not (tmp_path / "data").exists()  # read-only: nothing created


def test_the_store_is_opened_read_only(store: Path, knowledge_root: Path) -> None:
    before = store.read_bytes()
    assert cli(store, knowledge_root, "report") == 0
    assert store.read_bytes() == before


def test_the_html_report_renders_with_its_charts(
    store: Path, knowledge_root: Path, tmp_path: Path
) -> None:
    """Rendered by a real HTML/CSS engine (WeasyPrint) to a page, as a maintainer would print
    it; the charts are drawn, the question that looks like a tag is shown as text."""
    target = tmp_path / "report.html"
    assert cli(store, knowledge_root, "report", "--format", "html", "-o", str(target)) == 0
    document = pypdfium2.PdfDocument(render_pdf(target.read_text(encoding="utf-8")))
    text = "".join(page.get_textpage().get_text_range() for page in document)
    assert 1 <= len(document) <= 4
    assert SCRIPT in text.replace("\r\n", "\n")
    assert "Answer rate" in text or "answer rate" in text.lower()
    page = document[0].render(scale=1).to_pil().convert("L")
    assert page.getextrema()[0] < 100, "something dark (the charts' bars) is drawn"


def test_report_into_a_folder_that_does_not_exist_is_one_line(
    store: Path, knowledge_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "report.html"
    assert cli(store, knowledge_root, "report", "--format", "html", "-o", str(target)) == 1
    assert capsys.readouterr().err == f"error: cannot write {target}: No such file or directory\n"


def test_a_question_the_matcher_was_far_from_gets_a_new_entry_not_its_top_candidate(
    write_knowledge: WriteKnowledge, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    far = replace(asked("what is the GDP of Laos", top=(BRIBES,)), confidence=0.04)
    store = fill(tmp_path / "far.sqlite3", [far])
    root = write_knowledge([entry(BRIBES)])
    assert cli(store, root, "unanswered", "--format", "yaml") == 0
    [group] = yaml.safe_load(capsys.readouterr().out)["groups"]
    assert (group["closest"], group["confidence"]) == (None, 0.04)
    [skeleton] = group["paste"]
    assert (skeleton["question"], skeleton["topic"]) == ("what is the GDP of Laos", "TODO")
    assert group["decline"] == ["what is the GDP of Laos"]
    assert cli(store, root, "unanswered") == 0
    assert (
        "no entry came close (confidence 0.04, under 0.15): a new entry, or out_of_scope.yaml"
        in (capsys.readouterr().out)
    )
