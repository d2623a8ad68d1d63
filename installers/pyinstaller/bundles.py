"""What goes into each PyInstaller bundle: read by qorgan.spec and checked by the unit tests.

Two folders, so that the service never carries Qt and the GUI never carries mitmproxy:
`dist/qorgan-service/` (qorgan-service, qorgan, mitmdump) and `dist/qorgan-gui/`
(qorgan-console, qorgan-tray, qorgan-render). Hidden imports are found by walking the
source tree, because the proxy's addons are loaded by mitmdump from a script, not imported.
"""

from pathlib import Path

SERVICE_EXECUTABLES = ("qorgan-service", "qorgan", "mitmdump")
GUI_EXECUTABLES = ("qorgan-console", "qorgan-tray", "qorgan-render")
SERVICE_PACKAGES = ("rules", "proxy", "app")
GUI_PACKAGES = ("rules", "app")
# The service and the CLI never load Qt (the PDF renderer is qorgan-render, in the GUI bundle).
SERVICE_EXCLUDES = ("PySide6", "shiboken6", "app.gui", "app.report.pdf", "app.report.render")
# The GUI reaches the service through IPC only: no proxy, no mitmproxy.
GUI_EXCLUDES = ("mitmproxy", "mitmproxy_rs", "mitmproxy_linux", "mitmproxy_windows", "proxy")
COMMON_EXCLUDES = ("tkinter", "pytest", "_pytest", "hypothesis", "mypy", "ruff", "IPython")
# Qt modules the console, tray and renderer use; the rest of PySide6 stays out.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtNetwork")


def is_excluded(module: str, excludes: tuple[str, ...]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in excludes)


def modules_under(root: Path, package: str) -> list[str]:
    """Every module of `package` in the source tree, as dotted names, sorted."""
    found = []
    for path in sorted((root / package).rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def hidden_imports(root: Path, packages: tuple[str, ...], excludes: tuple[str, ...]) -> list[str]:
    return [
        module
        for package in packages
        for module in modules_under(root, package)
        if not is_excluded(module, excludes)
    ]


def service_datas(root: Path) -> list[tuple[str, str]]:
    """(source, folder in the bundle): assets, and the files the service hands to mitmdump.

    mitmdump loads `proxy/worker.py` as a script (its imports come from the bundle); the
    service checks that the proxy's user can read `app/lists.py` (`closed_to_others`).
    """
    return [
        (str(root / "assets"), "assets"),
        (str(root / "proxy" / "worker.py"), "proxy"),
        (str(root / "app" / "lists.py"), "app"),
    ]


def gui_datas(root: Path) -> list[tuple[str, str]]:
    return [(str(root / "assets"), "assets")]


def qt_excludes(installed: list[str]) -> list[str]:
    """The PySide6 modules to leave out: every installed one the GUI does not use."""
    return [f"PySide6.{name}" for name in installed if name not in QT_MODULES]
