"""Absolute session lifetime: a login ends SESSION_MAX_AGE seconds after it started, however
active the session is (the idle timeout is SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST)."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

LOGIN_AT_KEY = "familiennetz_login_at"


@receiver(user_logged_in)
def remember_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT_KEY] = int(time.time())


class SessionLifetimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(LOGIN_AT_KEY)
            if started is None:
                request.session[LOGIN_AT_KEY] = int(time.time())
            elif time.time() - started > settings.SESSION_MAX_AGE:
                logout(request)
        return self.get_response(request)
