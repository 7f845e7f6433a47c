"""The publishing workflow is valid and passes the security audit, and the audit can fail.

``scripts/check`` runs both tools on ``.github/workflows/``; these tests run them on a
copy with one known flaw planted, to show each check stops it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.skipif(
    not (BIN / "zizmor").exists() or not (BIN / "check-jsonschema").exists(),
    reason="zizmor and check-jsonschema come with the lint extra, not installed here",
)


def schema_check(workflow: Path) -> subprocess.CompletedProcess[str]:
    command = [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows"]
    return subprocess.run([*command, str(workflow)], capture_output=True, text=True, check=False)


def audit(workflow: Path) -> subprocess.CompletedProcess[str]:
    """zizmor as the gate runs it, with the project's policy file."""
    command = [str(BIN / "zizmor"), "--offline", "--persona", "pedantic"]
    command += ["--min-severity", "medium", "--config", str(ROOT / ".github" / "zizmor.yml")]
    return subprocess.run([*command, str(workflow)], capture_output=True, text=True, check=False)


def planted(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the workflow with ``old`` replaced by ``new``."""
    text = WORKFLOW.read_text(encoding="utf-8")
    assert old in text, f"the workflow no longer contains {old!r}"
    copy = tmp_path / WORKFLOW.name
    copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


def test_the_workflow_passes_both_checks() -> None:
    assert schema_check(WORKFLOW).returncode == 0
    result = audit(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_stops_a_misspelt_key(tmp_path: Path) -> None:
    copy = planted(tmp_path, "runs-on:", "run-on:")
    assert schema_check(copy).returncode != 0


@pytest.mark.parametrize(
    ("old", "new", "finding"),
    [
        ("        with:\n          persist-credentials: false\n", "", "artipacked"),
        ("actions/checkout@v4", "someone/checkout@v4", "unpinned-uses"),
    ],
    ids=["credentials-persisted", "third-party-action-by-tag"],
)
def test_the_audit_stops_a_planted_flaw(tmp_path: Path, old: str, new: str, finding: str) -> None:
    result = audit(planted(tmp_path, old, new))
    assert result.returncode != 0
    assert finding in result.stdout, result.stdout + result.stderr
