"""HSDS identifiers (UUIDs) for our records.

- A record imported from HSDS keeps the id of its source (``ExternalId``).
- Any other record gets a *generated* id: the first ten bytes come from a name-based UUID of
  (instance namespace, alliance, kind), the last six bytes are the primary key. It is stable
  without being stored, valid as a UUID (version 5 bits kept) and can be turned back into the
  primary key for ``/services/{id}``.
- Sub-records we store as plain fields (an offer's phone number, a location's address, an
  attribute) get ids derived from their parent's id and a label, so they survive a round trip.

The namespace is ``settings.HSDS_ID_NAMESPACE`` (default: derived from ``SITE_URL``); keep it
stable, or every exported id changes.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections import defaultdict
from functools import cache, lru_cache

from django.conf import settings

from familiennetz.interop.models import ExternalId

Kind = ExternalId.Kind
_PK_BYTES = 6
_URN = "urn:familiennetz:hsds:"


@cache
def _namespace(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        return uuid.uuid5(uuid.NAMESPACE_URL, value)


def namespace() -> uuid.UUID:
    return _namespace(getattr(settings, "HSDS_ID_NAMESPACE", "") or settings.SITE_URL)


@cache
def _prefix(ns: uuid.UUID, alliance_id: int, kind: str) -> bytes:
    return uuid.uuid5(ns, f"{alliance_id}:{kind}").bytes[: 16 - _PK_BYTES]


def _format(raw: bytes) -> str:
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def _uuid5(namespace_bytes: bytes, name: str) -> str:
    """``str(uuid.uuid5(namespace, name))`` without building UUID objects (export speed)."""
    raw = bytearray(hashlib.sha1(namespace_bytes + name.encode()).digest()[:16])
    raw[6] = (raw[6] & 0x0F) | 0x50
    raw[8] = (raw[8] & 0x3F) | 0x80
    return _format(bytes(raw))


def generated_id(alliance_id: int, kind: str, pk: int) -> str:
    return _format(_prefix(namespace(), alliance_id, kind) + pk.to_bytes(_PK_BYTES))


def decode_generated(alliance_id: int, kind: str, value: str) -> int | None:
    """The primary key in a generated id of this alliance and kind, else None."""
    try:
        raw = uuid.UUID(str(value)).bytes
    except ValueError:
        return None
    if raw[: 16 - _PK_BYTES] != _prefix(namespace(), alliance_id, kind):
        return None
    return int.from_bytes(raw[16 - _PK_BYTES :])


@lru_cache(maxsize=65536)
def _parent_bytes(parent_id: str) -> bytes:
    try:
        return uuid.UUID(parent_id).bytes
    except ValueError:
        return uuid.uuid5(uuid.NAMESPACE_URL, _URN + parent_id).bytes


def derived_id(parent_id: str, label: str) -> str:
    """Id of a sub-record: stable for the same parent id and label (a name-based UUID)."""
    return _uuid5(_parent_bytes(str(parent_id)), label)


@cache
def fixed_id(name: str) -> str:
    """Ids of our vocabularies, the same on every instance ("taxonomy:categories")."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, _URN + name))


_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def is_uuid(value) -> bool:
    """A UUID in its usual 36-character form."""
    return isinstance(value, str) and _UUID.match(value) is not None


def source_uuid(value: str) -> str:
    """A UUID for an identifier that is not one (HSDS 1.1 allowed any string)."""
    return value.lower() if is_uuid(value) else fixed_id("source:" + value)


class IdMap:
    """HSDS ids of one alliance's records, loaded once (two dict lookups per record)."""

    def __init__(self, alliance_id: int, *, scheme: str = ExternalId.Scheme.HSDS):
        self.alliance_id = alliance_id
        self.scheme = scheme
        self.by_object: dict[str, dict[int, str]] = defaultdict(dict)
        self.by_value: dict[str, dict[str, int]] = defaultdict(dict)
        rows = ExternalId.objects.filter(alliance_id=alliance_id, scheme=scheme).values_list(
            "kind", "object_id", "value"
        )
        for kind, object_id, value in rows:
            self.by_object[kind][object_id] = value
            self.by_value[kind][value] = object_id

    def hsds_id(self, kind: str, pk: int) -> str:
        return self.by_object[kind].get(pk) or generated_id(self.alliance_id, kind, pk)

    def resolve(self, kind: str, value: str) -> int | None:
        """The primary key a given id stands for (stored or generated), or None."""
        if value in self.by_value[kind]:
            return self.by_value[kind][value]
        pk = decode_generated(self.alliance_id, kind, value)
        if pk is not None and pk not in self.by_object[kind]:
            return pk
        return None
