"""schemathesis over the JSON API's OpenAPI schema, in-process (ASGI): generated requests for
every operation, each answer checked against the schema (status codes, content types, bodies)
and for server errors. A bounded run in every ``pytest``; the full tier (``-m full``) generates
many more cases per operation.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is a test tool (requirements-dev.lock)")
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from communique.web import create_app
from communique.web.security import allowed_hosts
from web_records import build

# Examples per API operation (17 operations): the quick tier keeps the whole module under
# ~15 s on a 2-core machine; the full tier's figure is in docs/reliability.md.
QUICK_EXAMPLES = 8
FULL_EXAMPLES = 400
# schemathesis's ASGI client names itself "testserver" in Host; the app answers only to the
# names it is told (the guard itself is tested in test_web_security.py).
TEST_HOST = "testserver"


# The schema is loaded when the module is collected (schemathesis's fixture-based loader does
# not run under pytest 9), from a database of hand-built records (milliseconds to write),
# removed when the interpreter exits.
_FOLDER = tempfile.TemporaryDirectory(prefix="communique-schema-")
_APP = create_app(build(Path(_FOLDER.name) / "web.db"), hosts=allowed_hosts(extra=[TEST_HOST]))
# Invalid input may also be refused by the request guard for its size: 414 is a rejection too.
_CONFIG = SchemathesisConfig.from_dict({"checks": {"negative_data_rejection": {
    "expected-statuses": [400, 404, 405, 413, 414, 422, 431]}}})
schema = schemathesis.openapi.from_asgi("/api/openapi.json", _APP, config=_CONFIG)
# Cases run and the status codes they got, reported at the end of the module.
CASES: Counter[str] = Counter()
STATUSES: Counter[int] = Counter()


@pytest.fixture(scope="module", autouse=True)
def report(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    reporter = request.config.pluginmanager.getplugin("terminalreporter")
    capture = request.config.pluginmanager.getplugin("capturemanager")
    if reporter is not None and capture is not None and CASES:
        paths = {key.split(" ", 1)[1] for key in CASES}
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\nschemathesis: {sum(CASES.values())} cases over {len(paths)} paths "
                                f"({len(CASES)} method-path pairs) answered as the schema says; status codes "
                                f"{dict(sorted(STATUSES.items()))}")


def _check(case: Any) -> None:
    response = case.call_and_validate()
    CASES[f"{case.method} {case.path}"] += 1
    STATUSES[response.status_code] += 1


_COMMON = {"deadline": None, "derandomize": True, "database": None,
           "suppress_health_check": list(HealthCheck)}


@schema.parametrize()
@settings(max_examples=QUICK_EXAMPLES, **_COMMON)
def test_api_conforms_to_its_schema(case: Any) -> None:
    _check(case)


@pytest.mark.full
@schema.parametrize()
@settings(max_examples=FULL_EXAMPLES, **_COMMON)
def test_api_conforms_to_its_schema_full(case: Any) -> None:
    _check(case)
