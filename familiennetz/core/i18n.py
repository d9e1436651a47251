"""Translation catalogue helpers that need no OS gettext tools.

python -m familiennetz.core.i18n compile          # .po -> .mo with Babel (pure Python)
python -m familiennetz.core.i18n check            # every catalogue except English (the source)
python -m familiennetz.core.i18n check de ar      # only these languages

The check fails on untranslated or fuzzy entries and on translations whose placeholders
(``%(name)s``, ``%s``, ``{name}``) or HTML tags differ from the English message id; for
plurals every form is checked. See docs/dev/i18n.md.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
# English is the source language: its msgids are the texts, its catalogue may stay empty.
SOURCE_LANGUAGE = "en"
# Details printed per language and kind of problem (the counts are always complete).
DETAIL_LIMIT = 20

_PERCENT = re.compile(r"%(?:\((?P<name>[^)]+)\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[sdifrxXeEgGcou%]")
_BRACE = re.compile(r"(?<!\{)\{(?P<name>[A-Za-z_][\w.]*|\d*)(?:![rsa])?(?::[^{}]*)?\}(?!\})")
_TAG = re.compile(r"</?(?P<name>[A-Za-z][\w-]*)\b[^<>]*?/?>")


def _catalogues(locale_dir: Path = LOCALE_DIR):
    yield from sorted(locale_dir.glob("*/LC_MESSAGES/*.po"))


def compile_all(locale_dir: Path = LOCALE_DIR) -> int:
    for po_path in _catalogues(locale_dir):
        with po_path.open("rb") as fh:
            catalog = read_po(fh)
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with mo_path.open("wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)
    return 0


def placeholders(text: str) -> Counter:
    """The placeholders and HTML tags of a message: ``%(name)s``, ``%s``, ``{name}``, ``<a>``,
    ``</a>`` (tags by name, so that a translated ``title`` attribute is fine)."""
    found: Counter = Counter()
    for match in _PERCENT.finditer(text):
        if match.group(0) != "%%":
            found[match.group(0)] += 1
    for match in _BRACE.finditer(text):
        found["{" + match.group("name") + "}"] += 1
    for match in _TAG.finditer(text):
        closing = "/" if match.group(0).startswith("</") else ""
        found[f"<{closing}{match.group('name').lower()}>"] += 1
    return found


def _named(key: str) -> bool:
    return key.startswith("%(") or (key.startswith("{") and key != "{}")


def _same(a: Counter, b: Counter, *, plural: bool = False) -> bool:
    """Named placeholders may repeat or move; positional ones (%s) and tags must match in
    number too. A plural form may leave out a named placeholder (the count: German "Nur die
    erste Meldung", Arabic's forms for one and two), never add one."""
    if plural:
        if not set(a) <= set(b) or any(not _named(key) for key in set(b) - set(a)):
            return False
    elif set(a) != set(b):
        return False
    return all(a[key] == b[key] for key in a if not _named(key))


@dataclass
class Report:
    language: str
    untranslated: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.untranslated or self.fuzzy or self.placeholders)

    def lines(self) -> list[str]:
        out = []
        for kind in ("untranslated", "fuzzy", "placeholders"):
            items = getattr(self, kind)
            out += [f"{self.language}: {kind}: {item}" for item in items[:DETAIL_LIMIT]]
            if len(items) > DETAIL_LIMIT:
                out.append(f"{self.language}: {kind}: … and {len(items) - DETAIL_LIMIT} more")
        out.append(
            f"{self.language}: {len(self.untranslated)} untranslated, {len(self.fuzzy)} fuzzy, "
            f"{len(self.placeholders)} placeholder mismatches" + (" – complete" if self.ok else "")
        )
        return out


def check_catalogue(po_path: Path) -> Report:
    language = po_path.parts[-3]
    report = Report(language)
    with po_path.open("rb") as fh:
        catalog = read_po(fh)
    for message in catalog:
        if not message.id:
            continue
        ids = [str(m) for m in (message.id if isinstance(message.id, tuple) else (message.id,))]
        raw = message.string if isinstance(message.string, tuple) else (message.string,)
        strings = [str(s or "") for s in raw]
        label = f"{po_path.name}: {ids[0]!r}"
        if message.fuzzy:
            report.fuzzy.append(label)
            continue
        if not strings or not all(strings):
            report.untranslated.append(label)
            continue
        wanted = [placeholders(msgid) for msgid in ids]
        for index, text in enumerate(strings):
            found = placeholders(text)
            if not any(_same(found, w, plural=len(ids) > 1) for w in wanted):
                form = f" (form {index})" if len(strings) > 1 else ""
                expected = " or ".join(str(sorted(w)) for w in wanted)
                report.placeholders.append(f"{label}{form}: {sorted(found)} instead of {expected}")
    return report


def check(languages: list[str] | None = None, locale_dir: Path = LOCALE_DIR) -> int:
    """Exit status 1 if a catalogue (except the English source) is incomplete."""
    reports = []
    for po_path in _catalogues(locale_dir):
        language = po_path.parts[-3]
        if language == SOURCE_LANGUAGE or (languages and language not in languages):
            continue
        reports.append(check_catalogue(po_path))
    for report in reports:
        for line in report.lines():
            print(line)
    failing = [r.language for r in reports if not r.ok]
    print(f"incomplete catalogues: {', '.join(failing)}" if failing else "all catalogues complete")
    return 1 if failing else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "check":
        sys.exit(check(sys.argv[2:] or None))
    sys.exit({"compile": compile_all}[command]())
