"""Helpers of `bench/load.py`: a timed fake Bot API, bot processes, and pairing replies."""
