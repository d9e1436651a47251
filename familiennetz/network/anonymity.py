"""The short note of a case consultation must not identify a family (ADR 0620).

Names cannot be recognised reliably, so the form says plainly that none may be entered; what
can be recognised is refused with a field error: e-mail addresses, phone numbers, dates (a date
of birth), "geb." and names after a form of address ("Frau K.", "Familie Yilmaz").
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"\+?\d[\d\s/().-]{4,}\d")
DATE = re.compile(
    r"\b\d{1,2}\.\s?\d{1,2}\.\s?(\d{4}|\d{2})\b"  # 03.04.2021, 3.4.21
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b"  # 2021-04-03
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"  # 3/4/2021
)
BIRTH = re.compile(r"\b(geb\.|geboren|geburtstag|geburtsdatum|born|date of birth)", re.IGNORECASE)
ADDRESSED = re.compile(r"\b(Herr|Herrn|Frau|Familie|Fam\.|Mr\.?|Mrs\.?|Ms\.?)\s+[A-ZÄÖÜ]")

CHECKS = (
    (EMAIL, _("Please remove the e-mail address: the note must not identify anybody.")),
    (BIRTH, _("Please remove the date of birth: the note must not identify anybody.")),
    (DATE, _("Please remove the date: a date of birth could identify the child.")),
    (ADDRESSED, _("Please remove the name: the note must not name a family or person.")),
)


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def personal_data_problems(text: str) -> list[str]:
    """The reasons why ``text`` looks like it identifies somebody (empty: none found)."""
    problems = [str(message) for pattern, message in CHECKS if pattern.search(text)]
    if BIRTH.search(text) and DATE.search(text):
        problems.remove(str(CHECKS[2][1]))  # one message for "geb. 3.4.2021"
    rest = DATE.sub(" ", EMAIL.sub(" ", text))
    if any(_digits(match.group()) >= 6 for match in PHONE.finditer(rest)):
        problems.append(
            str(_("Please remove the phone number: the note must not identify anybody."))
        )
    return problems


def validate_no_personal_data(text: str) -> None:
    problems = personal_data_problems(text or "")
    if problems:
        raise ValidationError(problems, code="personal_data")
