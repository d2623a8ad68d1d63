"""Windows Firewall rules that refuse a child's direct web: TCP 80/443/853, UDP 443/853.

Each rule matches the child's SID (`-LocalUser` SDDL), so the proxy's own account and the
parents are never caught. Rules are named `Qorgan-<SID>-<protocol>` and share the group
"Qorgan", so removal takes every one. The service keeps them (child_firewall.py): it lists
Qorgan's rules, then adds and removes only the difference.
"""

import re
from collections.abc import Mapping

from app.platform.windows.plan import Command
from app.platform.windows.registry import user_key

GROUP = "Qorgan"
BLOCKED = (("TCP", "80,443,853"), ("UDP", "443,853"))
# What `list_rules` prints for a rule that is as Qorgan made it: name|enabled|direction|action.
IN_FORCE = "True|Outbound|Block"
# Letters, digits, space, dot, dash, underscore: nothing PowerShell or a command line reads.
SAFE_LABEL = re.compile(r"[\w .-]{1,64}")


def _powershell(script: str, why: str, may_fail: bool = False) -> Command:
    argv = ("powershell.exe", "-NoProfile", "-NonInteractive", "-Command", script)
    return Command(argv, why, may_fail)


def rule_name(sid: str, protocol: str) -> str:
    return f"Qorgan-{sid}-{protocol.lower()}"


def rule_names(sid: str) -> list[str]:
    """The names of the child's rules; ValueError for anything but a person's SID."""
    user_key(sid, "")
    return [rule_name(sid, protocol) for protocol, _ in BLOCKED]


def label(account: str, sid: str) -> str:
    """Who a rule is for, in its display name: the account, or its SID if the name has
    characters that could break out of the rule's PowerShell string."""
    return account if SAFE_LABEL.fullmatch(account) else sid


def add_plan(sid: str, account: str) -> list[Command]:
    """New rules refusing the child's direct web (New-NetFirewallRule fails on a name in use,
    so a rule is never there twice)."""
    user_key(sid, "")  # ValueError for anything but a person's SID
    who = label(account, sid)
    return [
        _powershell(
            f"New-NetFirewallRule -Name '{rule_name(sid, protocol)}' "
            f"-DisplayName 'Qorgan: no direct web for {who} ({protocol})' "
            f"-Group '{GROUP}' -Direction Outbound -Action Block -Profile Any "
            f"-Protocol {protocol} -RemotePort {ports} -LocalUser 'D:(A;;CC;;;{sid})'",
            f"{who}: direct {protocol} {ports} refused",
        )
        for protocol, ports in BLOCKED
    ]


def remove_rule(name: str) -> Command:
    if not re.fullmatch(r"Qorgan-[\w-]+", name):
        raise ValueError(f"{name!r} is not the name of a Qorgan firewall rule")
    return _powershell(
        f"Remove-NetFirewallRule -Name '{name}' -ErrorAction SilentlyContinue",
        f"rule {name} out",
        may_fail=True,
    )


def list_rules() -> Command:
    """Qorgan's rules, one `name|enabled|direction|action` line each (enum names, never
    translated). A wildcard that matches nothing is no error, so no rules is exit code 0."""
    return _powershell(
        "Get-NetFirewallRule -Name 'Qorgan-*' | ForEach-Object "
        "{ '{0}|{1}|{2}|{3}' -f $_.Name, $_.Enabled, $_.Direction, $_.Action }",
        "list Qorgan's firewall rules",
    )


def parse_rules(output: str) -> dict[str, str]:
    """Rule name -> `enabled|direction|action`, from the lines `list_rules` printed."""
    rules = {}
    for line in output.splitlines():
        name, sep, state = line.strip().partition("|")
        if sep and name.startswith("Qorgan-"):
            rules[name] = state
    return rules


def sync_plan(children: Mapping[str, str], present: Mapping[str, str]) -> list[Command]:
    """From the rules there are to the rules there must be (`children`: SID -> account):
    a rule of an account no longer supervised or one disabled, turned or allowing goes,
    a missing one is added; a rule as it must be is left alone."""
    wanted = {name for sid in children for name in rule_names(sid)}
    plan = [
        remove_rule(name)
        for name, state in sorted(present.items())
        if name not in wanted or state != IN_FORCE
    ]
    for sid, account in sorted(children.items()):
        for command, name in zip(add_plan(sid, account), rule_names(sid), strict=True):
            if present.get(name) != IN_FORCE:
                plan.append(command)
    return plan


def removal_plan() -> list[Command]:
    return [
        _powershell(
            f"Remove-NetFirewallRule -Group '{GROUP}' -ErrorAction SilentlyContinue",
            "every Qorgan firewall rule gone",
            may_fail=True,
        )
    ]


def netsh_check() -> Command:
    """What a technician runs to see the rules: netsh lists them by group."""
    return Command(
        ("netsh", "advfirewall", "firewall", "show", "rule", "name=all", "dir=out"),
        "list outbound rules",
    )
