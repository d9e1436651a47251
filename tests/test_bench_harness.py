"""The benchmark harness refuses to measure a server it did not start."""

import socket

import pytest

from bench.server import free_port

pytestmark = pytest.mark.slow  # make test-fast leaves it out


def test_a_busy_port_is_an_error_and_port_zero_finds_a_free_one():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other_benchmark:
        other_benchmark.bind(("127.0.0.1", 0))
        other_benchmark.listen()
        busy = other_benchmark.getsockname()[1]
        with pytest.raises(RuntimeError, match=f"port {busy} .* in use"):
            free_port(busy)
        chosen = free_port(0)
        assert chosen != busy and chosen > 0
