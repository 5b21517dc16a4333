"""One broken knowledge base with one error of every kind, each reported at its exact place."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.loader import check_knowledge, load_knowledge
from bot.knowledge.problems import KnowledgeBaseError, Problem
from tests.support.kb import FIXTURES, WriteKnowledge, entry

BROKEN = FIXTURES / "broken"

# (file, line, column, entry id, words the message must contain)
EXPECTED = [
    ("entries/basics.yaml", 7, 7, "Bad_Id", "id: String should match pattern"),
    ("entries/basics.yaml", 19, 3, "unknown-field", "colour: Extra inputs are not permitted"),
    ("entries/basics.yaml", 20, 3, "missing-answer", "answer: Field required"),
    ("entries/basics.yaml", 28, 15, "wrong-type", "alternates: Input should be a valid list"),
    ("entries/basics.yaml", 32, 10, "unknown-topic", "unknown topic 'elsewhere'"),
    ("entries/basics.yaml", 43, 25, "bad-related", "unknown entry 'no-such-entry'"),
    (
        "entries/basics.yaml",
        52,
        12,
        "off-list-link",
        "https://example.com/page is not on an official",
    ),
    ("entries/basics.yaml", 57, 11, "plain-http-link", "http://www.unodc.org/page is not https"),
    ("entries/basics.yaml", 63, 11, "long-answer", "over Telegram's 4096"),
    ("entries/basics.yaml", 68, 26, "empty-alternate", "alternates.2: String should have at least"),
    ("entries/basics.yaml", 74, 26, "duplicate-alternate", "'Two!' repeats alternate 'two'"),
    ("entries/basics.yaml", 83, 10, "bad-date", "as_of: Input should be a valid date"),
    ("entries/basics.yaml", 88, 11, "undated-count", "('189 parties') but no as_of"),
    ("entries/basics.yaml", 93, 3, "duplicate-key", "duplicate key 'question' (first at line 92)"),
    ("entries/more.yaml", 1, 7, "good-entry", "duplicate id 'good-entry', first defined at"),
    ("entries/syntax.yaml", 4, 9, None, "YAML syntax error"),
    ("topics.yaml", 3, 7, None, "duplicate topic id 'basics'"),
]


@pytest.fixture(scope="module")
def problems() -> list[Problem]:
    knowledge, found = check_knowledge(BROKEN)
    assert knowledge is None
    return found


def test_every_problem_is_reported_at_once_and_nothing_else(problems: list[Problem]) -> None:
    assert len(problems) == len(EXPECTED)


@pytest.mark.parametrize(("file", "line", "column", "entry_id", "words"), EXPECTED)
def test_problem_is_located(
    problems: list[Problem], file: str, line: int, column: int, entry_id: str | None, words: str
) -> None:
    matching = [p for p in problems if words in p.message]
    assert len(matching) == 1, f"expected one problem saying {words!r}"
    problem = matching[0]
    assert problem.location.file == BROKEN / file
    assert (problem.location.line, problem.location.column) == (line, column)
    assert problem.entry_id == entry_id
    assert problem.hint, "every problem carries a one-line hint"
    assert "\n" not in str(problem)
    assert str(problem).startswith(f"{BROKEN / file}:{line}:{column}: error")


def test_load_raises_with_all_problems() -> None:
    with pytest.raises(KnowledgeBaseError) as raised:
        load_knowledge(BROKEN)
    assert len(raised.value.problems) == len(EXPECTED)


def test_missing_folder_is_one_problem(tmp_path: Path) -> None:
    knowledge, problems = check_knowledge(tmp_path / "nowhere")
    assert knowledge is None
    assert [p.message for p in problems] == ["knowledge-base folder not found"]


def test_missing_files_are_named(tmp_path: Path) -> None:
    (tmp_path / "entries").mkdir()
    _, problems = check_knowledge(tmp_path)
    named = {p.location.file.name for p in problems}
    assert {"links.yaml", "topics.yaml", "glossary.yaml", "entries"} <= named


def test_yes_and_no_must_be_quoted(write_knowledge: WriteKnowledge) -> None:
    root = write_knowledge([entry("a-b")])
    path = root / "entries" / "basics.yaml"
    path.write_text(path.read_text().replace("- a-b variant one", "- no"))
    _, problems = check_knowledge(root)
    assert len(problems) == 1
    assert "quote" in problems[0].hint


def test_invisible_control_character_is_located(write_knowledge: WriteKnowledge) -> None:
    root = write_knowledge([entry("a-b")])
    path = root / "entries" / "basics.yaml"
    text = path.read_text().replace("a-b variant two", "a-b vari\x07ant two")
    path.write_text(text)
    _, problems = check_knowledge(root)
    line = text[: text.index("\x07")].count("\n") + 1
    column = text.index("\x07") - text.rfind("\n", 0, text.index("\x07"))
    assert [(p.location.line, p.location.column) for p in problems] == [(line, column)]
    assert "U+0007" in problems[0].message
    assert "invisible character" in problems[0].hint


@pytest.mark.parametrize(
    "text",
    [
        "&a [*a]\n",
        "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n"
            for p, n in zip("abcdef", "bcdefg", strict=True)
        ),
    ],
    ids=["points at itself", "billion laughs"],
)
def test_aliases_are_refused_before_they_are_expanded(
    write_knowledge: WriteKnowledge, text: str
) -> None:
    root = write_knowledge([entry("a-b")])
    (root / "entries" / "aliases.yaml").write_text(text)
    _, problems = check_knowledge(root)
    assert [p.message for p in problems] == ["anchors and aliases (&name, *name) are not supported"]
    assert problems[0].location.line == 1


def test_self_reference_and_unknown_distinct_from(write_knowledge: WriteKnowledge) -> None:
    root = write_knowledge([entry("a-b", related=["a-b"], distinct_from=["c-d"])])
    _, problems = check_knowledge(root)
    assert sorted(p.message for p in problems) == [
        "distinct_from names unknown entry 'c-d'",
        "related names the entry itself",
    ]


def test_a_misspelt_id_gets_the_one_it_is_a_slip_of(write_knowledge: WriteKnowledge) -> None:
    root = write_knowledge([entry("uncac-parties", related=["uncac-partys", "a-b-c-d-e"])])
    _, problems = check_knowledge(root)
    assert [(p.message, p.hint) for p in problems] == [
        ("related names unknown entry 'uncac-partys'", "did you mean 'uncac-parties'?"),
        ("related names unknown entry 'a-b-c-d-e'", "check the id's spelling"),
    ]


def test_inline_answer_links_obey_the_allow_list(write_knowledge: WriteKnowledge) -> None:
    answer = "See [copy](https://docslib.org/doc/1) and [official](https://rso.baliprocess.net/a)."
    _, problems = check_knowledge(write_knowledge([entry("a-b", answer=answer)]))
    assert [p.message for p in problems] == [
        "link https://docslib.org/doc/1 is not on an official domain"
    ]


def test_alternate_repeating_the_question_is_reported(write_knowledge: WriteKnowledge) -> None:
    item = entry("a-b", question="Who wrote it?")
    item["alternates"][0] = "who WROTE it"
    _, problems = check_knowledge(write_knowledge([item]))
    assert [p.message for p in problems] == [
        "alternate 'who WROTE it' repeats the question (ignoring case and punctuation)"
    ]


def test_glossary_phrasing_with_two_terms(write_knowledge: WriteKnowledge) -> None:
    glossary = "terms:\n  - {term: a, variants: [x]}\n  - {term: b, variants: [X]}\n"
    _, problems = check_knowledge(write_knowledge([entry("a-b")], **{"glossary.yaml": glossary}))
    assert [p.message for p in problems] == ["'X' belongs to both 'a' and 'b'"]


def test_dated_count_is_accepted(write_knowledge: WriteKnowledge) -> None:
    item = entry("a-b", answer="It had 189 parties in 2021.", as_of="2021-06-01")
    knowledge, problems = check_knowledge(write_knowledge([item]))
    assert problems == []
    assert knowledge is not None
    assert str(knowledge.as_of) == "2021-06-01"


def test_a_question_too_long_for_a_button_needs_a_label(write_knowledge: WriteKnowledge) -> None:
    long = "What does the report say about corruption in every single stage of smuggling?"
    _, problems = check_knowledge(write_knowledge([entry("a-b", question=long)]))
    [problem] = problems
    assert problem.message == f"question is {len(long)} characters: a button shows 56 whole"
    assert "add a label" in problem.hint


def test_a_label_keeps_a_long_question_off_the_buttons(write_knowledge: WriteKnowledge) -> None:
    long = "What does the report say about corruption in every single stage of smuggling?"
    labelled = entry("a-b", question=long, label="Corruption at every stage of smuggling")
    assert check_knowledge(write_knowledge([labelled]))[1] == []


def test_a_label_too_long_is_located(write_knowledge: WriteKnowledge) -> None:
    item = entry("a-b", label="A label that is far too long to show on one button in a chat app")
    _, problems = check_knowledge(write_knowledge([item]))
    [problem] = problems
    assert problem.message.startswith("label is 64 characters")
    assert problem.hint == "shorten it to at most 56 characters"


def test_an_indentation_slip_that_joins_list_items_is_reported(
    write_knowledge: WriteKnowledge,
) -> None:
    root = write_knowledge([entry("a-b")])
    file = root / "entries" / "basics.yaml"
    text = file.read_text()
    joined = text.replace("  - a-b variant two\n", "   - a-b variant two\n")
    assert joined != text
    file.write_text(joined)
    _, problems = check_knowledge(root)
    [problem] = problems
    assert "looks like several list items run together" in problem.message
    assert problem.entry_id == "a-b"


def test_the_same_phrasing_in_two_entries_is_an_error(write_knowledge: WriteKnowledge) -> None:
    first = entry("a-b", alternates=["who paid", "x1 y", "x2 y", "x3 y", "x4 y"])
    second = entry("c-d", alternates=["Who paid?", "z1 y", "z2 y", "z3 y", "z4 y"])
    _, problems = check_knowledge(write_knowledge([first, second]))
    [problem] = problems
    assert problem.message == "'Who paid?' is also a phrasing of 'a-b'"
    assert problem.entry_id == "c-d"


def test_a_syntax_error_is_one_error_not_a_cascade(write_knowledge: WriteKnowledge) -> None:
    root = write_knowledge(
        [entry("a-b", related=["c-d"]), entry("c-d", topic="other")], topics=("basics", "other")
    )
    broken = root / "entries" / "other.yaml"
    broken.write_text(broken.read_text().replace("question:", "question: [unclosed", 1))
    _, problems = check_knowledge(root)
    [problem] = problems
    assert problem.location.file == broken
    assert "YAML syntax error" in problem.message


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("https://sherloc.unodc.org/cld/zh/education/page.html", "another language ('zh')"),
        ("https://www.unodc.org/roseap//en/page.html", "double slash"),
    ],
)
def test_links_open_english_pages_with_clean_paths(
    write_knowledge: WriteKnowledge, url: str, words: str
) -> None:
    item = entry("a-b", links=[{"title": "A page", "url": url}])
    _, problems = check_knowledge(write_knowledge([item]))
    [problem] = problems
    assert words in problem.message


def test_a_third_party_copy_shown_as_a_source_is_refused(write_knowledge: WriteKnowledge) -> None:
    item = entry("a-b", sources=["https://docslib.org/doc/1/the-report"])
    _, problems = check_knowledge(write_knowledge([item]))
    [problem] = problems
    assert problem.message == "source shows a third-party address (docslib.org)"
    assert "consulted" in problem.hint


def test_a_third_party_copy_is_kept_for_maintainers_in_consulted(
    write_knowledge: WriteKnowledge,
) -> None:
    kept = entry("a-b", sources=["The report, p. 3"], consulted=["https://docslib.org/doc/1/x"])
    knowledge, problems = check_knowledge(write_knowledge([kept]))
    assert problems == []
    assert knowledge is not None
    assert knowledge.entry("a-b").consulted == ["https://docslib.org/doc/1/x"]


@pytest.mark.parametrize(
    ("fields", "words", "path_text"),
    [
        (
            {"answer": "An answer.\n\nTODO: the figures for 2020.\n"},
            "answer holds the placeholder 'TODO'",
            "TODO",
        ),
        ({"sources": ["TODO"]}, "sources.0 holds the placeholder 'TODO'", "TODO"),
        ({"question": "What about FIXME?"}, "question holds the placeholder 'FIXME'", "FIXME"),
        ({"sources": ["..."]}, "sources.0 is only '...'", "..."),
    ],
    ids=["answer", "source", "question", "only dots"],
)
def test_a_placeholder_left_from_the_skeleton_is_located(
    write_knowledge: WriteKnowledge, fields: dict[str, object], words: str, path_text: str
) -> None:
    root = write_knowledge([entry("a-b", **fields)])
    _, problems = check_knowledge(root)
    [problem] = problems
    assert (problem.message, problem.entry_id) == (words, "a-b")
    assert problem.hint.startswith("write the real")
    lines = (root / "entries" / "basics.yaml").read_text().splitlines()
    line = lines[problem.location.line - 1]
    assert line[problem.location.column - 1 :].startswith(path_text)


def test_a_word_that_only_contains_a_marker_is_no_placeholder(
    write_knowledge: WriteKnowledge,
) -> None:
    answer = "Todos los migrantes … and the TODOS survey (a title, not a placeholder)."
    _, problems = check_knowledge(write_knowledge([entry("a-b", answer=answer)]))
    assert problems == []


def test_the_question_ends_with_a_question_mark(write_knowledge: WriteKnowledge) -> None:
    root = write_knowledge([entry("a-b", question="who funded it")])
    _, problems = check_knowledge(root)
    text = (root / "entries" / "basics.yaml").read_text()
    line = text[: text.index("who funded it")].count("\n") + 1
    assert [(p.message, p.location.line) for p in problems] == [
        ("question does not end with '?'", line)
    ]


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ("related: []", "related: []\n  as_of: 2024-13-01", "2024-13-01"),
        ("- a-b variant two", "- 2020-02-30", "2020-02-30"),
    ],
    ids=["as_of", "alternate"],
)
def test_an_impossible_date_is_located_not_a_traceback(
    write_knowledge: WriteKnowledge, old: str, new: str, shown: str
) -> None:
    root = write_knowledge([entry("a-b")])
    path = root / "entries" / "basics.yaml"
    text = path.read_text().replace(old, new)
    path.write_text(text)
    _, problems = check_knowledge(root)
    [problem] = problems
    before = text[: text.index(shown)]
    column = len(before) - before.rfind("\n")
    assert (problem.location.line, problem.location.column) == (before.count("\n") + 1, column)
    assert str(problem).endswith(
        f"not a date: {shown} (hint: YYYY-MM-DD; quote text that only looks like a date)"
    )


def test_a_byte_order_mark_is_named(write_knowledge: WriteKnowledge) -> None:
    root = write_knowledge([entry("a-b")])
    path = root / "entries" / "basics.yaml"
    path.write_text("\ufeff" + path.read_text(), encoding="utf-8")
    _, problems = check_knowledge(root)
    assert [(p.location.file, p.message) for p in problems] == [
        (path, "the file starts with a byte-order mark (BOM)")
    ]
    assert "without BOM" in problems[0].hint


def test_an_entry_that_does_not_load_gives_its_own_error_first_and_no_follow_ons(
    write_knowledge: WriteKnowledge,
) -> None:
    broken = entry("c-d", topic="zeta", related=["a-b"])
    del broken["question"]
    referring = entry("a-b", related=["c-d"], links=[{"title": "A", "url": "http://unodc.org/"}])
    root = write_knowledge(
        [referring, broken],
        topics=("basics", "zeta"),
        **{"glossary.yaml": "terms:\n  - {term: cd, variants: [c d], entry: c-d}\n"},
    )
    _, problems = check_knowledge(root)
    assert [(p.location.file.name, p.entry_id, p.message) for p in problems] == [
        ("zeta.yaml", "c-d", "question: Field required"),
        ("basics.yaml", "a-b", "link http://unodc.org/ is not https"),
    ]
