"""Test helpers, kept apart from the tests (as python-telegram-bot keeps `tests/auxil/`)."""
