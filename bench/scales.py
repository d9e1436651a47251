"""The three data scales of the benchmark (issue 6).

The measured alliance is always ``bench``; at state scale 599 further alliances share the rest
of the data, so tables, indexes and caches hold a whole state while pages show one network.
At state scale ``bench`` is the largest network (10 % of the offers) and has 10,000 event dates
in the coming year, the size at which the peer (pretix) is measured.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    alliances: int
    offers: int  # all alliances together
    occurrences: int  # event dates in the coming year, all alliances together
    bench_offers: int  # of which in the measured alliance "bench"
    bench_occurrences: int

    def as_dict(self) -> dict:
        return asdict(self)


SCALES = {
    "town": Scale("town", 1, 300, 2_000, 300, 2_000),
    "city": Scale("city", 1, 5_000, 50_000, 5_000, 50_000),
    "state": Scale("state", 600, 100_000, 300_000, 10_000, 10_000),
}
