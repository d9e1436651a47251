"""Run a parser on an untrusted file in a child process with a memory and CPU-time budget and
a wall-clock timeout (ADR 1520).

The limits checked before parsing (``core.archives``, ADR 1101) bound what an accepted file
can cost, but a parser (openpyxl, the CSV sniffer, JSON) can still surprise us; the child
keeps that out of the app server or task worker that asked:

- the child comes from a ``forkserver`` whose process has Django set up (the preload module
  ``familiennetz.core.sandbox_boot``), so a parse starts in milliseconds and never inherits
  the parent's database connections, threads or open files;
- ``RLIMIT_AS`` (address space) is the child's size at start plus the memory budget, so a
  parse that needs more gets a ``MemoryError`` (or dies) instead of growing a worker to
  gigabytes; ``RLIMIT_CPU`` ends a parse that computes too long (SIGXCPU), and the parent
  kills a child that takes longer than the wall-clock budget (waiting on I/O, swapping);
- the result comes back pickled through a pipe; no temporary file is written; a child whose
  caller was killed is killed too (``PR_SET_PDEATHSIG``).

``limited_call(func, *args, budget=…)`` returns ``func(*args)`` or raises ``BudgetExceeded``
naming the limit (``"memory"``, ``"cpu"`` or ``"wall"``); any other exception of ``func`` is raised
again in the parent. ``func`` must be importable (a module-level function).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

import django
from django.apps import apps
from django.utils import translation

PRELOAD = "familiennetz.core.sandbox_boot"
PR_SET_PDEATHSIG = 1
_context: Any = None


@dataclass(frozen=True)
class Budget:
    memory_mb: int = 1024
    cpu_seconds: int = 120
    wall_seconds: float = 180.0


class BudgetExceeded(Exception):
    """The child needed more than its budget: ``limit`` is ``"memory"``, ``"cpu"`` (computing
    time) or ``"wall"`` (time on the clock); ``value`` the budget's figure (MB or seconds)."""

    def __init__(self, limit: str, budget: Budget):
        self.limit = limit
        self.budget = budget
        self.value = {
            "memory": budget.memory_mb,
            "cpu": budget.cpu_seconds,
            "wall": budget.wall_seconds,
        }[limit]
        super().__init__(f"{limit} limit of {self.value} exceeded")


class ChildFailed(Exception):
    """The child ended without an answer (a crash, or an exception that cannot be pickled)."""


def _get_context():
    global _context
    if _context is None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([PRELOAD])
        _context = context
    return _context


def _address_space() -> int:
    """This process's virtual size in bytes (Linux); 0 where /proc is missing."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _die_with_parent() -> None:
    """Linux: the child is killed when the forkserver ends, and the forkserver ends when the
    process that asked (a worker killed with SIGKILL) is gone: no orphan keeps parsing."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before prctl
        os._exit(1)


def _child(
    conn: Connection,
    func: Callable,
    args: tuple,
    kwargs: dict,
    budget: Budget,
    language: str | None,
) -> None:
    _die_with_parent()
    if not apps.ready:  # the forkserver could not set Django up; the error shows here
        django.setup()
    memory = _address_space() + budget.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (budget.cpu_seconds, budget.cpu_seconds + 1))
    try:
        if language:
            translation.activate(language)
        outcome: tuple[str, Any] = ("ok", func(*args, **kwargs))
    except MemoryError:
        outcome = ("memory", None)
    except BaseException as exc:  # raised again in the parent
        outcome = ("error", exc)
    try:
        conn.send(outcome)
    except MemoryError:
        conn.send(("memory", None))
    except Exception as exc:  # not picklable: its text is enough
        conn.send(("error", ChildFailed(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


def limited_call(func: Callable, /, *args: Any, budget: Budget, **kwargs: Any) -> Any:
    """``func(*args, **kwargs)`` in a child process within ``budget`` (see the module)."""
    context = _get_context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_child,
        args=(sender, func, args, kwargs, budget, translation.get_language()),
        daemon=True,
    )
    process.start()
    sender.close()
    deadline = time.monotonic() + budget.wall_seconds
    try:
        if not receiver.poll(max(0.0, deadline - time.monotonic())):
            raise BudgetExceeded("wall", budget)
        try:
            status, value = receiver.recv()
        except EOFError:  # died without an answer
            process.join(5)
            raise _death(process.exitcode, budget) from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
        process.close()
    if status == "ok":
        return value
    if status == "memory":
        raise BudgetExceeded("memory", budget)
    raise value


def _death(exitcode: int | None, budget: Budget) -> Exception:
    if exitcode == -signal.SIGXCPU:
        return BudgetExceeded("cpu", budget)
    if exitcode in (-signal.SIGKILL, -signal.SIGSEGV, -signal.SIGABRT):
        # The kernel's OOM killer, or an allocation in C code that could not fail cleanly.
        return BudgetExceeded("memory", budget)
    return ChildFailed(f"the parser process ended with code {exitcode}")
