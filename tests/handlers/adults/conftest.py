"""The hotline with both platforms and the operators' group (tests/handlers/operators/conftest.py)."""

from tests.handlers.operators.conftest import make_hotline, servers

__all__ = ["make_hotline", "servers"]
