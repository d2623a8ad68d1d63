"""What the package's scripts run beyond install.sh: `qorgan-service setup` (folders it made,
ports it plans), the Java keystore told of the CA's removal, and the frozen PDF renderer."""

import subprocess
from pathlib import Path

import pytest

from app.platform.linux import catrust
from app.platform.linux.catrust import PcFacts, Run, TrustPaths
from app.platform.linux.enforcement import PORTS_KEY
from app.platform.linux.packaging import setup
from app.report.files import RenderError, renderer_command
from app.store import Store
from rules.ports import OPEN_PORTS_KEY


def test_the_folders_setup_makes_are_recorded_and_removed_when_empty(tmp_path: Path) -> None:
    (tmp_path / "etc").mkdir()
    wanted = [tmp_path / "etc/firefox/policies", tmp_path / "etc/chromium/policies/managed"]
    made = setup.missing_folders(wanted)
    assert made == [
        tmp_path / "etc/firefox",
        tmp_path / "etc/firefox/policies",
        tmp_path / "etc/chromium",
        tmp_path / "etc/chromium/policies",
        tmp_path / "etc/chromium/policies/managed",
    ]
    record = tmp_path / "data/packaging/created-dirs.txt"
    setup.remember(record, made)
    setup.remember(record, made[:1])  # a second install adds nothing twice
    assert record.read_text().splitlines() == [str(folder) for folder in made]
    for folder in wanted:
        folder.mkdir(parents=True)
    (tmp_path / "etc/firefox/policies/parent.json").write_text("{}")  # not Qorgan's to remove
    removed = setup.forget(record)
    assert set(removed) == set(made[2:])
    assert (tmp_path / "etc/firefox/policies/parent.json").exists()
    assert not (tmp_path / "etc/chromium").exists() and (tmp_path / "etc").is_dir()
    assert not record.exists() and setup.forget(record) == []


def test_setup_plans_the_ports_the_service_keeps(tmp_path: Path) -> None:
    with Store.open(tmp_path / "qorgan.db") as store:
        store.set_setting(PORTS_KEY, {"1001": 47105, "junk": 1})
        assert setup.planned_ports(store, [1002, 1001], 47101) == {1001: 47105, 1002: 47101}
        assert store.setting(PORTS_KEY, {}) == {"1001": 47105, "junk": 1}  # nothing saved
        assert setup.opened_ports(store) == ()
        store.set_setting(OPEN_PORTS_KEY, ["25565/tcp", "27015-27030/udp"])
        assert [str(port) for port in setup.opened_ports(store)] == [
            "25565/tcp",
            "27015-27030/udp",
        ]
        store.set_setting(OPEN_PORTS_KEY, ["80/tcp"])  # edited by hand: the service says why
        assert setup.opened_ports(store) == ()


def test_the_ca_stores_hooks_are_told_of_the_removal(tmp_path: Path) -> None:
    hooks = tmp_path / "update.d"
    hooks.mkdir()
    told = tmp_path / "told"
    hook = hooks / "jks-keystore"
    hook.write_text(f"#!/bin/sh\ncat - >> {told}\n")
    hook.chmod(0o755)
    (hooks / "README").write_text("not a hook\n")
    paths = TrustPaths(
        system_ca_dir=tmp_path / "ca",
        state_dir=tmp_path / "state",
        ca_hooks_dir=hooks,
        linked_ca_dir=Path("/etc/ssl/certs"),
    )
    facts = catrust.facts(paths, [])
    assert facts.ca_hooks == (hook,)
    plan = catrust.removal_plan(paths, [], facts)
    runs = [step for step in plan if isinstance(step, Run)]
    assert runs[0].argv == ("update-ca-certificates", "--fresh")
    assert runs[1] == Run((str(hook),), may_fail=True, stdin="-/etc/ssl/certs/qorgan-ca.pem\n")
    catrust.apply([runs[1]])  # the real hook, through the real runner
    assert told.read_text() == "-/etc/ssl/certs/qorgan-ca.pem\n"
    assert not [s for s in catrust.removal_plan(paths, [], PcFacts(None, None, frozenset(),
                frozenset())) if isinstance(s, Run) and s.stdin]  # fmt: skip


def test_the_renderer_is_python_from_a_checkout() -> None:
    assert renderer_command("/venv/bin/python", frozen=False) == [
        "/venv/bin/python",
        "-m",
        "app.report.render",
    ]


@pytest.mark.parametrize(
    ("service", "renderer"),
    [
        ("opt/qorgan/service/qorgan-service", "opt/qorgan/gui/qorgan-render"),
        ("dist/qorgan-service/qorgan-service", "dist/qorgan-gui/qorgan-render"),
        ("Qorgan/service/qorgan-service.exe", "Qorgan/gui/qorgan-render.exe"),
    ],
)
def test_frozen_the_renderer_is_the_gui_bundles(
    tmp_path: Path, service: str, renderer: str
) -> None:
    (tmp_path / renderer).parent.mkdir(parents=True)
    (tmp_path / renderer).write_bytes(b"")
    assert renderer_command(str(tmp_path / service), frozen=True) == [str(tmp_path / renderer)]


def test_frozen_without_the_gui_bundle_the_renderer_is_named_missing(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match=r"the PDF renderer is missing: .*gui/qorgan-render"):
        renderer_command(str(tmp_path / "service" / "qorgan-service"), frozen=True)


def test_the_selftest_renders_a_real_pdf(tmp_path: Path) -> None:
    """The same check `make dist` runs frozen, here through `python -m app.report.render`."""
    from app.platform.linux.packaging import selftest

    data = tmp_path / "data"
    with Store.open(data / "qorgan.db") as store:
        from rules.ageclass import AgeClass
        from rules.policy import ChildProfile

        store.add_child(ChildProfile("Selftest", AgeClass.TWELVE))
    lines: list[str] = []

    class Out:
        def write(self, text: str) -> None:
            lines.append(text)

    assert selftest.render_check(data, Out()) == []  # type: ignore[arg-type]
    assert (data / "selftest-report.pdf").read_bytes()[:5] == b"%PDF-"
    assert "ok" in "".join(lines)
    done = subprocess.run(
        ["pdftotext", str(data / "selftest-report.pdf"), "-"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Selftest" in done.stdout  # the child's name, printed by Qt
