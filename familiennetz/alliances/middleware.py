"""Resolve ``request.alliance`` once from the URL; views never look it up again."""

from django.http import Http404
from django.utils.translation import gettext as _

from .models import Alliance


class AllianceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.alliance = None
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.pop("alliance_slug", None)
        if slug is None:
            return None
        try:
            request.alliance = Alliance.objects.active().get(slug=slug)
        except Alliance.DoesNotExist:
            raise Http404(_("There is no network with this name.")) from None
        return None
