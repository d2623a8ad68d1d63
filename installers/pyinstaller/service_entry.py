"""Entry of the service bundle: `qorgan-service` (`selftest`, `setup`, `uninstall`, and on
Windows `--service`, what sc.exe's binPath starts), `qorgan`, `mitmdump`.

One script, three executables sharing one `_internal/`: the proxy worker is started as the
`mitmdump` beside the service, exactly as in a venv (app.service.supervisor).
"""

# ruff: noqa: PLC0415 - each role imports only what it runs, so each starts quickly
import sys

from roles import SERVICE_ROLES, role


def main() -> int:
    match role(sys.executable, SERVICE_ROLES, "service"):
        case "mitmdump":
            from mitmproxy.tools.main import mitmdump

            return mitmdump() or 0
        case "cli":
            from app.cli import main as cli

            return cli()
        case _ if sys.argv[1:2] == ["uninstall"]:
            from app.platform.linux.packaging.uninstall import main as uninstall

            return uninstall(sys.argv[2:])
        case _ if sys.argv[1:2] == ["setup"]:
            from app.platform.linux.packaging.setup import main as setup

            return setup(sys.argv[2:])
        case _ if sys.argv[1:2] == ["--service"]:
            from app.platform.windows.service_main import main as windows_service

            return windows_service(sys.argv[2:])
        case _ if sys.argv[1:2] == ["windows-setup"]:
            from app.platform.windows.setup import main as windows_setup

            return windows_setup(sys.argv[2:])
        case _ if sys.argv[1:2] == ["selftest"]:
            from app.platform.linux.packaging.selftest import main as selftest

            return selftest(sys.argv[2:])
        case _:
            from app.service.main import main as service

            return service()


if __name__ == "__main__":
    sys.exit(main())
