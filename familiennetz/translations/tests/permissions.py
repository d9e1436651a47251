"""Content translation URLs in the permission matrix (tests/test_permission_matrix.py).

Everybody in the workspace sees the overview (filtered to what they may edit); a record's
translations are edited by those who may edit the record (world.offer belongs to the
provider's organisation); reviewing waiting translations and asking the machine for a draft
are the coordination's (checked with a GET: 405 for them, 403 for the others)."""

from __future__ import annotations

from familiennetz.core.tests.matrix import ALL, COORDINATION, EDITORS, only


def _offer(w):
    return {"word": "angebot", "pk": w.offer.pk}


def _offer_ar(w):
    return {"word": "angebot", "pk": w.offer.pk, "language": "ar"}


MATRIX = {
    "translations:manage-translation-list": ("get", lambda w: {}, ALL),
    "translations:manage-translation-record": ("get", _offer, only(EDITORS)),
    "translations:manage-translation-edit": ("get", _offer_ar, only(EDITORS)),
    "translations:manage-translation-machine": ("get", _offer_ar, only(COORDINATION, ok=405)),
    "translations:manage-translation-review": ("get", _offer_ar, only(COORDINATION, ok=405)),
}
