"""Reference data: languages offers are held in. Reversible."""

from django.db import migrations

LANGUAGES = [
    # code, German, English, endonym
    ("de", "Deutsch", "German", "Deutsch"),
    ("de-x-ls", "Leichte Sprache", "Easy German (Leichte Sprache)", "Leichte Sprache"),
    ("gsg", "Deutsche Gebärdensprache", "German Sign Language", "DGS"),
    ("en", "Englisch", "English", "English"),
    ("ar", "Arabisch", "Arabic", "العربية"),
    ("tr", "Türkisch", "Turkish", "Türkçe"),
    ("uk", "Ukrainisch", "Ukrainian", "Українська"),
    ("ru", "Russisch", "Russian", "Русский"),
    ("fa", "Persisch (Farsi)", "Persian (Farsi)", "فارسی"),
    ("prs", "Dari", "Dari", "دری"),
    ("pl", "Polnisch", "Polish", "Polski"),
    ("ro", "Rumänisch", "Romanian", "Română"),
    ("ku", "Kurdisch", "Kurdish", "Kurdî"),
    ("vi", "Vietnamesisch", "Vietnamese", "Tiếng Việt"),
    ("cs", "Tschechisch", "Czech", "Čeština"),
    ("fr", "Französisch", "French", "Français"),
    ("es", "Spanisch", "Spanish", "Español"),
    ("it", "Italienisch", "Italian", "Italiano"),
    ("bg", "Bulgarisch", "Bulgarian", "Български"),
    ("sq", "Albanisch", "Albanian", "Shqip"),
    ("ti", "Tigrinya", "Tigrinya", "ትግርኛ"),
    ("so", "Somali", "Somali", "Soomaali"),
]


def load(apps, schema_editor):
    Language = apps.get_model("directory", "Language")
    for position, (code, name_de, name_en, endonym) in enumerate(LANGUAGES):
        Language.objects.update_or_create(
            code=code,
            defaults={"name_de": name_de, "name_en": name_en, "endonym": endonym, "position": position},
        )


def unload(apps, schema_editor):
    Language = apps.get_model("directory", "Language")
    Language.objects.filter(code__in=[code for code, *_ in LANGUAGES]).delete()


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
