"""The service's self-test against the venv's real mitmdump: it passes, and it notices a failure."""

import io
from pathlib import Path

import pytest

from app.platform.linux.packaging import selftest
from rules.policy import ChildRules


def test_the_selftest_passes_through_the_real_proxy(tmp_path: Path) -> None:
    out = io.StringIO()
    assert selftest.run_selftest(tmp_path, out) == []
    lines = out.getvalue().splitlines()
    assert lines[:2] == ["allowed request: 200 ok", "blocked request: 403 ok"]
    assert lines[2].startswith("PDF report: ") and lines[2].endswith(" ok")
    assert (tmp_path / "data" / "selftest-report.pdf").read_bytes()[:5] == b"%PDF-"


def test_the_selftest_fails_when_the_block_does_not_happen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A profile without the deny rule stands in for a proxy that lets the request through.
    monkeypatch.setattr(selftest, "ChildRules", lambda deny: ChildRules())
    out = io.StringIO()
    failures = selftest.run_selftest(tmp_path, out)
    assert failures == ["the blocked request got 200, upstream reached: True"]
    assert "blocked request: 200 FAILED" in out.getvalue()


def test_the_command_exits_non_zero_on_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        selftest, "run_selftest", lambda work, out=None: ["the proxy did not start"]
    )
    assert selftest.main(["--keep", str(tmp_path / "kept")]) == 1
    captured = capsys.readouterr()
    assert "selftest FAILED" in captured.out
    assert "qorgan-service selftest: the proxy did not start" in captured.err
