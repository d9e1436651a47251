"""Resolve ``request.alliance`` once from the URL and open its tenancy scope for the request.

Every request runs with scopes enabled (``scopes.py``): a URL with an ``alliance_slug`` runs
inside ``alliance_scope(request.alliance)``, so tenant-owned queries see that alliance only;
other URLs run without an alliance and must choose one explicitly (the APIs resolve theirs,
instance-wide pages say ``all_alliances()``). The Django admin is for instance administrators
and sees every alliance. Streaming responses keep the scope while they are consumed.
"""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from .models import Alliance
from .scopes import all_alliances, exact_scope


def _scoped_stream(iterable, alliance_id: int | None):
    """Each chunk is produced inside the request's scope; between chunks the consumer's own
    context is untouched (a generator must not leave a scope open while it is suspended)."""
    iterator = iter(iterable)
    while True:
        with exact_scope(alliance_id):
            try:
                chunk = next(iterator)
            except StopIteration:
                return
        yield chunk


class AllianceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def _alliance(self, request) -> Alliance | None:
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return None
        slug = match.kwargs.get("alliance_slug")
        if slug is None:
            return None
        try:
            return Alliance.objects.active().get(slug=slug)
        except Alliance.DoesNotExist:
            raise Http404(_("There is no network with this name.")) from None

    def __call__(self, request):
        if request.path_info.startswith("/admin/"):
            request.alliance = None
            with all_alliances():
                return self.get_response(request)
        request.alliance = self._alliance(request)
        alliance_id = request.alliance.pk if request.alliance is not None else None
        with exact_scope(alliance_id):
            response = self.get_response(request)
        if response.streaming and not isinstance(response, FileResponse):
            response.streaming_content = _scoped_stream(response.streaming_content, alliance_id)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_kwargs.pop("alliance_slug", None)
        return None
