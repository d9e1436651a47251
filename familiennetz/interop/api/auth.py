"""Authentication of the API's write operations: ``Authorization: Bearer <token>``.

Tokens are personal (accounts.ApiToken, docs/adr/0201-api-tokens.md). A session cookie is
never accepted here: a browser sends it on its own, so accepting it would open the write
operations to cross-site request forgery. The token itself is never logged.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from familiennetz.accounts.services import api_token_authenticate


class ApiTokenAuth(HttpBearer):
    def __call__(self, request: HttpRequest):
        # Like HttpBearer.__call__, without its debug log of the whole header.
        scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        return self.authenticate(request, token.strip())

    def authenticate(self, request: HttpRequest, token: str):
        api_token = api_token_authenticate(token)
        if api_token is None:
            return None
        # The rest of the request (permissions, history entries) acts as the token's user,
        # whatever session cookie came along.
        request.user = api_token.user
        return api_token


token_auth = ApiTokenAuth()
