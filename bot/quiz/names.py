"""Display names of quiz players, in memory only, for the leaderboard: the store keeps
pseudonyms, never names. After a restart, a player is named again with their next answer."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping

REMEMBERED = 5_000


class Names(Mapping[str, str]):
    def __init__(self, capacity: int = REMEMBERED) -> None:
        self._capacity = capacity
        self._names: OrderedDict[str, str] = OrderedDict()

    def remember(self, person: str, name: str) -> None:
        self._names[person] = name
        self._names.move_to_end(person)
        while len(self._names) > self._capacity:
            self._names.popitem(last=False)

    def __getitem__(self, person: str) -> str:
        return self._names[person]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)
