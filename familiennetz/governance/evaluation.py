"""The seam through which a project's evaluation comes from elsewhere (e.g. a survey of the
participation app). Sources are registered from ``GovernanceConfig.ready()``
(``evaluation_sources.py``: the apps below governance) or by an app above it::

    from familiennetz.governance import evaluation
    evaluation.register(evaluation.EvaluationSource(
        key="survey",
        label=_("Survey"),
        choices=lambda alliance: [
            (str(s.pk), s.title) for s in Survey.objects.for_alliance(alliance)
        ],
        summary=lambda alliance, ref: {"title": …, "url": …, "rows": [(label, value), …]},
    ))

A project stores ``evaluation_source`` (the key) and ``evaluation_ref`` (the source's id as
text); the project page shows ``summary(alliance, ref)``: a title, a link and a small table of
figures (already privacy-suppressed by the source). Without a registered source the project
form offers no evaluation and a stored reference is shown as unavailable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class EvaluationSource:
    key: str
    label: Any
    choices: Callable[[Any], list[tuple[str, str]]]
    summary: Callable[[Any, str], dict | None]


_sources: dict[str, EvaluationSource] = {}


def register(source: EvaluationSource) -> EvaluationSource:
    _sources[source.key] = source
    return source


def unregister(key: str) -> None:
    _sources.pop(key, None)


def sources() -> list[EvaluationSource]:
    return sorted(_sources.values(), key=lambda s: s.key)


def choices(alliance) -> list[tuple[str, str]]:
    """Grouped choices "<key>:<ref>" for a form field."""
    return [
        (f"{source.key}:{ref}", f"{source.label}: {label}")
        for source in sources()
        for ref, label in source.choices(alliance)
    ]


def is_valid(alliance, key: str, ref: str) -> bool:
    source = _sources.get(key)
    return source is not None and ref in {r for r, _label in source.choices(alliance)}


def summary(alliance, key: str, ref: str) -> dict | None:
    source = _sources.get(key)
    if source is None or not ref:
        return None
    return source.summary(alliance, ref)
