"""The ``/api/v1/`` API object; ``v1.py`` (reads) and ``write.py`` (writes) add operations."""

from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

api = NinjaAPI(
    title="familiennetz API",
    version="1",
    description=(
        "Access to the public family guides of the networks on this instance: "
        "offers with the guide's search filters and proximity, organisations, places, "
        "events and their dates, categories and districts. Every path starts with the "
        "short name of a network (`/api/v1/{alliance}/…`, list: `/api/v1/alliances`). "
        "Responses carry ETag and Last-Modified (send If-None-Match for a 304); CORS allows "
        "GET from any origin without credentials; clients are rate limited (429 with "
        "Retry-After). Open Referral HSDS 3.0: `/api/hsds/{alliance}/`.\n\n"
        "Providers and coordinators create and change entries with a personal API token "
        "(`Authorization: Bearer fn_…`, created under *Mein Konto → API-Tokens*), with the "
        "permissions they have in the workspace: 201/200 when applied, 202 when a change "
        "waits for the coordination's review, 422 with the fields that need correcting."
    ),
    urls_namespace="api-v1",
    docs=Swagger(settings={"defaultModelsExpandDepth": 0, "tryItOutEnabled": True}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
