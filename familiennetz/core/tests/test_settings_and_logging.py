import logging
import os
import subprocess
import sys
from pathlib import Path

from familiennetz.core.logging import StripQueryStringFilter

ROOT = Path(__file__).resolve().parents[3]


def _settings_import(env: dict) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
    }
    return subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _settings_import({"DEBUG": "false", "ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _settings_import({"DEBUG": "false", "SECRET_KEY": "x" * 50})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_starts_with_real_settings():
    result = _settings_import(
        {"DEBUG": "false", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.org"}
    )
    assert result.returncode == 0, result.stderr


def test_log_records_lose_their_query_strings():
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        "",
        0,
        '"%s" %s %s',
        ("GET /hainichen/suche/?q=Trennung HTTP/1.1", "200", "512"),
        None,
    )
    StripQueryStringFilter().filter(record)
    assert "Trennung" not in record.getMessage()
    assert "/hainichen/suche/" in record.getMessage()


def test_log_records_lose_the_secrets_of_registration_links():
    """A 400 for a mistyped link is logged by django.request with its path; the token and the
    signature would let anyone who reads the log confirm or cancel that registration."""
    token, signature = "0b1c6f0e-6a2e-4a4e-9a57-2d7d0f5a9b11", "Xk2v9QpL0aZ-uY7tR3sW1e"
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        "",
        0,
        "Bad Request: %s",
        (f"/en/hainichen/anmeldung/{token}/absagen/{signature}/",),
        None,
    )
    StripQueryStringFilter().filter(record)
    message = record.getMessage()
    assert token not in message and signature not in message
    assert message == "Bad Request: /en/hainichen/anmeldung/…/absagen/…/"


def _email_settings(env: dict) -> dict:
    import json

    code = (
        "import json, config.settings as s; print(json.dumps({k: getattr(s, k) for k in "
        "['EMAIL_BACKEND', 'EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_HOST_USER', 'EMAIL_USE_TLS']}))"
    )
    clean = {
        k: v for k, v in os.environ.items() if k not in {"EMAIL_URL", "DJANGO_SETTINGS_MODULE"}
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DEBUG": "true", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_mail_goes_to_the_console_locally_and_to_smtp_when_configured():
    """Registration e-mails: console backend without configuration, SMTP from EMAIL_URL."""
    assert _email_settings({})["EMAIL_BACKEND"].endswith("console.EmailBackend")
    smtp = _email_settings({"EMAIL_URL": "smtp://mailer:geheim@mail.example.org:587/?tls=True"})
    assert smtp == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "mailer",
        "EMAIL_USE_TLS": True,
    }
