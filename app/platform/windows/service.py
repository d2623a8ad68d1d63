"""The Windows service, registered with sc.exe (no pywin32): LocalSystem, automatic, restarted.

Its binPath runs `qorgan-service.exe --service`, which talks to the SCM (scm.py).

Also the tray's autostart for each child: a Run value in the child's own hive, so parents
and admins get no tray; the service keeps it for every supervised child (proxy_ports.py).
"""

from app.platform.windows.paths import SERVICE_NAME, WindowsPaths
from app.platform.windows.plan import Command
from app.platform.windows.registry import RegType, RegValue, user_key

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
TRAY_VALUE = "QorganTray"


def register_plan(paths: WindowsPaths) -> list[Command]:
    binary = f'"{paths.service_exe}" --service --data-dir "{paths.data_dir}"'
    sc = ("sc.exe",)
    return [
        Command(
            (
                *sc, "create", SERVICE_NAME, "binPath=", binary, "start=", "auto",
                "obj=", "LocalSystem", "DisplayName=", "Qorgan parental control",
            ),
            "the service, as LocalSystem, started at boot",
        ),
        Command(
            (*sc, "description", SERVICE_NAME, "Qorgan: web filter, screen time, reports"),
            "what the Services console shows",
        ),
        # Never give up restarting: a stopped service must not mean an unfiltered child.
        Command(
            (
                *sc, "failure", SERVICE_NAME, "reset=", "0",
                "actions=", "restart/1000/restart/1000/restart/1000",
            ),
            "restart after a crash",
        ),
        Command((*sc, "failureflag", SERVICE_NAME, "1"), "restart after an error exit too"),
        Command((*sc, "start", SERVICE_NAME), "start it now"),
    ]  # fmt: skip


def unregister_plan() -> list[Command]:
    return [
        Command(("sc.exe", "stop", SERVICE_NAME), "stop the service", may_fail=True),
        Command(("sc.exe", "delete", SERVICE_NAME), "unregister it", may_fail=True),
    ]


def tray_autostart(sid: str, paths: WindowsPaths) -> RegValue:
    return RegValue(user_key(sid, RUN_KEY), TRAY_VALUE, RegType.SZ, f'"{paths.tray_exe}"')


def tray_plan(sid: str, paths: WindowsPaths) -> list[Command]:
    return [tray_autostart(sid, paths).add(f"tray at sign-in for {sid}")]


def tray_removal_plan(sid: str, paths: WindowsPaths) -> list[Command]:
    return [tray_autostart(sid, paths).delete(f"no tray for {sid}")]
