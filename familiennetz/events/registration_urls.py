"""Registration URLs (sign-up, confirm and cancel by signed link), under /<alliance_slug>/."""

from django.urls import path

from .views import registration

app_name = "registration"

urlpatterns = [
    path("termine/<slug:slug>/anmelden/", registration.register, name="register"),
    path("termine/<slug:slug>/anmelden/gesendet/", registration.sent, name="sent"),
    path(
        "anmeldung/<uuid:token>/bestaetigen/<str:signature>/",
        registration.confirm,
        name="confirm",
    ),
    path(
        "anmeldung/<uuid:token>/absagen/<str:signature>/",
        registration.cancel,
        name="cancel",
    ),
]
