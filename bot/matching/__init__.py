"""Matching free-text questions onto knowledge-base entries, knowing when it does not know."""
