# `make run` and `make test` create (or reuse) the virtual environment and install what they need.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

BENCH_VENV ?= .venv-bench

.PHONY: run test lint-kb bench bench-recording clean

run: $(INSTALLED)
	$(BIN)/python -m bot

test: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy bot handlers tests
	$(BIN)/hadolint Dockerfile
	$(BIN)/python -m pytest

# The knowledge base's own checks, for maintainers.
lint-kb: $(INSTALLED)
	$(BIN)/python -m bot validate
	$(BIN)/python -m bot lint

# Our matcher against the baselines; heavy (PyTorch), so in a virtual environment of its own.
bench:
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --editable '.[bench]'
	HF_HUB_OFFLINE=1 $(BENCH_VENV)/bin/python bench/compare.py

# What recording usage costs a reply (light: runs in the main environment).
bench-recording: $(INSTALLED)
	$(BIN)/python bench/recording.py

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) $(BENCH_VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis
