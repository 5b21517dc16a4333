"""Small knowledge bases written into a temporary folder, for tests of loading and rules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge import write_schemas
from bot.knowledge.schema import SCHEMA_LINE

FIXTURES = Path(__file__).parent.parent / "fixtures"

WriteKnowledge = Callable[..., Path]


def entry(entry_id: str, **fields: Any) -> dict[str, Any]:
    """A valid entry; keyword arguments replace or add fields."""
    base: dict[str, Any] = {
        "id": entry_id,
        "topic": "basics",
        "question": f"What about {entry_id.replace('-', ' ')}?",
        "alternates": [f"{entry_id} variant {n}" for n in ("one", "two", "three", "four", "five")],
        "answer": "An answer.\n\nRead more: the press release.",
        "links": [{"title": "Press release", "url": "https://www.unodc.org/page"}],
        "sources": ["https://www.unodc.org/page"],
        "related": [],
    }
    base.update(fields)
    return base


def write_knowledge(
    folder: Path,
    entries: list[dict[str, Any]],
    topics: tuple[str, ...] = ("basics",),
    **files: str,
) -> Path:
    """Write a small knowledge base into `folder`/knowledge and return that folder: with its
    schemas and each file's schema line, as the shipped one has them."""
    root = folder / "knowledge"
    (root / "entries").mkdir(parents=True)
    write_schemas(root)
    texts = {
        "links.yaml": "allowed_domains: [unodc.org, baliprocess.net]\n",
        "topics.yaml": yaml.safe_dump([{"id": t, "title": t.title()} for t in topics]),
        "glossary.yaml": "terms: []\n",
    }
    by_topic: dict[str, list[dict[str, Any]]] = {}
    for item in entries:
        by_topic.setdefault(item["topic"], []).append(item)
    for topic, items in by_topic.items():
        texts[f"entries/{topic}.yaml"] = yaml.safe_dump(items, sort_keys=False)
    texts.update(files)
    for name, text in texts.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        schema = _SCHEMAS.get(Path(name).parent.name if "/" in name else name)
        header = f"{SCHEMA_LINE}{'../' if '/' in name else ''}schema/{schema}\n" if schema else ""
        (root / name).write_text(header + text)
    return root


_SCHEMAS = {
    "links.yaml": "links.schema.json",
    "topics.yaml": "topics.schema.json",
    "glossary.yaml": "glossary.schema.json",
    "entries": "entries.schema.json",
    "out_of_scope.yaml": "out_of_scope.schema.json",
    "calibration.yaml": "calibration.schema.json",
    "safety.yaml": "safety.schema.json",
    "quiz.yaml": "quiz.schema.json",
    "i18n": "i18n.schema.json",
    "phrasings": "phrasings.schema.json",
    "safety": "regional_safety.schema.json",
    "answers": "answers.schema.json",
}


# Two entries on corruption, one sharing its words with a border guard's job and pay, which the
# questions to decline in the tests ask about.
BORDERS_AND_COURTS = [
    entry(
        "border-bribes",
        alternates=[
            "bribes at the border",
            "paying border guards",
            "bribing officials at checkpoints",
            "corrupt border guards",
            "border officials taking money",
        ],
    ),
    entry(
        "court-cases",
        alternates=[
            "trafficking cases dropped in court",
            "judges bribed",
            "prosecutors paid off",
            "corrupt courts",
            "why traffickers are not convicted",
        ],
    ),
]


def declined(*questions: str) -> dict[str, str]:
    """An `out_of_scope.yaml` listing the questions, for `write_knowledge`."""
    lines = "".join(f"  - {q}\n" for q in questions)
    return {"out_of_scope.yaml": f"questions:\n{lines}"}
