"""A stand-in for `loginctl` where no logind runs: sessions kept as JSON in a folder.

Installed as an executable named `loginctl` by `install`; it answers the commands the
adapter uses and appends every command it gets to `calls.log`.
"""

import json
import sys
from pathlib import Path

SCRIPT = """#!{python}
import json, sys
from pathlib import Path
state = Path({state!r})
arguments = [a for a in sys.argv[1:] if a != "--no-pager"]
with open(state / "calls.log", "a") as log:
    log.write(" ".join(arguments) + "\\n")
if (state / "down").exists():
    print("System has not been booted with systemd as init system (PID 1). Can't operate.",
          file=sys.stderr)
    sys.exit(1)
sessions = json.loads((state / "sessions.json").read_text())
command, rest = arguments[0], arguments[1:]
if command == "list-sessions":
    for s in sessions:
        print(f"{{s['Id']:>7}} {{s['UID']:>5}} {{s['Name']}} seat0 tty2")
elif command == "show-session":
    wanted = [a.split("=", 1)[1] for a in rest if a.startswith("--property=")]
    ids = [a for a in rest if not a.startswith("--")]
    known = {{s["Id"]: s for s in sessions}}
    missing = [i for i in ids if i not in known]
    if missing:
        print(f"Failed to get session path: No session '{{missing[0]}}' known", file=sys.stderr)
        sys.exit(1)
    print("\\n\\n".join("\\n".join(f"{{k}}={{known[i][k]}}" for k in known[i] if k in wanted)
                        for i in ids))
elif command in ("lock-session", "terminate-session"):
    for s in sessions:
        if s["Id"] == rest[0]:
            s["LockedHint"] = "yes"
    if command == "terminate-session":
        sessions = [s for s in sessions if s["Id"] != rest[0]]
    (state / "sessions.json").write_text(json.dumps(sessions))
else:
    print(f"Unknown command verb {{command}}.", file=sys.stderr)
    sys.exit(1)
"""


class FakeLogind:
    """The sessions the fake `loginctl` reports, and the commands it was given."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.program = folder / "loginctl"
        self.program.write_text(SCRIPT.format(python=sys.executable, state=str(folder)))
        self.program.chmod(0o755)
        self.set([])

    def set(self, sessions: list[dict[str, str]]) -> None:
        (self.folder / "sessions.json").write_text(json.dumps(sessions))

    def sessions(self) -> list[dict[str, str]]:
        return json.loads((self.folder / "sessions.json").read_text())

    def calls(self) -> list[str]:
        log = self.folder / "calls.log"
        return log.read_text().splitlines() if log.exists() else []

    def down(self) -> None:
        (self.folder / "down").touch()


def session(
    number: str,
    name: str,
    *,
    active: bool = True,
    locked: bool = False,
    idle: bool = False,
    kind: str = "user",
    state: str = "active",
) -> dict[str, str]:
    """A session's properties as `loginctl show-session` prints them."""
    yes = {True: "yes", False: "no"}
    return {
        "Id": number,
        "UID": "1000",
        "Name": name,
        "Active": yes[active],
        "LockedHint": yes[locked],
        "IdleHint": yes[idle],
        "Class": kind,
        "State": state,
    }
