"""Checks of the shipped knowledge base: what a maintainer runs first (`pytest tests/knowledge`)."""
