from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: backup and restore, moving one alliance, health and metrics."""

    name = "familiennetz.ops"
    label = "ops"
    verbose_name = "Operations"
