"""Entry of the GUI bundle: `qorgan-console` and `qorgan-tray` (Qt, no mitmproxy).

`--check-imports` loads the window code and Qt's widgets and exits: `make dist` runs it to
prove the bundle is whole without needing a display.
"""

# ruff: noqa: PLC0415 - each role imports only what it runs, so each starts quickly
import sys

from roles import GUI_ROLES, role


def main() -> int:
    which = role(sys.executable, GUI_ROLES, "console")
    if sys.argv[1:2] == ["--check-imports"]:
        import PySide6.QtWidgets  # noqa: F401

        import app.gui.console.app
        import app.gui.tray.app  # noqa: F401

        print(f"qorgan-{which}: imports ok")
        return 0
    if which == "render":
        from app.report.render import main as render

        return render()
    if which == "tray":
        from app.gui.tray.app import main as tray

        return tray()
    from app.gui.console.app import main as console

    return console()


if __name__ == "__main__":
    sys.exit(main())
