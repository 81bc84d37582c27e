"""Shared fixtures. Tests that load the real spaCy model are marked ``slow``."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


# -- reliability tiers (docs/reliability.md) ----------------------------------------------------
# Property tests run in every `pytest` with the "ci" budget; the full tier
# (`pytest -m "full or fuzz" --hypothesis-profile=full`) gives them the "full" one.
try:
    from hypothesis import HealthCheck, settings

    settings.register_profile("ci", max_examples=50, deadline=None, derandomize=True, database=None,
                              suppress_health_check=[HealthCheck.too_slow])
    settings.register_profile("full", max_examples=3000, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow])
    settings.load_profile("ci")
except ImportError:  # the runtime install has no test tools; the tests that need them say so
    pass


@pytest.fixture(scope="session")
def forker(tmp_path_factory):
    """A server that runs `communique` commands in forked, killable children (tests/crashkit.py)."""
    from crashkit import Forker

    log = tmp_path_factory.mktemp("crashkit") / "children.log"
    server = Forker(log)
    yield server
    server.close()
