"""The PyInstaller spec's inputs: what goes into each bundle, and which program each file is."""

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PYINSTALLER = ROOT / "installers" / "pyinstaller"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PYINSTALLER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


bundles = load("bundles")
roles = load("roles")


def test_the_service_bundle_holds_the_proxy_addons_and_no_qt() -> None:
    hidden = bundles.hidden_imports(ROOT, bundles.SERVICE_PACKAGES, bundles.SERVICE_EXCLUDES)
    # mitmdump loads worker.py as a script, so its addons are not found by import analysis
    assert {"proxy.policyfilter", "proxy.tlsdecision", "proxy.childmap"} <= set(hidden)
    assert {"app.service.main", "app.platform.linux.packaging.selftest", "rules.school"} <= set(
        hidden
    )
    assert not [m for m in hidden if m.startswith(("app.gui", "PySide6"))]
    assert "app.report.pdf" not in hidden  # the one module of app.report that loads Qt
    assert "app.report.job" in hidden


def test_the_gui_bundle_holds_no_proxy_and_no_mitmproxy() -> None:
    hidden = bundles.hidden_imports(ROOT, bundles.GUI_PACKAGES, bundles.GUI_EXCLUDES)
    assert {"app.gui.console.app", "app.gui.tray.app", "app.report.render"} <= set(hidden)
    assert not [m for m in hidden if m.startswith(("proxy", "mitmproxy"))]
    assert "mitmproxy" in bundles.GUI_EXCLUDES and "PySide6" in bundles.SERVICE_EXCLUDES


def test_every_qt_module_the_code_imports_is_kept() -> None:
    used = set()
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                used.add(node.module.split(".")[1])  # type: ignore[union-attr]
    assert used and used <= set(bundles.QT_MODULES)
    dropped = bundles.qt_excludes(["QtCore", "QtQuick", "QtWebEngineCore", "QtSvg"])
    assert dropped == ["PySide6.QtQuick", "PySide6.QtWebEngineCore"]


def test_modules_are_named_from_the_tree(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub" / "__pycache__").mkdir(parents=True)
    for name in ("__init__.py", "__main__.py", "a.py", "sub/__init__.py", "sub/b.py"):
        (package / name).write_text("")
    (package / "sub" / "__pycache__" / "c.py").write_text("")
    assert bundles.modules_under(tmp_path, "pkg") == ["pkg", "pkg.a", "pkg.sub", "pkg.sub.b"]
    assert bundles.is_excluded("pkg.sub.b", ("pkg.sub",))
    assert not bundles.is_excluded("pkg.subway", ("pkg.sub",))


def test_the_data_files_exist_where_the_service_looks_for_them() -> None:
    datas = dict(bundles.service_datas(ROOT))
    assert {Path(p).relative_to(ROOT).as_posix() for p in datas} == {
        "assets",
        "proxy/worker.py",
        "app/lists.py",
    }
    assert all(Path(source).exists() for source in datas)
    assert dict(bundles.gui_datas(ROOT)) == {str(ROOT / "assets"): "assets"}


def test_each_executable_knows_its_role() -> None:
    service, gui = roles.SERVICE_ROLES, roles.GUI_ROLES
    assert roles.role("/opt/qorgan/service/mitmdump", service, "service") == "mitmdump"
    assert roles.role(r"C:\Program Files\Qorgan\service\Qorgan.exe", service, "service") == "cli"
    assert roles.role("/usr/bin/python3.12", service, "service") == "service"
    assert roles.role("/opt/qorgan/gui/qorgan-tray", gui, "console") == "tray"
    assert roles.role("qorgan-render.exe", gui, "console") == "render"
    assert set(service) == set(bundles.SERVICE_EXECUTABLES)
    assert set(gui) == set(bundles.GUI_EXECUTABLES)


def test_the_spec_builds_the_executables_bundles_names() -> None:
    spec = (PYINSTALLER / "qorgan.spec").read_text(encoding="utf-8")
    ast.parse(spec)
    for name in ("SERVICE_EXECUTABLES", "GUI_EXECUTABLES", "service_datas", "qt_excludes"):
        assert name in spec
    assert 'name="qorgan-service"' in spec and 'name="qorgan-gui"' in spec
