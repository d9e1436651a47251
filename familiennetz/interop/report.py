"""The report every import gives back: what it found per row/record, what it would write.

Imports run in two steps that a command, an admin view or a workspace view call alike:
``parse`` (read, check, plan; no writes) returns a report; ``commit`` writes all or nothing and
only if the report has no errors. Warnings never block: the value is dropped or corrected and
the report says so.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Level:
    ERROR = "error"  # the record or file cannot be imported; nothing is written
    WARNING = "warning"  # a value was dropped or corrected; the record is imported
    INFO = "info"  # mapping notes: ignored columns, tables, fields

    LABELS = {
        ERROR: pgettext_lazy("import report level", "Error"),
        WARNING: pgettext_lazy("import report level", "Warning"),
        INFO: pgettext_lazy("import report level", "Note"),
    }

    @classmethod
    def label(cls, level: str) -> str:
        """The level for people (translated); unknown levels as they are."""
        return str(cls.LABELS.get(level, level))


# What the counts of a report are about, and what happened to them (for people).
KIND_LABELS = {
    "organisation": _("Organisations"),
    "location": _("Places"),
    "offer": _("Offers"),
    "offer_location": _("Offers at places"),
    "schedule": _("Opening hours"),
    "contact": _("Contacts"),
    "category": _("Categories"),
    "event": _("Events"),
    "district": _("Districts"),
}
OUTCOMES = ("created", "updated", "unchanged")
OUTCOME_LABELS = {"created": _("new"), "updated": _("updated"), "unchanged": _("unchanged")}


@dataclass(frozen=True)
class Issue:
    level: str
    message: str
    source: str = ""  # file name or table
    row: int | None = None  # line in the file (header = 1) where known
    field: str = ""  # column or field name
    record: str = ""  # record id or name

    @property
    def level_label(self) -> str:
        return Level.label(self.level)

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in ("", None)}

    def __str__(self) -> str:
        where = ", ".join(
            part
            for part in (
                self.source,
                f"line {self.row}" if self.row is not None else "",
                self.record,
                self.field,
            )
            if part
        )
        return (
            f"[{self.level}] {where}: {self.message}" if where else f"[{self.level}] {self.message}"
        )


@dataclass
class Report:
    dry_run: bool = True
    committed: bool = False
    issues: list[Issue] = field(default_factory=list)
    # kind → Counter(created=…, updated=…, unchanged=…)
    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    # kind → primary keys of the records a commit created (where the importer knows them)
    created: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    # HSDS: the conformance report of the file (hsds.conformance), independent of the import
    conformance: object = None

    def add(self, level: str, message: str, **where) -> None:
        self.issues.append(Issue(level, message, **where))

    def error(self, message: str, **where) -> None:
        self.add(Level.ERROR, message, **where)

    def warning(self, message: str, **where) -> None:
        self.add(Level.WARNING, message, **where)

    def info(self, message: str, **where) -> None:
        self.add(Level.INFO, message, **where)

    def extend(self, issues) -> None:
        self.issues.extend(issues)

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        self.counts[kind][outcome] += n

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.level == Level.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.level == Level.WARNING]

    @property
    def has_errors(self) -> bool:
        return any(i.level == Level.ERROR for i in self.issues)

    def rows_with(self, level: str = Level.ERROR) -> list[int]:
        """Line numbers with issues of ``level``, sorted."""
        return sorted({i.row for i in self.issues if i.level == level and i.row is not None})

    def count_table(self) -> list[dict]:
        """The counts for people: one row per kind (translated) with created, updated and
        unchanged, in a fixed order."""
        order = list(KIND_LABELS)
        kinds = sorted(self.counts, key=lambda k: (order.index(k) if k in order else 99, k))
        return [
            {
                "kind": kind,
                "label": str(KIND_LABELS.get(kind, kind)),
                **{outcome: self.counts[kind].get(outcome, 0) for outcome in OUTCOMES},
            }
            for kind in kinds
            if any(self.counts[kind].values())
        ]

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "committed": self.committed,
            "counts": {kind: dict(counter) for kind, counter in self.counts.items()},
            "issues": [issue.as_dict() for issue in self.issues],
        }

    def summary_lines(self) -> list[str]:
        lines = []
        for kind, counter in sorted(self.counts.items()):
            parts = ", ".join(f"{outcome} {n}" for outcome, n in sorted(counter.items()))
            lines.append(f"{kind}: {parts}")
        levels = Counter(i.level for i in self.issues)
        lines.append(
            f"errors {levels[Level.ERROR]}, warnings {levels[Level.WARNING]}, "
            f"notes {levels[Level.INFO]}"
        )
        return lines
