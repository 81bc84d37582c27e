"""The package passes its own lint and type checks (configured in pyproject.toml).

Both tools are pinned in requirements-dev.lock, so a failure here names a finding to fix, not
a missing tool: run ``.venv/bin/python -m ruff check src`` or ``.venv/bin/python -m mypy`` to
see it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing_in_the_package() -> None:
    result = _run("ruff", "check", "--no-cache", "--output-format", "concise", "src")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_no_type_errors_in_the_package() -> None:
    result = _run("mypy", "--python-executable", sys.executable)
    assert result.returncode == 0, result.stdout + result.stderr
