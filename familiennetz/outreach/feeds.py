"""The network's news as an Atom feed (django.contrib.syndication)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _


class NewsAtom(Feed):
    feed_type = Atom1Feed

    def __init__(self, *, alliance, items, link: str, translations=None):
        self.alliance = alliance
        # A ``translations.selectors.TranslationSet`` in the feed's language (None: German).
        self.translations = translations
        self.news = items
        self.feed_link = link

    def get_object(self, request, *args, **kwargs):
        return None

    def title(self) -> str:
        return _("%(alliance)s – news") % {"alliance": self.alliance.name}

    def link(self) -> str:
        return self.feed_link

    def subtitle(self) -> str:
        return _("News of the network for families.")

    def items(self):
        return self.news

    def _text(self, item, name: str) -> str:
        if self.translations is None:
            return getattr(item, name) or ""
        return self.translations.get(item, name).text

    def item_title(self, item) -> str:
        return self._text(item, "title")

    def item_description(self, item) -> str:
        return self._text(item, "summary") or self._text(item, "text")[:300]

    def item_link(self, item) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
