"""Capture, the per-user way: the child's system proxy points at Qorgan, and is locked there.

WinINet's settings in the child's hive send browsers and most apps to the proxy; the policy
value stops the child from changing them in Settings. The firewall (firewall.py) refuses
what ignores the proxy. The hive must be loaded: the child is signed in, or `reg load`.
"""

from app.platform.windows.plan import Command
from app.platform.windows.registry import RegType, RegValue, user_key

INTERNET_SETTINGS = r"Software\Microsoft\Windows\CurrentVersion\Internet Settings"
LOCK_KEY = r"Software\Policies\Microsoft\Internet Explorer\Control Panel"


def proxy_values(sid: str, port: int) -> list[RegValue]:
    if not 1024 <= port <= 65535:
        raise ValueError(f"{port} is not a port Qorgan's proxy listens on")
    key = user_key(sid, INTERNET_SETTINGS)
    return [
        RegValue(key, "ProxyEnable", RegType.DWORD, 1),
        RegValue(key, "ProxyServer", RegType.SZ, f"127.0.0.1:{port}"),
        RegValue(key, "ProxyOverride", RegType.SZ, "<local>"),
        RegValue(key, "AutoConfigURL", RegType.SZ, ""),
        RegValue(user_key(sid, LOCK_KEY), "Proxy", RegType.DWORD, 1),
    ]


def set_proxy_plan(sid: str, port: int) -> list[Command]:
    return [v.add(f"child {sid}: web through Qorgan's proxy") for v in proxy_values(sid, port)]


def clear_proxy_plan(sid: str) -> list[Command]:
    removed = [v for v in proxy_values(sid, 1024) if v.name != "ProxyEnable"]  # any port: names
    key = user_key(sid, INTERNET_SETTINGS)
    return [
        RegValue(key, "ProxyEnable", RegType.DWORD, 0).add(f"child {sid}: proxy off"),
        *(v.delete(f"child {sid}: Qorgan's proxy setting gone") for v in removed),
    ]
