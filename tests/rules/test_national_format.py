"""The national blocklist file format: notifications of Order 409, checked field by field."""

import copy
from datetime import date

import pytest

from rules.national import Protocol, Target, TargetKind
from rules.national_format import NationalListError, national_list_from_dict

ENTRY = {
    "reference": "KZ-TEST-1",
    "violation_type": "Unlicensed casino",
    "legal_norm": "Law on Gambling, art. 8",
    "targets": [
        {"kind": "domain", "value": "Casino.TEST."},
        {"kind": "url", "value": "https://forum.example/a/../b"},
        {"kind": "ip", "value": "192.0.2.1"},
        {"kind": "cidr", "value": "2001:db8::/32"},
    ],
    "protocol": "https",
    "issued": "2026-11-01",
    "authority": "Sample authority",
}


def document(**entry_changes: object) -> dict[str, object]:
    entry = copy.deepcopy(ENTRY) | entry_changes
    return {"qorgan_national_list": 1, "version": "1", "entries": [entry]}


def test_a_notification_is_read_with_normalised_targets() -> None:
    [entry] = national_list_from_dict(document())
    assert entry.reference == "KZ-TEST-1"
    assert entry.protocol is Protocol.HTTPS
    assert entry.issued == date(2026, 11, 1)
    assert entry.targets == (
        Target(TargetKind.DOMAIN, "casino.test"),
        Target(TargetKind.URL, "https://forum.example/b"),
        Target(TargetKind.IP, "192.0.2.1"),
        Target(TargetKind.CIDR, "2001:db8::/32"),
    )


def test_protocol_defaults_to_any() -> None:
    data = document()
    del data["entries"][0]["protocol"]  # type: ignore[index]
    assert national_list_from_dict(data)[0].protocol is Protocol.ANY


@pytest.mark.parametrize(
    ("data", "where", "fragment"),
    [
        ({"qorgan_national_list": 2, "entries": []}, "qorgan_national_list", "unsupported"),
        ({"qorgan_national_list": 1}, "entries", "missing"),
        ({"qorgan_national_list": 1, "entries": {}}, "entries", "a list"),
        (document(issued="01.11.2026"), "entries[0].issued", "not a date"),
        (document(targets=[]), "entries[0].targets", "at least one target"),
        (document(reference=7), "entries[0].reference", "expected text"),
        (document(protocol="ftp"), "entries[0].protocol", "'ftp' is not valid"),
        (document(targets=[{"kind": "host", "value": "a.test"}]), "entries[0].targets[0].kind",
         "choose one of domain, url, ip, cidr"),
        (document(targets=[{"kind": "domain", "value": "a b.test"}]),
         "entries[0].targets[0].value", "not a valid host"),
        (document(targets=[{"kind": "cidr", "value": "10.0.0.1/8"}]),
         "entries[0].targets[0].value", "10.0.0.1/8"),
        (document(targets=[{"kind": "url", "value": "ftp://a.test/x"}]),
         "entries[0].targets[0].value", "ftp"),
        (document(refrence="x"), "entries[0].refrence", "did you mean 'reference'?"),
    ],
)  # fmt: skip
def test_bad_files_name_the_place(data: object, where: str, fragment: str) -> None:
    with pytest.raises(NationalListError) as caught:
        national_list_from_dict(data)
    assert caught.value.where == where
    assert fragment in str(caught.value)
