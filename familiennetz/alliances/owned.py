"""The base of every tenant-owned row: it belongs to exactly one alliance.

Query through ``Model.objects.for_alliance(alliance)``; another alliance's row is a 404.
``visible_to(user)`` / ``editable_by(user)`` narrow a queryset to what the user's roles allow
(``scoping.py``, the same rules as the predicates).

The default manager is scoped (``scopes.py``, ADR 0501): inside ``alliance_scope(a)`` every
query is limited to ``a``; outside any scope, evaluating a query raises ``ScopeError``
(building one does not, so querysets of form fields may be declared at import time). A model
with its own QuerySet class declares
``objects = AllianceScopedManager.from_queryset(MyQuerySet)()``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopeError, get_scope

from familiennetz.core.models import TimeStampedModel

from .scoping import scope_q


def _unscoped_error(queryset) -> ScopeError:
    return ScopeError(
        f"{queryset.model._meta.label} was queried outside an alliance scope: wrap the work in "
        "alliance_scope(alliance) or all_alliances() (familiennetz.alliances.scopes)."
    )


class AllianceOwnedQuerySet(models.QuerySet):
    _scope_missing = False

    def for_alliance(self, alliance):
        return self.filter(alliance=alliance)

    def visible_to(self, user):
        """Rows ``user`` may see in the workspace (roles: docs/dev/roles.md)."""
        return self.filter(scope_q(user, self.model))

    def editable_by(self, user):
        """Rows ``user`` may change."""
        return self.filter(scope_q(user, self.model, edit=True))

    # --- scope enforcement: every way a query reaches the database checks the flag ---------

    def _missing_scope(self):
        queryset = self.all()
        queryset._scope_missing = True
        return queryset

    def _check_scope(self) -> None:
        if self._scope_missing:
            raise _unscoped_error(self)

    def _clone(self):
        clone = super()._clone()  # type: ignore[misc]  # private, not in django-stubs
        clone._scope_missing = self._scope_missing
        return clone

    def _fetch_all(self):
        if self._result_cache is None:
            self._check_scope()
        super()._fetch_all()

    def iterator(self, *args, **kwargs):
        self._check_scope()
        return super().iterator(*args, **kwargs)

    def count(self):
        self._check_scope()
        return super().count()

    def exists(self):
        self._check_scope()
        return super().exists()

    def contains(self, obj):
        self._check_scope()
        return super().contains(obj)

    def aggregate(self, *args, **kwargs):
        self._check_scope()
        return super().aggregate(*args, **kwargs)

    def update(self, **kwargs):
        self._check_scope()
        return super().update(**kwargs)

    def delete(self):
        self._check_scope()
        return super().delete()

    def explain(self, **kwargs):
        self._check_scope()
        return super().explain(**kwargs)


class AllianceScopedManager(models.Manager):
    """The default manager of tenant-owned models: filters by the active alliance scope, or
    marks its querysets so that evaluating them outside any scope raises. Models with their
    own QuerySet class declare ``objects = AllianceScopedManager.from_queryset(MyQuerySet)()``
    (the QuerySet must derive from ``AllianceOwnedQuerySet``)."""

    def get_queryset(self):
        queryset = super().get_queryset()
        state = get_scope()
        if not state.get("_enabled", True):
            return queryset
        if "alliance" not in state:
            assert isinstance(queryset, AllianceOwnedQuerySet)
            return queryset._missing_scope()
        value = state["alliance"]
        if value is None:
            return queryset
        if isinstance(value, (list, tuple)):
            return queryset.filter(alliance__in=value)
        return queryset.filter(alliance=value)


class AllianceOwned(TimeStampedModel):
    """A row that belongs to exactly one alliance (the tenant)."""

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("alliance"),
    )

    objects = AllianceScopedManager.from_queryset(AllianceOwnedQuerySet)()

    class Meta:
        abstract = True
