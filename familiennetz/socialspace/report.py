"""The report of a district or indicator import: every problem with where it is (line,
column/cell, feature), and the counts of what the import writes. Errors block the whole
import (all or nothing); warnings and notes do not."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from django.utils.translation import pgettext_lazy

ERROR, WARNING, NOTE = "error", "warning", "note"
LEVEL_LABELS = {
    ERROR: pgettext_lazy("import report level", "Error"),
    WARNING: pgettext_lazy("import report level", "Warning"),
    NOTE: pgettext_lazy("import report level", "Note"),
}
MAX_ISSUES = 500


@dataclass
class Issue:
    level: str
    message: str
    where: str = ""  # "Zeile 12, Spalte „Bevölkerung“ (B12)" or "Objekt 5 (Code 0101)"


@dataclass
class Report:
    issues: list[Issue] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    omitted: int = 0

    def add(self, level: str, message: str, where: str = "") -> None:
        if len(self.issues) >= MAX_ISSUES:
            self.omitted += 1
            if level == ERROR and not any(i.level == ERROR for i in self.issues):
                self.issues[-1] = Issue(level, str(message), str(where))
            return
        self.issues.append(Issue(level, str(message), str(where)))

    def error(self, message: str, where: str = "") -> None:
        self.add(ERROR, message, where)

    def warning(self, message: str, where: str = "") -> None:
        self.add(WARNING, message, where)

    def note(self, message: str, where: str = "") -> None:
        self.add(NOTE, message, where)

    @property
    def ok(self) -> bool:
        return not any(issue.level == ERROR for issue in self.issues)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.level == ERROR]

    def as_dict(self) -> dict:
        return {
            "issues": [asdict(i) for i in self.issues],
            "counts": dict(self.counts),
            "omitted": self.omitted,
            "ok": self.ok,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Report:
        report = cls(
            issues=[Issue(**i) for i in data.get("issues", [])],
            counts=dict(data.get("counts", {})),
            omitted=data.get("omitted", 0),
        )
        return report

    def lines(self) -> list[str]:
        """Plain text for the commands' output."""
        out = []
        for issue in self.issues:
            where = f"{issue.where}: " if issue.where else ""
            out.append(f"{LEVEL_LABELS.get(issue.level, issue.level)}: {where}{issue.message}")
        if self.omitted:
            out.append(f"… {self.omitted} more")
        return out
