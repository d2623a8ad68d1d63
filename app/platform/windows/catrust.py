"""Trusting Qorgan's CA on Windows: the machine's Root store, and browsers told to use it.

Chrome and Edge read the Windows store; Firefox is told to (ImportEnterpriseRoots). The
same policies turn DNS-over-HTTPS and QUIC off and lock Firefox to the system proxy.
Removal deletes the certificate by its SHA-1 thumbprint, so only Qorgan's CA goes.
"""

from cryptography import x509
from cryptography.hazmat.primitives import hashes

from app.platform.windows.plan import Command
from app.platform.windows.registry import RegType, RegValue

FIREFOX = r"HKLM\SOFTWARE\Policies\Mozilla\Firefox"
CHROMIUMS = (r"HKLM\SOFTWARE\Policies\Google\Chrome", r"HKLM\SOFTWARE\Policies\Microsoft\Edge")


def thumbprint(ca_pem: bytes) -> str:
    """The certificate's SHA-1 thumbprint, as certutil and the Certificates console show it."""
    certificate = x509.load_pem_x509_certificate(ca_pem)
    return certificate.fingerprint(hashes.SHA1()).hex()  # an identifier, not a security check


def browser_policies() -> list[RegValue]:
    values = [
        RegValue(FIREFOX + r"\Certificates", "ImportEnterpriseRoots", RegType.DWORD, 1),
        RegValue(FIREFOX + r"\DNSOverHTTPS", "Enabled", RegType.DWORD, 0),
        RegValue(FIREFOX + r"\DNSOverHTTPS", "Locked", RegType.DWORD, 1),
        RegValue(FIREFOX + r"\Proxy", "Mode", RegType.SZ, "system"),
        RegValue(FIREFOX + r"\Proxy", "Locked", RegType.DWORD, 1),
    ]
    for key in CHROMIUMS:
        values += [
            RegValue(key, "DnsOverHttpsMode", RegType.SZ, "off"),
            RegValue(key, "QuicAllowed", RegType.DWORD, 0),
        ]
    return values


def trust_plan(ca_file: str) -> list[Command]:
    return [
        Command(("certutil.exe", "-f", "-addstore", "Root", ca_file), "CA into the Root store"),
        *(v.add("browser policy") for v in browser_policies()),
    ]


def removal_plan(ca_pem: bytes | None) -> list[Command]:
    plan = [v.delete("browser policy gone") for v in browser_policies()]
    if ca_pem is not None:
        plan.insert(
            0,
            Command(
                ("certutil.exe", "-delstore", "Root", thumbprint(ca_pem)),
                "Qorgan's CA out of the Root store",
                may_fail=True,
            ),
        )
    return plan
