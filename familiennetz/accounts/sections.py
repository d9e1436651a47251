"""Sections that other apps add to the account page (/accounts/konto/), without accounts
importing them: an app registers a section in its ``AppConfig.ready()``::

    from familiennetz.accounts import sections
    sections.add(sections.AccountSection(
        key="meetings-feed", template="governance/account/_section_feed.html",
        context=lambda request: {"has_feed": …}, order=50,
    ))

The template is included inside the page's grid with ``{{ section.<key> }}`` from the context;
a context callable returning None hides the section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class AccountSection:
    key: str
    template: str
    context: Callable[[HttpRequest], dict | None] = lambda request: {}
    order: int = 100


_sections: dict[str, AccountSection] = {}


def add(section: AccountSection) -> AccountSection:
    _sections[section.key] = section
    return section


def remove(key: str) -> None:
    _sections.pop(key, None)


def for_request(request) -> list[tuple[AccountSection, dict]]:
    shown = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        context = section.context(request)
        if context is not None:
            shown.append((section, context))
    return shown
