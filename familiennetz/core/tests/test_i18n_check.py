"""The translation completeness check (python -m familiennetz.core.i18n check) on temporary
catalogues."""

from pathlib import Path

from familiennetz.core import i18n

HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""


def catalogue(root: Path, language: str, body: str) -> Path:
    folder = root / language / "LC_MESSAGES"
    folder.mkdir(parents=True)
    path = folder / "django.po"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


COMPLETE = """msgid "Search"
msgstr "Suche"

#, python-format
msgid "Hello %(name)s, <a href=\\"%(url)s\\">open</a>"
msgstr "Hallo %(name)s, <a href=\\"%(url)s\\">öffnen</a>"

#, python-format
msgid "Only the first %(n)s message is shown."
msgid_plural "Only the first %(n)s messages are shown."
msgstr[0] "Nur die erste Meldung wird angezeigt."
msgstr[1] "Nur die ersten %(n)s Meldungen werden angezeigt."
"""


def test_a_complete_catalogue_passes(tmp_path, capsys):
    catalogue(tmp_path, "de", COMPLETE)
    assert i18n.check(locale_dir=tmp_path) == 0
    assert (
        "de: 0 untranslated, 0 fuzzy, 0 placeholder mismatches – complete"
        in capsys.readouterr().out
    )


def test_missing_fuzzy_and_mismatched_entries_fail_per_language(tmp_path, capsys):
    catalogue(tmp_path, "de", COMPLETE)
    catalogue(
        tmp_path,
        "ar",
        """msgid "Search"
msgstr ""

#, fuzzy
msgid "Calendar"
msgstr "التقويم"

#, python-format
msgid "Hello %(name)s, <a href=\\"%(url)s\\">open</a>"
msgstr "مرحبا %(nom)s، <b>افتح</b>"

#, python-format
msgid "%(count)s offer"
msgid_plural "%(count)s offers"
msgstr[0] "عرض واحد"
msgstr[1] "{count} عروض"
""",
    )
    assert i18n.check(locale_dir=tmp_path) == 1
    out = capsys.readouterr().out
    assert "ar: untranslated: django.po: 'Search'" in out
    assert "ar: fuzzy: django.po: 'Calendar'" in out
    assert "ar: placeholders: django.po: 'Hello %(name)s" in out
    assert "(form 1)" in out and "(form 0)" not in out  # form 0 may leave out the count
    assert "ar: 1 untranslated, 1 fuzzy, 2 placeholder mismatches" in out
    assert "de: 0 untranslated, 0 fuzzy, 0 placeholder mismatches – complete" in out
    assert "incomplete catalogues: ar" in out
    # One language at a time (what `make check-messages` used to do for German).
    assert i18n.check(["de"], locale_dir=tmp_path) == 0


def test_english_is_the_source_and_not_checked(tmp_path, capsys):
    catalogue(tmp_path, "en", 'msgid "Search"\nmsgstr ""\n')
    assert i18n.check(locale_dir=tmp_path) == 0


def test_placeholders_are_compared_by_kind():
    assert i18n.placeholders("%s of %d, {name} <em>x</em> 100%%") == {
        "%s": 1,
        "%d": 1,
        "{name}": 1,
        "<em>": 1,
        "</em>": 1,
    }
    # Positional placeholders count; a missing %s is a mismatch, a reordered name is not.
    assert not i18n._same(i18n.placeholders("%s %s"), i18n.placeholders("%s"))
    assert i18n._same(i18n.placeholders("%(b)s %(a)s"), i18n.placeholders("%(a)s %(b)s"))
