"""Windows Firewall rules that refuse a child's direct web: TCP 80/443/853, UDP 443/853.

Each rule matches the child's SID (`-LocalUser` SDDL), so the proxy's own account and the
parents are never caught. Rules share the group "Qorgan", so removal takes every one.
"""

from app.platform.windows.plan import Command
from app.platform.windows.registry import user_key

GROUP = "Qorgan"
BLOCKED = (("TCP", "80,443,853"), ("UDP", "443,853"))


def _powershell(script: str, why: str, may_fail: bool = False) -> Command:
    argv = ("powershell.exe", "-NoProfile", "-NonInteractive", "-Command", script)
    return Command(argv, why, may_fail)


def rule_name(sid: str, protocol: str) -> str:
    return f"Qorgan-{sid}-{protocol.lower()}"


def block_plan(sid: str, account: str) -> list[Command]:
    """Replace the child's rules: refuse direct web, so only the proxy's way out is left."""
    user_key(sid, "")  # ValueError for anything but a person's SID
    if not account or any(c in account for c in "'\"`$;"):
        raise ValueError(f"{account!r} cannot be written into a firewall rule's name")
    plan = [
        _powershell(
            f"Remove-NetFirewallRule -Name '{rule_name(sid, protocol)}' -ErrorAction "
            "SilentlyContinue",
            "a rule left from before goes first",
            may_fail=True,
        )
        for protocol, _ in BLOCKED
    ]
    for protocol, ports in BLOCKED:
        plan.append(
            _powershell(
                f"New-NetFirewallRule -Name '{rule_name(sid, protocol)}' "
                f"-DisplayName 'Qorgan: no direct web for {account} ({protocol})' "
                f"-Group '{GROUP}' -Direction Outbound -Action Block -Profile Any "
                f"-Protocol {protocol} -RemotePort {ports} -LocalUser 'D:(A;;CC;;;{sid})'",
                f"{account}: direct {protocol} {ports} refused",
            )
        )
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
