"""The network app in the workspace shell (found by ``WorkspaceConfig``)."""

from . import care_workspace  # noqa: F401  (case consultations, contact matrix, grid)
