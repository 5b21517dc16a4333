"""An `i18n/<code>.yaml` for tests: the English words standing in for a translation, with the
texts a test is about changed."""

from __future__ import annotations

from typing import Any

import yaml

from bot.knowledge import ENGLISH


def words_file(name: str = "Test", **changes: Any) -> str:
    words = ENGLISH.model_dump(exclude_none=True) | changes
    back = ENGLISH.model_dump(exclude_none=True)  # a copy: YAML would write one as an alias
    document = {"language": name, "words": words, "back_translation": back}
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
