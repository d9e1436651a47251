"""Screens of the network app (workspace only)."""
