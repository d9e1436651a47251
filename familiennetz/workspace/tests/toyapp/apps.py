from django.apps import AppConfig


class ToyAppConfig(AppConfig):
    """A domain app that exists only in a test: it plugs a page and a panel into the shell."""

    name = "familiennetz.workspace.tests.toyapp"
    label = "toyapp"
