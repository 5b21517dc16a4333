"""The shipped knowledge base: complete, valid, on the allow-list, and its tools work on it."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.knowledge import answer_markup
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.export import ENTRY_LIST, to_csv, to_json
from bot.knowledge.lint import MIN_ALTERNATES, lint, template_pairs
from bot.knowledge.loader import load_knowledge
from bot.knowledge.normalize import normalize
from bot.knowledge.schema import stale_schemas
from tests.support.contract import CONTRACT_IDS, CONTRACT_TOPICS

OFFICIAL = ("unodc.org", "baliprocess.net", "un.org", "asean.org")
SCHEMA_LINE = "# yaml-language-server: $schema="


@pytest.fixture(scope="module")
def knowledge(shipped: Path) -> KnowledgeBase:
    return load_knowledge(shipped)


def test_every_contract_id_is_present_in_its_topic(knowledge: KnowledgeBase) -> None:
    for entry_id, topic in CONTRACT_IDS.items():
        assert knowledge.entry(entry_id).topic == topic


def test_contract_topics_exist(knowledge: KnowledgeBase) -> None:
    assert {t.id for t in knowledge.topics} >= set(CONTRACT_TOPICS)


def test_at_least_sixty_entries(knowledge: KnowledgeBase) -> None:
    assert len(knowledge.entries) >= 60


def test_every_entry_has_enough_distinct_alternates(knowledge: KnowledgeBase) -> None:
    for entry in knowledge.entries:
        distinct = {normalize(text) for text in entry.alternates} - {normalize(entry.question)}
        assert len(distinct) >= MIN_ALTERNATES, entry.id
        assert template_pairs(entry.alternates) == [], entry.id


def test_every_link_is_https_on_an_official_domain(knowledge: KnowledgeBase) -> None:
    for entry in knowledge.entries:
        for url in [link.url for link in entry.links] + answer_markup.links(entry.answer):
            parts = urlsplit(url)
            host = parts.hostname or ""
            assert parts.scheme == "https", (entry.id, url)
            assert any(host == d or host.endswith(f".{d}") for d in OFFICIAL), (entry.id, url)


def test_every_entry_has_sources_and_related(knowledge: KnowledgeBase) -> None:
    for entry in knowledge.entries:
        assert entry.sources, entry.id
        assert entry.related, entry.id


def test_every_yaml_file_declares_its_schema(shipped: Path) -> None:
    for path in shipped.rglob("*.yaml"):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line.startswith(SCHEMA_LINE), path
        schema = (path.parent / first_line.removeprefix(SCHEMA_LINE)).resolve()
        assert schema.is_file(), path


def test_committed_schemas_are_fresh(shipped: Path) -> None:
    assert stale_schemas(shipped) == [], "run: python -m bot schema"


def test_json_export_loads_back_into_the_same_entries(knowledge: KnowledgeBase) -> None:
    assert ENTRY_LIST.validate_json(to_json(knowledge)) == list(knowledge.entries)


def test_csv_export_has_one_row_per_question_variant(knowledge: KnowledgeBase) -> None:
    assert to_csv(knowledge).startswith("id,topic,kind,question,canonical_question,answer\n")
    parsed = list(csv.DictReader(io.StringIO(to_csv(knowledge))))
    assert len(parsed) == knowledge.question_count
    assert {row["id"] for row in parsed} == {e.id for e in knowledge.entries}


def test_lint_runs_and_reports_no_similar_pairs_left_unreviewed(knowledge: KnowledgeBase) -> None:
    warnings = lint(knowledge)
    assert not [w for w in warnings if "alike enough" in w.message], warnings


def test_answers_fit_a_telegram_message(knowledge: KnowledgeBase) -> None:
    for entry in knowledge.entries:
        assert len(answer_markup.to_html(entry.answer)) <= 4096, entry.id
