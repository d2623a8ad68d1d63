"""The national list read entry by entry, from JSON and from CSV, with line numbers."""

import json
from datetime import date

import pytest

from rules.listfile import Tally
from rules.national import NationalEntry, Protocol, Target, TargetKind
from rules.national_csv import stream_national_csv
from rules.national_format import (
    NationalListError,
    entry_from_dict,
    entry_to_dict,
    national_list_from_dict,
    stream_national_json,
)

ENTRY = {
    "reference": "KZ-1",
    "violation_type": "Unlicensed casino",
    "legal_norm": "Law on Gambling, art. 8",
    "targets": [{"kind": "domain", "value": "*.Casino.TEST"}],
    "protocol": "https",
    "issued": "2026-11-01",
    "authority": "Sample authority",
}


def read_json(text: str) -> tuple[list[tuple[int, str]], Tally]:
    tally = Tally("national.json")
    found = [(line, entry.reference) for line, entry in stream_national_json(text, tally)]
    return found, tally


def test_entries_stream_with_the_line_they_start_on() -> None:
    second = {**ENTRY, "reference": "KZ-2"}
    text = (
        '{\n "qorgan_national_list": 1,\n "version": "7", "publisher": "Sample",\n'
        f' "entries": [\n  {json.dumps(ENTRY)},\n\n  {json.dumps(second)},\n'
        f"  {json.dumps(ENTRY)}\n ]\n}}\n"
    )
    found, tally = read_json(text)
    assert found == [(5, "KZ-1"), (7, "KZ-2")]
    header: dict[str, object] = {}
    list(stream_national_json(text, Tally("again"), header))
    assert header == {"qorgan_national_list": 1, "version": "7", "publisher": "Sample"}
    assert (tally.accepted, tally.duplicates) == (2, 1)


def test_a_bad_entry_is_reported_on_its_line_and_the_rest_is_read() -> None:
    bad = {**ENTRY, "issued": "01.11.2026"}
    text = (
        f'{{"entries": [\n{json.dumps(bad)},\n{json.dumps(ENTRY)}\n], "qorgan_national_list": 1}}'
    )
    found, tally = read_json(text)
    assert found == [(3, "KZ-1")]
    [invalid] = tally.report().invalid
    assert invalid.number == 2
    assert invalid.problem == "entries[0].issued: '01.11.2026' is not a date"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "line 1: not valid JSON (expected '{')"),
        ('{"qorgan_national_list": 1,\n "entries": [}', "line 2: not valid JSON (Expecting value)"),
        ('{"qorgan_national_list": 1 "entries": []}', "line 1: not valid JSON (expected ','"),
        ('{"qorgan_national_list": 1, "entries": []} x', "text after the end"),
        ('{"qorgan_national_list": 1, 7: []}', "expected a field name"),
        ('{"qorgan_national_list": 1, "entries" []}', "expected ':'"),
        ('{"qorgan_national_list": 1,\n\n "entrys": []}', "line 3: entrys: unknown field"),
        ('{"qorgan_national_list": 1}', "entries: missing"),
        ('{"entries": []}', "qorgan_national_list: missing"),
        ('{"qorgan_national_list": 2, "entries": []}', "unsupported version 2"),
        ('{"qorgan_national_list": 1, "version": 3, "entries": []}', "version: expected text"),
    ],
)
def test_a_file_that_is_not_a_national_list_raises_with_the_place(text: str, message: str) -> None:
    with pytest.raises(NationalListError) as caught:
        read_json(text)
    assert message in str(caught.value)


def test_entries_round_trip_through_the_file_form() -> None:
    entry = entry_from_dict(ENTRY, "")
    assert entry.targets == (Target(TargetKind.DOMAIN, "casino.test"),)
    assert entry_from_dict(entry_to_dict(entry), "") == entry
    document = {"qorgan_national_list": 1, "published": "2026-11-20", "entries": [ENTRY]}
    assert national_list_from_dict(document) == [entry]


HEADER = "reference,violation_type,legal_norm,target_kind,target_value,protocol,issued,authority"


def read_csv(lines: list[str]) -> tuple[list[tuple[int, NationalEntry]], Tally]:
    tally = Tally("national.csv")
    return list(stream_national_csv(lines, tally)), tally


