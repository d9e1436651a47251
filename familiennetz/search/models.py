"""The search index: one document per offer plus a lexicon of terms per alliance.

The database-specific parts (an FTS5 table on SQLite, a generated ``tsvector`` column and
trigram index on PostgreSQL) are created by vendor-specific migrations; see backends/.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned

MAX_TERM_LENGTH = 60


class SearchDocument(AllianceOwned):
    """The searchable words of one offer, in four fields weighted from name to body.

    Each field holds space-separated words (stop words removed, compound extras appended),
    in their written form; the backends turn them into terms.
    """

    offer = models.OneToOneField(
        "directory.Offer",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
        verbose_name=_("offer"),
    )
    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="search_documents",
        verbose_name=_("alliance"),
    )
    name = models.TextField(_("name"), blank=True)
    categories = models.TextField(_("categories"), blank=True)
    places = models.TextField(_("organisation and places"), blank=True)
    body = models.TextField(_("description"), blank=True)
    words = models.TextField(
        _("words"),
        blank=True,
        help_text=_("Distinct folded words, space-separated (for the lexicon)."),
    )

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self) -> str:
        return self.name

    def word_set(self) -> set[str]:
        return set(self.words.split())


class SearchTerm(AllianceOwned):
    """A word that occurs in an alliance's index (the lexicon), with its document count.

    Keyed by the folded word ("strasse"), it keeps a written form ("Straße") for "did you
    mean" and the index term ("strass"). Typo correction looks for the closest folded word.
    """

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="search_terms",
        verbose_name=_("alliance"),
    )
    folded = models.CharField(_("folded word"), max_length=MAX_TERM_LENGTH)
    word = models.CharField(_("written form"), max_length=MAX_TERM_LENGTH)
    term = models.CharField(_("index term"), max_length=MAX_TERM_LENGTH)
    length = models.PositiveSmallIntegerField(_("length of the folded word"))
    document_count = models.PositiveIntegerField(_("number of documents"), default=0)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [
            models.UniqueConstraint(fields=["alliance", "folded"], name="searchterm_unique_word"),
        ]
        indexes = [
            models.Index(fields=["alliance", "term"], name="searchterm_term_idx"),
            models.Index(fields=["alliance", "length"], name="searchterm_length_idx"),
        ]

    def __str__(self) -> str:
        return self.word
