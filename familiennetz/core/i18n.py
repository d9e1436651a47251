"""Translation catalogue helpers that need no OS gettext tools.

python -m familiennetz.core.i18n compile   # .po -> .mo with Babel (pure Python)
python -m familiennetz.core.i18n check     # fail on untranslated or fuzzy German entries
"""

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


def _catalogues():
    yield from sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def compile_all() -> int:
    for po_path in _catalogues():
        with po_path.open("rb") as fh:
            catalog = read_po(fh)
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with mo_path.open("wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)
    return 0


def check() -> int:
    problems = []
    for po_path in _catalogues():
        if po_path.parts[-3] != "de":
            continue
        with po_path.open("rb") as fh:
            catalog = read_po(fh)
        for message in catalog:
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy or not all(strings):
                problems.append(f"{po_path.name}: {message.id!r}")
    for line in problems:
        print(f"untranslated: {line}")
    print(f"German catalogue: {len(problems)} untranslated or fuzzy entries")
    return 1 if problems else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    sys.exit({"compile": compile_all, "check": check}[command]())
