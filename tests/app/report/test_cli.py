"""`qorgan report` as a parent or a school admin types it."""

import csv
import io
import json
from pathlib import Path

import pytest

from app.cli import main
from app.report.delivery import queue_report
from app.store import Store
from rules.policy import Mode, Policy, SchoolGroup
from tests.app.report import seed

AT = ["--at", "2026-11-22T19:00"]


def qorgan(data_dir: Path, *args: str, lang: str = "en") -> int:
    return main(["--data-dir", str(data_dir), "--lang", lang, *args])


@pytest.fixture
def school(seeded: Store) -> Store:
    """The seeded child's records, as a lab group's (the group shares the profile's name)."""
    group = SchoolGroup("Lab 3", profile=seed.CHILD, accounts=("pupil*",))
    policy = Policy(mode=Mode.SCHOOL, children=(seeded.child(seed.CHILD),), groups=(group,))
    seeded.replace_policy(policy)
    return seeded


def test_a_childs_report_as_html_in_the_reports_folder(
    seeded: Store, data_dir: Path, capsys
) -> None:
    assert (
        qorgan(
            data_dir, "report", "--child", "аружан", "--week", "2026-W47", "--format", "html", *AT
        )
        == 0
    )
    path = data_dir / "reports" / "2026-W47-Аружан-en.html"
    assert capsys.readouterr().out == f"Report written: {path}\n"
    assert "Weekly report: Аружан" in path.read_text(encoding="utf-8")


def test_the_report_speaks_the_parents_language_unless_lang_is_given(
    seeded: Store, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    seeded.set_setting("language", "ru")
    monkeypatch.setenv("QORGAN_LANG", "kk")
    output = tmp_path / "отчёт.pdf"
    code = main(
        [
            "--data-dir",
            str(data_dir),
            "report",
            "--child",
            seed.CHILD,
            "--week",
            "2026-W47",
            "--output",
            str(output),
            *AT,
        ]
    )
    assert code == 0
    assert output.read_bytes().startswith(b"%PDF-")  # pdf is the default format
    assert capsys.readouterr().out == f"Есеп сақталды: {output}\n"  # the command speaks kk


def test_a_groups_summary_as_csv_and_json_without_pupils_unless_asked(
    school: Store, data_dir: Path, capsys
) -> None:
    assert (
        qorgan(
            data_dir,
            "report",
            "--group",
            "lab 3",
            "--week",
            "2026-W47",
            "--format",
            "csv",
            "--output",
            "-",
            *AT,
            lang="ru",
        )
        == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("\ufeffsection,item,label,minutes,count")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[1] == [
        "total",
        "2026-W47",
        "Lab 3",
        str(seed.TOTAL_SECONDS // 60),
        str(seed.BLOCKED_TOTAL),
    ]
    assert ["day", "2026-11-18", "Среда", "0", "0"] in rows
    assert ["category_time", "games", "Игры", str((3600 + 5400 + 4000 + 7200) // 60), ""] in rows
    assert not [row for row in rows if row[0] == "pupil"]
    assert "youtube.com" not in out  # no browsing list by default

    assert (
        qorgan(
            data_dir,
            "report",
            "--group",
            "Lab 3",
            "--week",
            "2026-W47",
            "--format",
            "json",
            "--pupils",
            *AT,
        )
        == 0
    )
    path = data_dir / "reports" / "2026-W47-group-Lab_3.json"
    assert capsys.readouterr().out == f"Report written: {path}\n"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["total_minutes"] == seed.TOTAL_SECONDS // 60
    assert data["blocked_total"] == seed.BLOCKED_TOTAL
    assert {i["kind"]: i["count"] for i in data["incidents"]} == {
        "self_harm": 1,
        "bypass_attempt": 1,
        "clock_change": 1,
        "protection_off": 1,
    }
    assert data["pupils"][0]["name"] == seed.CHILD
    assert data["pupils"][0]["sites"][0] == "youtube.com"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--child", seed.CHILD, "--week", "2026-W99"],
            "2026-W99 is not a week; write it like 2026-W47",
        ),
        (["--child", seed.CHILD, "--week", "2026-W50"], "the week 2026-W50 has not begun yet"),
        (["--child", "Nobody"], "no child called Nobody (known: Аружан)"),
        (["--child", seed.CHILD, "--format", "csv"], "--format for a child's report: pdf or html"),
        (["--child", seed.CHILD, "--pupils"], "--pupils is only for a group's summary"),
        (["--group", "Lab 3", "--format", "pdf"], "--format for a group's summary: csv or json"),
        (["--group", "Lab 9", "--format", "csv"], "no group called Lab 9 (known: -)"),
    ],
)
def test_a_mistake_is_one_line_and_nothing_is_written(
    seeded: Store, data_dir: Path, args: list[str], message: str, capsys
) -> None:
    assert qorgan(data_dir, "report", *args, *AT) == 2
    assert capsys.readouterr().err == f"qorgan: error: {message}\n"
    assert not (data_dir / "reports").exists()


def test_list_shows_reports_and_unsent_email(seeded: Store, data_dir: Path, capsys) -> None:
    assert qorgan(data_dir, "report", "--list") == 0
    assert capsys.readouterr().out == "No reports yet.\n"
    qorgan(data_dir, "report", "--child", seed.CHILD, "--week", "2026-W47", "--format", "html", *AT)
    path = data_dir / "reports" / "2026-W47-Аружан-en.html"
    queue_report(
        seeded, [path], seed.MADE_AT, child=seed.CHILD, week="2026-W47", subject="s", body="b"
    )
    capsys.readouterr()
    qorgan(data_dir, "report", "--list", lang="ru")
    assert capsys.readouterr().out.splitlines() == [
        f"2026-W47\tАружан\ten\thtml\t{path}",
        "Неотправленное письмо №1 (2026-W47 Аружан): попыток 0; последняя ошибка: -",
    ]
