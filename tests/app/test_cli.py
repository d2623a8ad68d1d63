"""The `qorgan` command as a parent or an admin types it."""

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from app.cli import main


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def qorgan(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "--lang", "en", *args])


def test_init_demo_adds_the_sample_child_and_national_list(data_dir: Path, capsys) -> None:
    assert qorgan(data_dir, "init", "--demo") == 0
    assert (data_dir / "qorgan.db").exists()
    assert (data_dir / "lists" / "national.json").exists()
    capsys.readouterr()
    assert qorgan(data_dir, "child", "list") == 0
    assert capsys.readouterr().out.startswith("Aruzhan\t12+\t")


def test_child_add_then_list(data_dir: Path, capsys) -> None:
    assert qorgan(data_dir, "child", "add", "Dana", "--age-class", "6+", "--account", "dana") == 0
    assert "Added Dana: age class 6+, accounts: dana." in capsys.readouterr().out
    qorgan(data_dir, "child", "list")
    assert capsys.readouterr().out == "Dana\t6+\tdana\n"


def test_child_list_when_empty_says_how_to_add_one(data_dir: Path, capsys) -> None:
    qorgan(data_dir, "child", "list")
    assert "qorgan child add NAME" in capsys.readouterr().out


def test_a_taken_name_is_one_line_and_nothing_changes(data_dir: Path, capsys) -> None:
    qorgan(data_dir, "child", "add", "Dana", "--age-class", "6+")
    capsys.readouterr()
    assert qorgan(data_dir, "child", "add", "dana", "--age-class", "12+") == 2
    err = capsys.readouterr().err
    assert err.startswith("qorgan: error: ") and err.count("\n") == 1
    qorgan(data_dir, "child", "list")
    assert capsys.readouterr().out == "Dana\t6+\t\n"


@pytest.mark.parametrize(
    ("url", "status", "expected"),
    [
        ("https://www.example.com/", 0, "ALLOWED: No rule blocks it."),
        ("https://dns.google/dns-query", 1, "“DNS-over-HTTPS resolvers”) is blocked for children"),
        ("http://casino-sample.test/", 1, "Access restricted under Article 41-1"),
        ("https://www.bilimland.kz/", 0, "Category: Education"),
        ("https://forum.example/threads/harmful-sample/2", 1, "SAMPLE-2026-0002"),
        ("https://forum.example/threads/other", 0, "No rule blocks it."),
    ],
)
def test_check_explains_the_decision(
    data_dir: Path, capsys, url: str, status: int, expected: str
) -> None:
    qorgan(data_dir, "init", "--demo")
    capsys.readouterr()
    assert (
        qorgan(data_dir, "check", url, "--child", "aruzhan", "--at", "2026-11-22T12:00") == status
    )
    assert expected in capsys.readouterr().out


def test_check_speaks_the_chosen_language(data_dir: Path, capsys) -> None:
    qorgan(data_dir, "init", "--demo")
    capsys.readouterr()
    main(["--data-dir", str(data_dir), "--lang", "kk", "check", "http://casino-sample.test/",
          "--child", "Aruzhan"])  # fmt: skip
    out = capsys.readouterr().out
    assert "БҰҒАТТАЛДЫ" in out and "41-1-бабы" in out
    main(["--data-dir", str(data_dir), "--lang", "ru", "check", "https://dns.google/",
          "--child", "Aruzhan"])  # fmt: skip
    assert "ЗАБЛОКИРОВАНО" in capsys.readouterr().out


def test_check_unknown_child_names_the_known_ones(data_dir: Path, capsys) -> None:
    qorgan(data_dir, "init", "--demo")
    capsys.readouterr()
    assert qorgan(data_dir, "check", "https://example.com/", "--child", "Nobody") == 2
    assert "no child called Nobody (known: Aruzhan)" in capsys.readouterr().err