def test_csv_rows_of_one_reference_make_one_notification() -> None:
    rows = [
        HEADER,
        'KZ-1,Casino,"Law on Gambling, art. 8",domain,casino.test,https,2026-11-01,Authority',
        "KZ-2,Drugs,Criminal Code art. 297,ip,192.0.2.7,,2026-11-02,Authority",
        'KZ-1,Casino,"Law on Gambling, art. 8",url,https://forum.example/a/../b,https,2026-11-01,Authority',
        "",
        'KZ-1,Casino,"Law on Gambling, art. 8",domain,CASINO.test,https,2026-11-01,Authority',
    ]
    found, tally = read_csv(rows)
    assert [(line, entry.reference) for line, entry in found] == [(2, "KZ-1"), (3, "KZ-2")]
    casino, drugs = (entry for _, entry in found)
    assert casino.legal_norm == "Law on Gambling, art. 8"
    assert casino.targets == (
        Target(TargetKind.DOMAIN, "casino.test"),
        Target(TargetKind.URL, "https://forum.example/b"),
    )
    assert drugs.protocol is Protocol.ANY
    assert drugs.issued == date(2026, 11, 2)
    assert (tally.accepted, tally.duplicates, tally.invalid_count) == (2, 1, 0)


def test_csv_with_semicolons_and_without_the_protocol_column() -> None:
    header = "reference;violation_type;legal_norm;target_kind;target_value;issued;authority"
    found, _ = read_csv([header, "KZ-3;Fraud;Art. 190;cidr;198.51.100.0/24;2026-10-01;A"])
    assert found[0][1].targets == (Target(TargetKind.CIDR, "198.51.100.0/24"),)


def test_bad_csv_rows_are_reported_by_line_and_column() -> None:
    rows = [
        HEADER,
        "KZ-1,Casino,Norm,domain,casino.test,https,2026-11-01,Authority",
        "KZ-1,Other,Norm,domain,more.test,https,2026-11-01,Authority",
        "KZ-4,Casino,Norm,host,casino.test,https,2026-11-01,Authority",
        "KZ-5,Casino,Norm,domain,bad host.test,https,2026-11-01,Authority",
        "KZ-6,Casino,Norm,domain,ok.test,https,2026-11-01,Authority,extra",
        "KZ-7,Casino,Norm,domain,ok.test,https,yesterday,Authority",
    ]
    found, tally = read_csv(rows)
    assert [entry.reference for _, entry in found] == ["KZ-1"]
    problems = [(i.number, i.problem) for i in tally.report().invalid]
    assert problems[0] == (3, "reference 'KZ-1' is on line 2 with other details")
    assert problems[1][0] == 4 and problems[1][1].startswith("target_kind: 'host' is not valid")
    assert problems[2][0] == 5 and problems[2][1].startswith("target_value: 'bad host.test'")
    assert problems[3] == (6, "9 fields, but the header names 8")
    assert problems[4] == (7, "issued: 'yesterday' is not a date")


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["reference,violation,target_kind"], "line 1: 'violation' is not a column"),
        (["reference,violation_type,legal_norm,target_kind,target_value,issued"],
         "the column 'authority' is missing"),
        ([HEADER, 'KZ-1,"unclosed'], "not valid CSV"),
        ([], "the column 'reference' is missing"),
    ],
)  # fmt: skip
def test_a_csv_that_is_not_a_national_list_raises(lines: list[str], message: str) -> None:
    with pytest.raises(NationalListError, match=message):
        read_csv(lines)


def test_the_json_schema_in_docs_matches_the_reader() -> None:
    from pathlib import Path

    from rules.national_format import ENTRY_FIELDS, FORMAT_VERSION, TOP_FIELDS

    schema = json.loads((Path(__file__).parents[2] / "docs/national-list.schema.json").read_text())
    notification = schema["$defs"]["notification"]
    assert set(schema["properties"]) == TOP_FIELDS
    assert schema["properties"]["qorgan_national_list"]["const"] == FORMAT_VERSION
    assert set(notification["properties"]) == ENTRY_FIELDS
    assert set(notification["required"]) == ENTRY_FIELDS - {"protocol"}
    assert notification["properties"]["protocol"]["enum"] == [p.value for p in Protocol]
    kinds = schema["$defs"]["target"]["properties"]["kind"]["enum"]
    assert kinds == [k.value for k in TargetKind]
