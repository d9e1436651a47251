from django.urls import path

from .views import auth, profile, tokens

app_name = "accounts"

urlpatterns = [
    path("anmelden/", auth.LoginView.as_view(), name="login"),
    path("abmelden/", auth.LogoutView.as_view(), name="logout"),
    path("passwort/vergessen/", auth.PasswordResetView.as_view(), name="password-reset"),
    path(
        "passwort/vergessen/gesendet/",
        auth.PasswordResetDoneView.as_view(),
        name="password-reset-done",
    ),
    path(
        "passwort/neu/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "passwort/neu/fertig/",
        auth.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    path("passwort/aendern/", auth.PasswordChangeView.as_view(), name="password-change"),
    path("einladung/<str:token>/", auth.invitation_accept, name="invitation-accept"),
    path("konto/", profile.profile, name="profile"),
    path("konto/meine-daten.json", profile.data_export, name="data-export"),
    path("konto/loeschen/", profile.account_delete, name="delete"),
    path("konto/api-schluessel/", tokens.token_list, name="api-tokens"),
    path("konto/api-schluessel/<int:pk>/widerrufen/", tokens.token_revoke, name="api-token-revoke"),
    path("zwei-faktor/einrichten/", profile.two_factor_setup, name="two-factor-setup"),
    path("zwei-faktor/pruefen/", profile.two_factor_verify, name="two-factor-verify"),
    path("zwei-faktor/ausschalten/", profile.two_factor_disable, name="two-factor-disable"),
]
