"""core.sandbox: a parser in a child process cannot take more memory or time than its budget,
and its answer or its exception comes back to the caller."""

import os

import pytest

from familiennetz.core.sandbox import Budget, BudgetExceeded, limited_call


def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def spin() -> None:
    while True:
        pass


def refuse(text: str) -> None:
    raise ValueError(text)


def pid() -> int:
    return os.getpid()


def test_the_answer_comes_back_from_another_process():
    assert limited_call(allocate, 5, budget=Budget(memory_mb=100)) == 5 * 1024 * 1024
    assert limited_call(pid, budget=Budget()) != os.getpid()


def test_more_memory_than_the_budget_is_refused_naming_the_limit():
    with pytest.raises(BudgetExceeded) as caught:
        limited_call(allocate, 300, budget=Budget(memory_mb=50))
    assert (caught.value.limit, caught.value.value) == ("memory", 50)


def test_computing_longer_than_the_budget_is_stopped():
    with pytest.raises(BudgetExceeded) as caught:
        limited_call(spin, budget=Budget(cpu_seconds=1, wall_seconds=60))
    assert (caught.value.limit, caught.value.value) == ("cpu", 1)


def test_a_child_that_takes_too_long_on_the_clock_is_killed():
    with pytest.raises(BudgetExceeded) as caught:
        limited_call(spin, budget=Budget(cpu_seconds=60, wall_seconds=1))
    assert caught.value.limit == "wall"


def test_the_parsers_own_errors_reach_the_caller():
    with pytest.raises(ValueError, match="not a spreadsheet"):
        limited_call(refuse, "not a spreadsheet", budget=Budget())
