"""Each supervised account's proxy port, given once, never moved by others coming or going;
and the ports a parent opens, read as written or refused with the reason."""

import pytest

from rules.ports import OpenPort, OpenPortError, PortProblem, Protocol4, assign_ports, open_ports


def every_port_usable(port: int) -> bool:
    return True


def test_new_accounts_get_the_lowest_ports_in_their_order() -> None:
    assert assign_ports({}, [1001, 1000], 47101, every_port_usable) == {1000: 47101, 1001: 47102}


def test_a_kept_port_stays_and_a_port_once_given_is_not_given_again() -> None:
    kept = {"S-1-5-21-1-1001": 47101, "S-1-5-21-1-1002": 47102}
    ports = assign_ports(kept, ["S-1-5-21-1-1002", "S-1-5-21-1-1003"], 47101, every_port_usable)
    assert ports == {"S-1-5-21-1-1002": 47102, "S-1-5-21-1-1003": 47103}


def test_a_port_in_use_elsewhere_is_passed_over() -> None:
    assert assign_ports({}, [7, 8], 47101, lambda port: port != 47102) == {7: 47101, 8: 47103}


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("25565/tcp", OpenPort(25565, 25565, Protocol4.TCP)),
        (" 27015-27030/UDP ", OpenPort(27015, 27030, Protocol4.UDP)),
        ("1/tcp", OpenPort(1, 1, Protocol4.TCP)),
        ("65535/udp", OpenPort(65535, 65535, Protocol4.UDP)),
        ("80/udp", OpenPort(80, 80, Protocol4.UDP)),  # only TCP 80 is the proxy's
        ("854-900/tcp", OpenPort(854, 900, Protocol4.TCP)),
    ],
)
def test_an_open_port_is_read_as_a_parent_writes_it_and_written_back_the_same(
    text: str, parsed: OpenPort
) -> None:
    assert OpenPort.parse(text) == parsed
    assert OpenPort.parse(str(parsed)) == parsed


def test_a_single_port_is_written_without_a_range() -> None:
    assert str(OpenPort(22, 22, Protocol4.TCP)) == "22/tcp"
    assert str(OpenPort(6000, 6010, Protocol4.UDP)) == "6000-6010/udp"


@pytest.mark.parametrize(
    ("text", "problem", "why"),
    [
        ("25565", PortProblem.FORM, "PORT/tcp"),
        ("25565/icmp", PortProblem.FORM, "PORT/tcp"),
        ("tcp/25565", PortProblem.FORM, "PORT/tcp"),
        ("", PortProblem.FORM, "PORT/tcp"),
        ("0/tcp", PortProblem.RANGE, "65535"),
        ("70000/udp", PortProblem.RANGE, "65535"),
        ("3000-2000/tcp", PortProblem.RANGE, "65535"),
        ("443/tcp", PortProblem.KEPT, "proxy's"),
        ("443/udp", PortProblem.KEPT, "proxy's"),  # QUIC
        ("50-60/udp", PortProblem.KEPT, "proxy's"),  # covers DNS
        ("800-900/tcp", PortProblem.KEPT, "proxy's"),  # covers DNS-over-TLS
    ],
)
def test_a_port_that_cannot_be_opened_is_named_with_why(
    text: str, problem: PortProblem, why: str
) -> None:
    with pytest.raises(OpenPortError) as raised:
        OpenPort.parse(text)
    assert (raised.value.entry, raised.value.problem) == (text, problem)
    message = str(raised.value)
    assert message.startswith(repr(text)) and why in message and "\n" not in message


def test_open_ports_are_kept_once_and_in_order() -> None:
    assert open_ports(["6000/udp", "22/tcp", "22/TCP", "6000/tcp"]) == (
        OpenPort(22, 22, Protocol4.TCP),
        OpenPort(6000, 6000, Protocol4.TCP),
        OpenPort(6000, 6000, Protocol4.UDP),
    )
    assert open_ports([]) == ()


def test_one_bad_entry_spoils_the_whole_list() -> None:
    with pytest.raises(OpenPortError) as raised:
        open_ports(["22/tcp", "53/udp"])
    assert raised.value.entry == "53/udp"
