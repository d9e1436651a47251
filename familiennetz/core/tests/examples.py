"""How many examples property-based tests generate: the full number in CI, a tenth (at least
ten) in the inner loop. ``HYPOTHESIS_PROFILE=ci`` (set by .ci/run) selects the full number;
``make test`` without it runs the light profile (docs/dev/testing.md)."""

from __future__ import annotations

import os


def in_ci() -> bool:
    return os.environ.get("HYPOTHESIS_PROFILE", "") == "ci"


def examples(full: int) -> int:
    return full if in_ci() else max(10, full // 10)