def test_check_rejects_a_bad_url_in_one_line(data_dir: Path, capsys) -> None:
    qorgan(data_dir, "init", "--demo")
    capsys.readouterr()
    assert qorgan(data_dir, "check", "ftp://example.com/", "--child", "Aruzhan") == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_policy_export_import_round_trip(data_dir: Path, tmp_path: Path, capsys) -> None:
    qorgan(data_dir, "child", "add", "Dana", "--age-class", "6+", "--account", "dana")
    exported = tmp_path / "policy.json"
    assert qorgan(data_dir, "policy", "export", str(exported)) == 0
    data = json.loads(exported.read_text())
    data["children"][0]["rules"]["deny"] = ["games.example"]
    data["children"][0]["age_class"] = "12+"
    exported.write_text(json.dumps(data))
    assert qorgan(data_dir, "policy", "import", str(exported)) == 0
    capsys.readouterr()
    assert qorgan(data_dir, "check", "http://games.example/", "--child", "Dana") == 1
    assert "On the parent's deny list: games.example." in capsys.readouterr().out
    qorgan(data_dir, "policy", "export", "-")
    assert json.loads(capsys.readouterr().out)["children"][0]["age_class"] == "12+"


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["children"][0].update(age_clas="12+"), "children[0].age_clas: unknown field"),
        (lambda d: d["children"][0].update(age_class="13+"), "children[0].age_class: '13+'"),
        (lambda d: d.update(qorgan_policy=7), "qorgan_policy: unsupported version 7"),
    ],
)
def test_policy_import_with_a_typo_changes_nothing(
    data_dir: Path, tmp_path: Path, capsys, change, where: str
) -> None:
    qorgan(data_dir, "child", "add", "Dana", "--age-class", "6+")
    exported = tmp_path / "policy.json"
    qorgan(data_dir, "policy", "export", str(exported))
    data = json.loads(exported.read_text())
    change(data)
    exported.write_text(json.dumps(data))
    capsys.readouterr()
    assert qorgan(data_dir, "policy", "import", str(exported)) == 2
    err = capsys.readouterr().err
    assert where in err and str(exported) in err and err.count("\n") == 1
    qorgan(data_dir, "child", "list")
    assert capsys.readouterr().out == "Dana\t6+\t\n"


def test_policy_import_of_broken_json_names_the_line(data_dir: Path, tmp_path: Path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "qorgan_policy": 1,\n  "children": [\n}\n')
    assert qorgan(data_dir, "policy", "import", str(broken)) == 2
    assert "line 4: not valid JSON" in capsys.readouterr().err


def test_policy_import_of_a_missing_file(data_dir: Path, tmp_path: Path, capsys) -> None:
    assert qorgan(data_dir, "policy", "import", str(tmp_path / "nope.json")) == 2
    assert "cannot be read" in capsys.readouterr().err


def test_the_installed_command_runs(tmp_path: Path) -> None:
    command = Path(sys.executable).with_name("qorgan")
    env = {**os.environ, "QORGAN_DATA_DIR": str(tmp_path), "QORGAN_LANG": "ru"}
    subprocess.run([command, "init", "--demo"], env=env, check=True, capture_output=True)
    result = subprocess.run(
        [command, "check", "https://dns.google/", "--child", "Aruzhan"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "ЗАБЛОКИРОВАНО" in result.stdout


def test_run_without_demo_explains_that_the_service_needs_an_install(data_dir: Path, capsys):
    assert qorgan(data_dir, "run") == 2
    assert "qorgan run --demo" in capsys.readouterr().err


def used_up_state(data_dir: Path) -> Path:
    """The screen-time part's state now: Aruzhan's day is spent."""
    from app.service.screentime_store import RUN_DIR, write_state

    entry = {"day_used_up": True, "used_up_categories": []}
    return write_state(data_dir / RUN_DIR, datetime.now(), {"Aruzhan": entry})


def test_check_now_counts_a_spent_day_as_the_proxy_does(data_dir: Path, capsys) -> None:
    qorgan(data_dir, "init", "--demo")
    used_up_state(data_dir)
    capsys.readouterr()
    assert qorgan(data_dir, "check", "https://www.example.com/", "--child", "Aruzhan") == 1
    assert "Rule: budget:day" in capsys.readouterr().out


def test_check_ignores_budgets_at_another_time_or_from_an_old_state(data_dir: Path, capsys) -> None:
    qorgan(data_dir, "init", "--demo")
    state = used_up_state(data_dir)
    at = ("--at", "2026-11-22T12:00")
    assert qorgan(data_dir, "check", "https://www.example.com/", "--child", "Aruzhan", *at) == 0
    old = state.stat().st_mtime - 3600
    os.utime(state, (old, old))
    assert qorgan(data_dir, "check", "https://www.example.com/", "--child", "Aruzhan") == 0
    assert capsys.readouterr().out.count("ALLOWED: No rule blocks it.") == 2
