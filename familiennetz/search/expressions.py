"""The backend-neutral form of a parsed query: groups of alternatives.

A query matches a document when every group matches (or, relaxed, any group); a group matches
when one of its alternatives does. Each backend compiles this into its own syntax.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Alternative:
    """One way to match a query word: a word, a prefix, a phrase or a set of compound parts.

    ``words`` are written forms (PostgreSQL stems them itself), ``terms`` the same words as
    index terms (for SQLite, whose index holds terms).
    """

    words: tuple[str, ...]
    terms: tuple[str, ...]
    prefix: bool = False  # also match longer terms ("kinderarzt" → "kinderarztin"); for
    # compound parts (phrase=False) each part of four letters or more ("krabbel*", "grupp*")
    phrase: bool = True  # several words: in this order; False: anywhere in the document
    direct: bool = True  # what was typed (or its parts, its correction); False: a synonym

    @property
    def key(self) -> tuple:
        return (self.terms, self.prefix, self.phrase)


@dataclass
class Group:
    alternatives: list[Alternative] = field(default_factory=list)

    def add(self, alternative: Alternative) -> None:
        if alternative.terms and alternative.key not in {alt.key for alt in self.alternatives}:
            self.alternatives.append(alternative)


MIN_PART_PREFIX_LENGTH = 4


def direct_groups(groups: list[Group]) -> list[Group]:
    """The groups with only what was typed (no synonyms); groups left empty are dropped.
    A name matching these ranks above a name matching only a synonym (issue 16)."""
    direct = [Group([alt for alt in group.alternatives if alt.direct]) for group in groups]
    return [group for group in direct if group.alternatives]
