"""Connectors to outside data sources, one package per source."""
